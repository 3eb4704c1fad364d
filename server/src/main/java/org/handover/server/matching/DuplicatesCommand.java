package org.handover.server.matching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
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

/** Finds persons recorded twice in the registry. Proposals only: nothing is merged. */
@Requires(Permission.REVIEW_MATCHES)
@Command(
    name = "duplicates",
    aliases = "dedupe",
    mixinStandardHelpOptions = true,
    description = {
      "Find persons recorded twice in the registry, as pairs and as groups (every member linked to every"
          + " other, so that two people are never chained through a third). The groups are stored for review on the"
          + " web page Duplicates, where they are merged or marked as different people; nothing is merged here."
    })
final class DuplicatesCommand implements Callable<Integer> {
  @Mixin Options options;

  @Mixin ThresholdOptions thresholdOptions;

  @Acting String actor;

  @Option(
      names = "--out",
      description =
          "write one row per pair: person_id,person_reference,other_person_id,other_person_reference,weight,probability,band,decision")
  Path out;

  @Option(
      names = "--retrain",
      description = "train the deduplication model again first (otherwise the kept one is applied)")
  boolean retrain;

  @Override
  public Integer call() throws IOException {
    Messages m = options.messages();
    Optional<Thresholds> given = thresholdOptions.read(m);
    if (given.isEmpty()) {
      return 2;
    }
    Thresholds thresholds = given.get();
    try (App app = options.open()) {
      Duplicates.Found found;
      try {
        MatchCommand.StepLines steps = new MatchCommand.StepLines(m);
        found = app.duplicates().search(thresholds, actor, steps, retrain, steps);
      } catch (IllegalArgumentException e) {
        long n = app.registry().count();
        System.err.println(m.get("error.match.empty", n, n));
        return 2;
      }
      if (out != null) {
        try (CsvExport csv = new CsvExport(Files.newOutputStream(out))) {
          csv.row(
              List.of(
                  "person_id",
                  "person_reference",
                  "other_person_id",
                  "other_person_reference",
                  "weight",
                  "probability",
                  "band",
                  "decision"));
          for (Duplicates.Pair p : found.pairs()) {
            csv.row(
                List.of(
                    String.valueOf(p.personId()),
                    found.references().get(p.personId()),
                    String.valueOf(p.otherId()),
                    found.references().get(p.otherId()),
                    String.format(Locale.ROOT, "%.3f", p.weight()),
                    String.format(Locale.ROOT, "%.6f", p.probability()),
                    p.band().key(),
                    "proposed"));
          }
        }
      }
      var r = found.result();
      System.out.println(
          m.get(
              "dedupe.summary",
              found.persons(),
              r.candidates().size(),
              found.auto(),
              found.review(),
              found.groups()));
      System.out.println(
          m.get("match.timings", r.blockMillis(), r.trainMillis(), r.scoreMillis())
              + " "
              + r.candidates().byRule());
      return 0;
    }
  }
}
