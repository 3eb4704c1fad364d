package org.handover.server.agreements;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.core.agreements.Decision;
import org.handover.core.parties.Party;
import org.handover.core.rosters.CsvExport;
import org.handover.server.App;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Days;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code handover eligibility}: who qualifies under a provision on a date, per side. */
@Requires(Permission.READ)
@Command(
    name = "eligibility",
    mixinStandardHelpOptions = true,
    description = {
      "Who qualifies under a provision on a date: six lines of counts (held-by-us and held-by-them,"
          + " each eligible, uncertain, not-eligible) and, with --out, every person with the"
          + " reason (CSV: person_id,reference,held_by,decision,reason).",
      "Uncertain is never decided for you: a partial or missing date of birth against an age"
          + " range is listed for review."
    })
final class EligibilityCommand implements Callable<Integer> {
  @Mixin Options options;

  @Option(names = "--agreement", required = true, paramLabel = "ID")
  long agreement;

  @Option(names = "--provision", required = true, paramLabel = "N")
  int provision;

  @Option(
      names = "--on",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "the date ages are counted on (the day of the exchange)")
  String on;

  @Option(names = "--out", paramLabel = "FILE.csv", description = "every person, with the reason")
  Path out;

  @Override
  public Integer call() throws IOException {
    Messages m = options.messages();
    try (App app = options.open()) {
      LocalDate day = Days.parse(on, "--on");
      Agreement a =
          app.agreements()
              .find(agreement)
              .orElseThrow(() -> new AgreementException("error.agreement.none", agreement));
      Agreement.Numbered n = a.provision(provision);
      Party own =
          app.parties()
              .own()
              .orElseThrow(() -> new AgreementException("error.agreement.no-own-party"));
      ReasonWords words = new ReasonWords(m, app.parties().book());
      EligibilityRun.Counts counts;
      if (out == null) {
        counts = EligibilityRun.run(app.database().jdbi(), n.provision(), day, own, r -> {});
      } else {
        try (OutputStream file = Files.newOutputStream(out);
            CsvExport csv = new CsvExport(file)) {
          csv.row(List.of("person_id", "reference", "held_by", "decision", "reason"));
          counts =
              EligibilityRun.run(
                  app.database().jdbi(),
                  n.provision(),
                  day,
                  own,
                  r -> {
                    try {
                      csv.row(
                          List.of(
                              String.valueOf(r.personId()),
                              r.reference(),
                              r.heldBy().code(),
                              r.verdict().decision().key(),
                              words.of(r.verdict())));
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  });
        }
      }
      for (EligibilityRun.Side side : EligibilityRun.Side.values()) {
        for (Decision d : Decision.values()) {
          System.out.println("held-by-" + side.key() + " " + d.key() + " " + counts.of(side, d));
        }
      }
      return 0;
    } catch (IllegalArgumentException e) {
      return AgreementCommand.refuse(m, e);
    }
  }
}
