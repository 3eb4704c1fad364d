package org.handover.server.tracing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.core.rosters.CsvExport;
import org.handover.core.rosters.RosterFileException;
import org.handover.core.tracing.CaseState;
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

/** {@code handover tracing import|match|case|stats|export}. */
@Command(
    name = "tracing",
    mixinStandardHelpOptions = true,
    description = "Children sought by their families, the children located, their reunification.",
    subcommands = {
      TracingCommand.Import.class,
      TracingCommand.Match.class,
      TracingCommand.Case.class,
      TracingCommand.Stats.class,
      TracingCommand.Export.class,
      CardCommand.Card.class,
      CardCommand.Locate.class,
      CardCommand.Link.class,
      CardCommand.Photo.class
    })
final class TracingCommand {
  static int refuse(Messages m, IllegalArgumentException e) {
    System.err.println(m.refusal(e));
    return 2;
  }

  @Requires(Permission.MANAGE_TRACING)
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import relatives' requests: one child sought a row, rows with the same reference one"
            + " request; columns reference, the child's names, date and place of birth, sex,"
            + " mother's and father's names, the relative, relation, contact, consent to trace,"
            + " consent to share, date, place and circumstances of separation; and the rest of the"
            + " card: other names, health, blood group, dates other documents give, when and where"
            + " the child left the country.",
        "A row without a relative or consent, with an unknown relation, or a blood group or date"
            + " that is not one, refuses the file."
      })
  static final class Import implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Acting String actor;

    @Override
    public Integer call() throws IOException {
      Messages m = options.messages();
      if (!Files.isRegularFile(file)) {
        System.err.println(m.get("error.file.not-found", file.toString()));
        return 2;
      }
      try (App app = options.open()) {
        RequestReader.Read read =
            RequestReader.read(file, file.getFileName().toString(), m, LocalDate.now(app.clock()));
        if (!read.problems().isEmpty()) {
          read.problems().forEach(System.err::println);
          System.err.println(m.get("roster.nothing-stored"));
          return 2;
        }
        int children = app.tracing().importRequests(read.requests(), actor);
        System.out.println(m.get("tracing.imported", read.requests().size(), children));
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

  @Requires(Permission.MANAGE_TRACING)
  @Command(
      name = "match",
      mixinStandardHelpOptions = true,
      description = {
        "Compare every child still sought with the children on the lists of purpose children (or"
            + " one list): the best candidates of each go to review; nothing is linked.",
        "With --out: request_reference,child_sought,roster_id,entry_row,probability,reasons."
      })
  static final class Match implements Callable<Integer> {
    @Mixin Options options;

    @Option(names = "--roster", paramLabel = "ID")
    Long roster;

    @Option(names = "--out", paramLabel = "FILE.csv")
    Path out;

    @Acting String actor;

    @Override
    public Integer call() throws IOException {
      Messages m = options.messages();
      try (App app = options.open()) {
        if (roster != null && app.rosters().find(roster).isEmpty()) {
          throw new TracingException("error.tracing.no-roster", roster);
        }
        List<Tracing.Candidate> found = app.tracing().match(Optional.ofNullable(roster), actor);
        Reasons reasons = new Reasons(m);
        if (out != null) {
          try (OutputStream o = Files.newOutputStream(out);
              CsvExport csv = new CsvExport(o)) {
            csv.row(
                List.of(
                    "request_reference",
                    "child_sought",
                    "roster_id",
                    "entry_row",
                    "probability",
                    "reasons"));
            for (Tracing.Candidate c : found) {
              Board.Child child = Board.child(app.database().jdbi(), c.childId()).orElseThrow();
              csv.row(
                  List.of(
                      child.reference(),
                      String.valueOf(child.number()),
                      String.valueOf(c.rosterId()),
                      String.valueOf(c.entryRow()),
                      String.format(java.util.Locale.ROOT, "%.4f", c.probability()),
                      reasons.of(c.why())));
            }
          }
        }
        System.out.println(
            m.get(
                "tracing.matched",
                found.stream().map(Tracing.Candidate::childId).distinct().count(),
                found.size()));
        return 0;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }

  @Requires(Permission.MANAGE_TRACING)
  @Command(
      name = "case",
      mixinStandardHelpOptions = true,
      description = {
        "Move a child's case: open, located, verified, handover-agreed, reunified, follow-up,"
            + " closed — one step at a time; closed from anywhere with --note saying why."
      })
  static final class Case implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "ID", description = "the child's number (as the pages show it)")
    long child;

    @Option(names = "--to", required = true, paramLabel = "STATE")
    String to;

    @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "default today")
    String on;

    @Option(names = "--note", defaultValue = "")
    String note;

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        CaseState state;
        try {
          state = CaseState.fromKey(to.strip());
        } catch (IllegalArgumentException e) {
          throw new TracingException("error.tracing.state", to);
        }
        LocalDate day = on == null ? LocalDate.now(app.clock()) : Days.parse(on, "--on");
        app.tracing().move(child, state, day, note, actor);
        System.out.println(m.get("tracing.state." + state.key()));
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
      description = "Requests, children sought per state, and month by month.")
  static final class Stats implements Callable<Integer> {
    @Mixin Options options;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        Map<CaseState, Long> counts = Board.counts(app.database().jdbi());
        System.out.println("requests " + Board.requests(app.database().jdbi()));
        counts.forEach((s, n) -> System.out.println(s.key() + " " + n));
        for (Map<String, Object> month : Board.months(app.database().jdbi())) {
          System.out.println(
              m.get(
                  "tracing.month",
                  month.get("month"),
                  month.get("located"),
                  month.get("verified"),
                  month.get("reunified")));
        }
        return 0;
      }
    }
  }

  @Requires(Permission.MANAGE_TRACING)
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "The children sought whose relatives consented to sharing, for the other side: what the"
              + " family told of the child, never the relative's contact.")
  static final class Export implements Callable<Integer> {
    @Mixin Options options;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv")
    Path out;

    @Override
    public Integer call() throws IOException {
      Messages m = options.messages();
      try (App app = options.open();
          OutputStream o = Files.newOutputStream(out);
          CsvExport csv = new CsvExport(o)) {
        csv.row(
            List.of(
                m.get("tracing.request"),
                "№",
                m.get("tracing.child"),
                m.get("field.birth_date"),
                m.get("field.birth_place"),
                m.get("list-field.mother"),
                m.get("list-field.father-name"),
                m.get("tracing.separated")));
        int[] n = {0};
        for (Board.Child c :
            Board.children(app.database().jdbi(), Optional.empty(), Integer.MAX_VALUE)) {
          if (!c.sharing()) {
            continue; // the family did not consent to sharing
          }
          n[0]++;
          try {
            csv.row(
                List.of(
                    c.reference(),
                    String.valueOf(c.number()),
                    c.name(),
                    c.born(),
                    c.birthPlace(),
                    c.mother(),
                    c.father(),
                    c.separated()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        System.out.println(m.get("tracing.exported", n[0]));
        return 0;
      }
    }
  }
}
