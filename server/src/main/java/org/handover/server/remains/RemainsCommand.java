package org.handover.server.remains;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.handover.core.Refused;
import org.handover.core.accounts.Permission;
import org.handover.core.parties.Party;
import org.handover.core.remains.Figures;
import org.handover.core.remains.Identification;
import org.handover.core.remains.Method;
import org.handover.core.remains.Place;
import org.handover.core.rosters.RosterFileException;
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

/** {@code handover remains receive|identify|revoke|move|notify|show|stats}. */
@Command(
    name = "remains",
    mixinStandardHelpOptions = true,
    description = "The remains register: transfers received, custody, identification, figures.",
    subcommands = {
      RemainsCommand.Receive.class,
      RemainsCommand.Send.class,
      RemainsCommand.Identify.class,
      RemainsCommand.Revoke.class,
      RemainsCommand.Move.class,
      RemainsCommand.Notify.class,
      RemainsCommand.Dispute.class,
      RemainsCommand.SampleCommand.class,
      RemainsCommand.ReportCommand.class,
      RemainsCommand.DeathCommand.class,
      RemainsCommand.Show.class,
      RemainsCommand.Stats.class
    })
final class RemainsCommand {

  static int refuse(Messages m, IllegalArgumentException e) {
    System.err.println(m.refusal(e));
    return 2;
  }

  static LocalDate day(String text, String option, App app) {
    return text == null ? LocalDate.now(app.clock()) : Days.parse(text, option);
  }

  @Requires(Permission.RECORD_REMAINS)
  @Command(
      name = "receive",
      mixinStandardHelpOptions = true,
      description = {
        "Receive a transfer of remains: a list (CSV, XLSX) with a tag column and, where the other"
            + " side gives one, the identity it claims (name, date of birth). One case per row;"
            + " each claim is matched against the registry (the list is kept, purpose remains).",
        "A tag missing, repeated or received before refuses the whole list; nothing is stored."
      })
  static final class Receive implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--from", required = true, paramLabel = "PARTY")
    String from;

    @Option(names = "--to", paramLabel = "PARTY", description = "default this installation's")
    String to;

    @Option(names = "--on", required = true, paramLabel = "YYYY-MM-DD")
    String on;

    @Option(names = "--agreement", paramLabel = "ID", description = "the agreement it carries out")
    Long agreement;

    @Option(names = "--provision", paramLabel = "N")
    Integer provision;

    @Acting String actor;

    @Override
    public Integer call() throws java.io.IOException {
      Messages m = options.messages();
      if (!Files.isRegularFile(file)) {
        System.err.println(m.get("error.file.not-found", file.toString()));
        return 2;
      }
      try (App app = options.open()) {
        Party sender = party(app, from);
        Party receiver =
            to == null
                ? app.parties()
                    .own()
                    .orElseThrow(() -> new RemainsException("error.remains.no-own-party"))
                : party(app, to);
        LocalDate day = Days.parse(on, "--on");
        Optional<Receiving.Under> under = Optional.empty();
        if (agreement != null || provision != null) {
          if (agreement == null || provision == null) {
            throw new RemainsException("error.remains.under");
          }
          under = Optional.of(new Receiving.Under(agreement, provision));
        }
        Receiving receiving = app.receiving();
        List<Receiving.Problem> problems = receiving.check(file, file.getFileName().toString());
        if (!problems.isEmpty()) {
          problems.forEach(p -> System.err.println(m.get(p.key(), p.args().toArray())));
          System.err.println(m.get("roster.nothing-stored"));
          return 2;
        }
        Receiving.Received r =
            receiving.receive(
                file, file.getFileName().toString(), sender, receiver, day, under, actor);
        System.out.println(
            m.get(
                "remains.received",
                String.valueOf(r.transferId()),
                r.cases(),
                r.claimed(),
                r.linked(),
                r.toReview(),
                String.valueOf(r.rosterId())));
        return 0;
      } catch (RosterFileException e) {
        System.err.println(file.getFileName() + ": " + m.get(e.key(), e.args().toArray()));
        System.err.println(m.get("roster.nothing-stored"));
        return 2;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }

  static Party party(App app, String code) {
    return app.parties()
        .book()
        .byCode(code.strip().toUpperCase(Locale.ROOT))
        .orElseThrow(() -> new Refused("error.party.unknown", code));
  }

  @Requires(Permission.RECORD_REMAINS)
  @Command(
      name = "identify",
      mixinStandardHelpOptions = true,
      description = {
        "Record an identification: fingerprints, dental or DNA identify (the person becomes"
            + " deceased); documents, visual recognition, effects or medical findings alone only"
            + " presume. Prints the case's status."
      })
  static final class Identify implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "TAG")
    String tag;

    @Option(names = "--person", required = true, paramLabel = "ID")
    long person;

    @Option(
        names = "--method",
        required = true,
        description = "dna, fingerprints, dental, documents, visual, effects, medical (repeat)")
    List<String> methods;

    @Option(names = "--act", defaultValue = "", description = "the legal act's number")
    String act;

    @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "default today")
    String on;

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        Set<Method> chosen = EnumSet.noneOf(Method.class);
        for (String k : methods) {
          for (String one : k.split(",")) {
            try {
              chosen.add(Method.fromKey(one.strip()));
            } catch (IllegalArgumentException e) {
              throw new RemainsException("error.remains.method", one.strip());
            }
          }
        }
        Identification.Status s =
            app.register().identify(tag, person, chosen, act, day(on, "--on", app), actor);
        System.out.println(m.get("remains.status." + s.key()));
        return 0;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }

  @Requires(Permission.RECORD_REMAINS)
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description =
          "Withdraw a case's identification, with the reason; the person stands as before.")
  static final class Revoke implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "TAG")
    String tag;

    @Option(names = "--reason", required = true)
    String reason;

    @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "default today")
    String on;

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        app.register().revoke(tag, reason, day(on, "--on", app), actor);
        System.out.println(m.get("remains.status.unidentified"));
        return 0;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }

  @Requires(Permission.RECORD_REMAINS)
  @Command(
      name = "move",
      mixinStandardHelpOptions = true,
      description = "Record that a case went into someone's custody.")
  static final class Move implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "TAG")
    String tag;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "PLACE",
        description = "morgue, laboratory, cemetery, family or other")
    String to;

    @Option(names = "--name", defaultValue = "", description = "which one: \"Дніпро, морг №2\"")
    String name;

    @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "default today")
    String on;

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        Place place;
        try {
          place = Place.fromKey(to.strip());
        } catch (IllegalArgumentException e) {
          throw new RemainsException("error.remains.place", to);
        }
        app.register().move(tag, place, name, day(on, "--on", app), actor);
        System.out.println(m.get("remains.place." + place.key()));
        return 0;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }

  @Requires(Permission.RECORD_REMAINS)
  @Command(
      name = "notify",
      mixinStandardHelpOptions = true,
      description = "Record that the family was told of the identification.")
  static final class Notify implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "TAG")
    String tag;

    @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "default today")
    String on;

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        app.register().notify(tag, day(on, "--on", app), actor);
        System.out.println(m.get("remains.notified"));
        return 0;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }

  @Requires(Permission.READ)
  @Command(name = "show", mixinStandardHelpOptions = true, description = "One case, in words.")
  static final class Show implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "TAG")
    String tag;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        RemainsCase c =
            app.register()
                .byTag(tag)
                .orElseThrow(() -> new RemainsException("error.remains.no-tag", tag));
        CaseWords.lines(c, m, app.parties().book()).forEach(System.out::println);
        return 0;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }

  @Requires(Permission.READ)
  @Command(
      name = "stats",
      mixinStandardHelpOptions = true,
      description = {
        "Received, with a claimed identity, identified (per case and per person), by method, the"
            + " median time to identification; --by month adds the rate month by month."
      })
  static final class Stats implements Callable<Integer> {
    @Mixin Options options;

    @Option(names = "--by", description = "month")
    String by;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "default today")
    String asOf;

    @Option(
        names = "--waiting-days",
        defaultValue = "30",
        description = "a case unmoved this long is on the attention list")
    int waitingDays;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        if (by != null && !by.equals("month")) {
          throw new RemainsException("error.remains.by", by);
        }
        LocalDate day = day(asOf, "--as-of", app);
        Figures.Result r = Statistics.figures(app.database().jdbi(), day);
        FigureWords.lines(r, m).forEach(System.out::println);
        System.out.println(
            m.get("remains.figures.disputed", Statistics.disputed(app.database().jdbi(), day)));
        System.out.println(
            m.get(
                "remains.waiting",
                Statistics.waiting(app.database().jdbi(), day, waitingDays, 1).count(),
                waitingDays));
        if (by != null) {
          for (Figures.Month month : r.months()) {
            System.out.println(FigureWords.month(month, m));
          }
        }
        return 0;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }

  @Requires(Permission.RECORD_REMAINS)
  @Command(
      name = "dispute",
      mixinStandardHelpOptions = true,
      description =
          "Record that a case is not ours but the sending side's own dead (or a third country's),"
              + " with what was found; it is to be returned.")
  static final class Dispute implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "TAG")
    String tag;

    @Option(names = "--belongs-to", required = true, paramLabel = "PARTY")
    String belongsTo;

    @Option(names = "--evidence", required = true, description = "what was found")
    String evidence;

    @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "default today")
    String on;

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        Party p = party(app, belongsTo);
        app.register().dispute(tag, p, evidence, day(on, "--on", app), actor);
        System.out.println(m.get("remains.disputed", app.parties().book().name(p, m.language())));
        return 0;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }

  @Requires(Permission.RECORD_REMAINS)
  @Command(
      name = "send",
      mixinStandardHelpOptions = true,
      description = {
        "Hand remains over: the list we send (a tag column and, where we state one, the identity)"
            + " is kept as a list sent; a tag of a case found to be their own dead returns it.",
        "A tag missing or repeated, or of one of ours, refuses the whole list; nothing is stored."
      })
  static final class Send implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--to", required = true, paramLabel = "PARTY")
    String to;

    @Option(names = "--on", required = true, paramLabel = "YYYY-MM-DD")
    String on;

    @Option(names = "--agreement", paramLabel = "ID")
    Long agreement;

    @Option(names = "--provision", paramLabel = "N")
    Integer provision;

    @Acting String actor;

    @Override
    public Integer call() throws java.io.IOException {
      Messages m = options.messages();
      if (!Files.isRegularFile(file)) {
        System.err.println(m.get("error.file.not-found", file.toString()));
        return 2;
      }
      try (App app = options.open()) {
        Party receiver = party(app, to);
        Party sender =
            app.parties()
                .own()
                .orElseThrow(() -> new RemainsException("error.remains.no-own-party"));
        Optional<Receiving.Under> under = Optional.empty();
        if (agreement != null || provision != null) {
          if (agreement == null || provision == null) {
            throw new RemainsException("error.remains.under");
          }
          under = Optional.of(new Receiving.Under(agreement, provision));
        }
        Sending sending = app.sending();
        List<Receiving.Problem> problems =
            sending.check(file, file.getFileName().toString(), receiver);
        if (!problems.isEmpty()) {
          problems.forEach(p -> System.err.println(m.get(p.key(), p.args().toArray())));
          System.err.println(m.get("roster.nothing-stored"));
          return 2;
        }
        Sending.Sent s =
            sending.send(
                file,
                file.getFileName().toString(),
                sender,
                receiver,
                Days.parse(on, "--on"),
                under,
                actor);
        System.out.println(
            m.get(
                "remains.sent",
                String.valueOf(s.transferId()),
                s.bodies(),
                s.stated(),
                s.returned(),
                String.valueOf(s.rosterId())));
        return 0;
      } catch (RosterFileException e) {
        System.err.println(file.getFileName() + ": " + m.get(e.key(), e.args().toArray()));
        System.err.println(m.get("roster.nothing-stored"));
        return 2;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }

  @Requires(Permission.RECORD_REMAINS)
  @Command(
      name = "sample",
      mixinStandardHelpOptions = true,
      description = "Record a relative's DNA reference sample for a missing person; prints its id.")
  static final class SampleCommand implements Callable<Integer> {
    @Mixin Options options;

    @Option(
        names = "--person",
        required = true,
        paramLabel = "ID",
        description = "the missing person")
    long person;

    @Option(names = "--donor", required = true, description = "who gave it")
    String donor;

    @Option(
        names = "--relation",
        required = true,
        description = "mother, father, child, sibling or other")
    String relation;

    @Option(names = "--lab-ref", required = true, description = "the laboratory's reference")
    String labRef;

    @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "default today")
    String on;

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        org.handover.core.remains.Relation r;
        try {
          r = org.handover.core.remains.Relation.fromKey(relation.strip());
        } catch (IllegalArgumentException e) {
          throw new RemainsException("error.dna.relation", relation);
        }
        long id = app.evidence().sample(person, donor, r, labRef, day(on, "--on", app), actor);
        System.out.println("sample " + id);
        return 0;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }

  @Requires(Permission.RECORD_REMAINS)
  @Command(
      name = "dna-report",
      mixinStandardHelpOptions = true,
      description =
          "Record the laboratory's report comparing a case with a person: --match or --exclusion."
              + " The identification itself is recorded by 'remains identify --method dna'.")
  static final class ReportCommand implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "TAG")
    String tag;

    @Option(names = "--person", required = true, paramLabel = "ID")
    long person;

    @Option(names = "--reference", required = true, description = "the report's reference")
    String reference;

    @Option(names = "--match", description = "the profiles match")
    boolean match;

    @Option(names = "--exclusion", description = "the profiles exclude the person")
    boolean exclusion;

    @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "default today")
    String on;

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        if (match == exclusion) {
          throw new RemainsException("error.dna.conclusion");
        }
        long id = app.evidence().report(tag, person, reference, match, day(on, "--on", app), actor);
        System.out.println("report " + id);
        return 0;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }

  @Requires(Permission.RECORD_REMAINS)
  @Command(
      name = "death",
      mixinStandardHelpOptions = true,
      description =
          "Record a death in captivity (GC III Art. 120-121): the certificate's date, place and"
              + " cause, the grave or a cremation, an inquiry, when the other side was notified."
              + " The person becomes deceased.")
  static final class DeathCommand implements Callable<Integer> {
    @Mixin Options options;

    @Option(names = "--person", required = true, paramLabel = "ID")
    long person;

    @Option(names = "--on", required = true, paramLabel = "YYYY-MM-DD", description = "died on")
    String on;

    @Option(names = "--place", defaultValue = "")
    String place;

    @Option(names = "--cause", defaultValue = "")
    String cause;

    @Option(names = "--certificate", defaultValue = "", description = "the death certificate")
    String certificate;

    @Option(names = "--grave", defaultValue = "", description = "where, and how it is marked")
    String grave;

    @Option(names = "--cremated")
    boolean cremated;

    @Option(names = "--inquiry", defaultValue = "", description = "an official inquiry, if due")
    String inquiry;

    @Option(names = "--notified-on", paramLabel = "YYYY-MM-DD", description = "the other side told")
    String notifiedOn;

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        org.handover.core.remains.Death d =
            new org.handover.core.remains.Death(
                Days.parse(on, "--on"),
                place,
                cause,
                certificate,
                grave,
                cremated,
                inquiry,
                notifiedOn == null
                    ? Optional.empty()
                    : Optional.of(Days.parse(notifiedOn, "--notified-on")));
        Party own =
            app.parties()
                .own()
                .orElseThrow(() -> new RemainsException("error.remains.no-own-party"));
        app.evidence().death(person, d, own, actor);
        System.out.println(m.get("status.deceased"));
        return 0;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }
}
