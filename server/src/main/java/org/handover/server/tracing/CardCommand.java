package org.handover.server.tracing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.cli.Acting;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Days;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code handover tracing card|locate|link|photo}: what is learnt of a child after the request. */
final class CardCommand {
  private CardCommand() {}

  /** The whereabouts options locating and card edits share. */
  static final class Whereabouts {
    @Option(names = "--whereabouts", paramLabel = "TEXT", description = "region, town")
    String whereabouts;

    @Option(names = "--institution", paramLabel = "TEXT")
    String institution;

    @Option(names = "--foster-family", paramLabel = "TEXT", description = "or adoptive family")
    String fosterFamily;

    void into(Map<CardField, String> values) {
      put(values, CardField.WHEREABOUTS, whereabouts);
      put(values, CardField.INSTITUTION, institution);
      put(values, CardField.FOSTER_FAMILY, fosterFamily);
    }
  }

  /** Whether the acting account belongs to another party than ours. */
  static boolean outsider(App app, String actor) {
    return app.accounts().find(actor).map(u -> u.outsider()).orElse(false);
  }

  static void put(Map<CardField, String> values, CardField f, String v) {
    if (v != null) {
      values.put(f, v);
    }
  }

  @Requires(Permission.MANAGE_TRACING)
  @Command(
      name = "card",
      mixinStandardHelpOptions = true,
      description = {
        "Record what is learnt of a child after the request, or correct it: health, blood group,"
            + " the dates other documents give, when and where the child left the country, where"
            + " the child is now, death and burial.",
        "Only the options given change; an empty value clears a field. Journaled."
      })
  static final class Card implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "ID", description = "the child's number (as the pages show it)")
    long child;

    @Option(names = "--health", paramLabel = "TEXT")
    String health;

    @Option(names = "--blood-group", paramLabel = "GROUP", description = "A+, 0(I) Rh-, ...")
    String bloodGroup;

    @Option(names = "--document-dates", paramLabel = "TEXT")
    String documentDates;

    @Option(names = "--left-on", paramLabel = "DATE", description = "dd.mm.yyyy, mm.yyyy or yyyy")
    String leftOn;

    @Option(names = "--left-at", paramLabel = "PLACE")
    String leftAt;

    @Mixin Whereabouts where;

    @Option(names = "--died-on", paramLabel = "DATE")
    String diedOn;

    @Option(names = "--burial", paramLabel = "PLACE")
    String burial;

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      Map<CardField, String> values = new EnumMap<>(CardField.class);
      put(values, CardField.HEALTH, health);
      put(values, CardField.BLOOD_GROUP, bloodGroup);
      put(values, CardField.DOCUMENT_DATES, documentDates);
      put(values, CardField.LEFT_ON, leftOn);
      put(values, CardField.LEFT_AT, leftAt);
      where.into(values);
      put(values, CardField.DIED_ON, diedOn);
      put(values, CardField.BURIAL, burial);
      if (values.isEmpty()) {
        System.err.println(m.get("tracing.card.nothing"));
        return 2;
      }
      try (App app = options.open()) {
        if (outsider(app, actor) && values.keySet().stream().anyMatch(CardField::health)) {
          throw new TracingException("error.tracing.health-ours"); // never shown to them
        }
        int n = app.childCards().change(child, values, actor);
        System.out.println(m.get("tracing.card.changed", n));
        return 0;
      } catch (IllegalArgumentException e) {
        return TracingCommand.refuse(m, e);
      }
    }
  }

  @Requires(Permission.MANAGE_TRACING)
  @Command(
      name = "locate",
      mixinStandardHelpOptions = true,
      description =
          "A child located by a report rather than found on a list (a visit, an institution's"
              + " letter, the press): the case moves from open to located, the report its note.")
  static final class Locate implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "ID")
    long child;

    @Option(names = "--report", required = true, paramLabel = "TEXT", description = "who says so")
    String report;

    @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "default today")
    String on;

    @Mixin Whereabouts where;

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        LocalDate day = on == null ? LocalDate.now(app.clock()) : Days.parse(on, "--on");
        Map<CardField, String> values = new EnumMap<>(CardField.class);
        where.into(values);
        app.tracing().locate(child, report, day, values, actor);
        System.out.println(m.get("tracing.state.located"));
        return 0;
      } catch (IllegalArgumentException e) {
        return TracingCommand.refuse(m, e);
      }
    }
  }

  @Requires(Permission.MANAGE_TRACING)
  @Command(
      name = "link",
      mixinStandardHelpOptions = true,
      description = {
        "Say what a child's case belongs to: a named-list provision of an agreement"
            + " (--provision AGREEMENT:NUMBER) and a commitment to reunify children"
            + " (--commitment ROUND/KEY, as `commitments` lists it). An empty value ends a link.",
        "Once cases belong to a commitment, its fulfilment counts theirs only."
      })
  static final class Link implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "ID")
    long child;

    @Option(names = "--provision", paramLabel = "AGREEMENT:NUMBER")
    String provision;

    @Option(names = "--commitment", paramLabel = "ROUND/KEY")
    String commitment;

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      if (provision == null && commitment == null) {
        System.err.println(m.get("tracing.link.nothing"));
        return 2;
      }
      try (App app = options.open()) {
        app.childCards()
            .link(child, Optional.ofNullable(provision), Optional.ofNullable(commitment), actor);
        System.out.println(m.get("tracing.link.done"));
        return 0;
      } catch (IllegalArgumentException e) {
        return TracingCommand.refuse(m, e);
      }
    }
  }

  @Requires(Permission.MANAGE_TRACING)
  @Command(
      name = "photo",
      mixinStandardHelpOptions = true,
      description = "Keep a photograph (PNG or JPEG, at most 5 MB) with a child's case.")
  static final class Photo implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(index = "0", paramLabel = "ID")
    long child;

    @Parameters(index = "1", paramLabel = "FILE")
    Path file;

    @Acting String actor;

    @Override
    public Integer call() throws IOException {
      Messages m = options.messages();
      if (!Files.isRegularFile(file)) {
        System.err.println(m.get("error.file.not-found", file.toString()));
        return 2;
      }
      if (Files.size(file) > ChildCards.MOST_PHOTO_BYTES) {
        System.err.println(m.get("error.tracing.photo-size", ChildCards.MOST_PHOTO_BYTES >> 20));
        return 2;
      }
      try (App app = options.open()) {
        if (outsider(app, actor)) {
          throw new TracingException("error.tracing.health-ours");
        }
        app.childCards()
            .photo(child, file.getFileName().toString(), Files.readAllBytes(file), actor);
        System.out.println(m.get("tracing.photo.kept"));
        return 0;
      } catch (IllegalArgumentException e) {
        return TracingCommand.refuse(m, e);
      }
    }
  }
}
