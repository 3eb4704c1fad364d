package org.handover.server.matching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.handover.core.accounts.Permission;
import org.handover.core.matching.BlockingRule;
import org.handover.core.matching.Linker;
import org.handover.core.matching.PersonBlocking;
import org.handover.core.matching.PersonRecord;
import org.handover.core.matching.Thresholds;
import org.handover.core.rosters.CsvExport;
import org.handover.server.App;
import org.handover.server.cli.Acting;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Links a roster's entries to the registry and prints the counts per band; writes the links as CSV.
 */
@Requires(Permission.REVIEW_MATCHES)
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = {
      "Link a roster to the registry: blocking, Fellegi–Sunter weights trained by EM, one band per link.",
      "The run and its links are stored for review; decisions made before are kept and shown."
    })
final class MatchCommand implements Callable<Integer> {
  @Mixin Options options;

  @Option(
      names = "--roster",
      required = true,
      description = "the roster's id (import it first with roster import)")
  long roster;

  @Option(
      names = "--one-to-one",
      description = "each entry to at most one person and each person at most once")
  boolean oneToOne;

  @Mixin ThresholdOptions thresholdOptions;

  @Acting String actor;

  @Option(
      names = "--rules",
      split = ",",
      paramLabel = "RULE",
      completionCandidates = RuleNames.class,
      description =
          "blocking rules to use, by name, comma-separated (default: all of them: ${COMPLETION-CANDIDATES})")
  List<String> rules;

  /** The blocking rules' names, as the engine has them: the help lists them. */
  static final class RuleNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return PersonBlocking.rules().stream().map(r -> r.name()).iterator();
    }
  }

  @Option(
      names = "--out",
      description =
          "write one row per proposed link: entry_row,entry_id,person_id,person_reference,weight,probability,band,decision")
  Path out;

  @Override
  public Integer call() throws IOException {
    Messages m = options.messages();
    Optional<Thresholds> given = thresholdOptions.read(m);
    if (given.isEmpty()) {
      return 2;
    }
    Thresholds thresholds = given.get();
    StepLines steps = new StepLines(m);
    try (App app = options.open()) {
      if (app.rosters().find(roster).isEmpty()) {
        System.err.println(m.get("error.roster.unknown", roster));
        return 2;
      }
      Matching.Run run;
      List<BlockingRule<PersonRecord>> chosen;
      try {
        chosen = rules == null ? PersonBlocking.rules() : PersonBlocking.rules(rules);
      } catch (IllegalArgumentException e) {
        System.err.println(
            m.get(
                "error.match.unknown-rule",
                String.join(", ", rules),
                String.join(", ", PersonBlocking.rules().stream().map(r -> r.name()).toList())));
        return 2;
      }
      try {
        run = app.matching().run(roster, oneToOne, thresholds, chosen, actor, steps, false, steps);
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 2;
      }
      if (out != null) {
        try (CsvExport writer = new CsvExport(Files.newOutputStream(out))) {
          writer.row(
              List.of(
                  "entry_row",
                  "entry_id",
                  "person_id",
                  "person_reference",
                  "weight",
                  "probability",
                  "band",
                  "decision"));
          Map<Long, String> references = new HashMap<>();
          app.database()
              .jdbi()
              .useHandle(
                  h ->
                      h.createQuery("SELECT id, reference FROM persons")
                          .map(
                              (rs, ctx) ->
                                  references.put(rs.getLong("id"), rs.getString("reference")))
                          .forEach(x -> {}));
          List<Matching.StoredMatch> stored = new ArrayList<>(app.matching().matches(run.id()));
          stored.sort(
              Comparator.comparingInt(Matching.StoredMatch::entryRow)
                  .thenComparingDouble(x -> -x.weight()));
          for (var s : stored) {
            writer.row(
                List.of(
                    String.valueOf(s.entryRow()),
                    roster + ":" + s.entryRow(),
                    String.valueOf(s.personId()),
                    references.getOrDefault(s.personId(), ""),
                    String.format(Locale.ROOT, "%.3f", s.weight()),
                    String.format(Locale.ROOT, "%.6f", s.probability()),
                    s.band().key(),
                    s.decision().isEmpty() ? "proposed" : s.decision()));
          }
        }
      }
      Linker.Result<PersonRecord> r = run.result();
      System.out.println(m.get("match.run", run.id()));
      System.out.println(
          m.get(
              "match.summary",
              run.entries(),
              run.persons(),
              r.candidates().size(),
              run.auto(),
              run.review(),
              run.noMatch()));
      if (Double.isFinite(r.inRegistry())) {
        System.out.println(m.get("match.share", Math.round(100 * r.inRegistry())));
      }
      System.out.println(
          m.get("match.timings", r.blockMillis(), r.trainMillis(), r.scoreMillis())
              + " "
              + r.candidates().byRule());
      app.matching()
          .models()
          .latest(MatchModels.Kind.MATCH)
          .ifPresent(
              i ->
                  System.out.println(
                      m.get(
                          "match.model",
                          i.id(),
                          ModelCommand.day(i.trainedAt()),
                          i.rosterId().map(String::valueOf).orElse("—"))));
      if (out != null) {
        System.out.println(m.get("roster.exported", out.toString()));
      }
      return 0;
    }
  }

  /**
   * A run's steps on standard error, each on its line, and under the one under way a bar of how far
   * it is: the registry's new and changed persons prepared, then the candidate pairs compared. Told
   * from several threads; a bar never goes back.
   */
  static final class StepLines implements Consumer<String>, Linker.Progress {
    private final Messages m;
    private String step = "";
    private int shown = -1;
    private boolean open; // a bar's line not yet ended

    StepLines(Messages m) {
      this.m = m;
    }

    @Override
    public synchronized void accept(String key) {
      if (open) {
        System.err.println();
      }
      open = false;
      shown = -1;
      step = key;
      System.err.println(m.get(key));
    }

    @Override
    public void stage(Linker.Stage stage) {
      accept(TrainingStages.step(stage));
    }

    @Override
    public synchronized void at(int done, int of) {
      if (done <= shown || of <= 0) {
        return; // told late by another thread: the bar is past it
      }
      shown = done;
      String what = TrainingStages.bar(step);
      System.err.print(
          "\r"
              + org.handover.server.cli.Progress.bar((double) done / of)
              + " "
              + m.get(what, done, of));
      open = done < of;
      if (!open) {
        System.err.println();
      }
    }
  }
}
