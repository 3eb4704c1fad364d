package org.handover.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.handover.core.lists.CsvExport;
import org.handover.core.matching.Linker;
import org.handover.core.matching.PersonFields;
import org.handover.core.matching.PersonRecord;
import org.handover.server.App;
import org.handover.server.i18n.Messages;
import org.handover.server.matching.MatchRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Links a roster's entries to the registry and prints the counts per band; writes the links as CSV. */
@Command(name = "match", mixinStandardHelpOptions = true,
    description = {"Link a roster to the registry: blocking, Fellegi–Sunter weights trained by EM, one band per link.",
        "Links are proposals: nothing is stored yet, and no decision is made."})
final class MatchCommand implements Callable<Integer> {
  @Mixin
  Options options;

  @Option(names = "--roster", required = true, description = "the roster's id (import it first with roster import)")
  long roster;

  @Option(names = "--one-to-one", description = "each entry to at most one person and each person at most once")
  boolean oneToOne;

  @Option(names = "--auto", defaultValue = "0.99", description = "probability from which a link is proposed as sure (default ${DEFAULT-VALUE})")
  double auto;

  @Option(names = "--review", defaultValue = "0.5", description = "probability from which a link goes to review (default ${DEFAULT-VALUE})")
  double review;

  @Option(names = "--out", description = "write one row per proposed link: entry_row,entry_id,person_id,person_reference,weight,probability,band,decision")
  Path out;

  @Override
  public Integer call() throws IOException {
    Messages m = options.messages();
    if (!(review > 0 && review <= auto && auto <= 1)) {
      System.err.println(m.get("error.match.thresholds", review, auto));
      return 2;
    }
    try (App app = options.open()) {
      if (app.rosters().find(roster).isEmpty()) {
        System.err.println(m.get("error.roster.unknown", roster));
        return 2;
      }
      List<PersonRecord> entries = MatchRecords.roster(app.rosters(), roster);
      List<PersonRecord> persons = MatchRecords.registry(app.database().jdbi());
      if (entries.isEmpty() || persons.isEmpty()) {
        System.err.println(m.get("error.match.empty", entries.size(), persons.size()));
        return 2;
      }
      Linker.Result<PersonRecord> r = Linker.link(entries, persons, PersonFields.all(), PersonFields.rules(),
          Linker.Options.defaults().oneToOne(oneToOne));
      int sure = 0;
      int toReview = 0;
      Set<Integer> linked = new HashSet<>();
      PrintWriter csv = null;
      CsvExport writer = null;
      if (out != null) {
        writer = new CsvExport(Files.newOutputStream(out));
        writer.row(List.of("entry_row", "entry_id", "person_id", "person_reference", "weight", "probability", "band",
            "decision"));
      }
      for (Linker.Link l : r.links()) {
        double p = l.scored().probability();
        if (p < review) {
          continue;
        }
        String band = p >= auto ? "auto" : "review";
        if (p >= auto) {
          sure++;
        } else {
          toReview++;
        }
        linked.add(l.left());
        if (writer != null) {
          PersonRecord e = entries.get(l.left());
          PersonRecord person = persons.get(l.right());
          writer.row(List.of(String.valueOf(e.id()), roster + ":" + e.id(), String.valueOf(person.id()), person.reference(),
              String.format(Locale.ROOT, "%.3f", l.scored().weight()), String.format(Locale.ROOT, "%.6f", p), band,
              "proposed"));
        }
      }
      if (writer != null) {
        writer.close();
      }
      System.out.println(m.get("match.summary", entries.size(), persons.size(), r.candidates().size(), sure, toReview,
          entries.size() - linked.size()));
      System.out.println(m.get("match.timings", r.blockMillis(), r.trainMillis(), r.scoreMillis()) + " "
          + r.candidates().byRule());
      if (out != null) {
        System.out.println(m.get("roster.exported", out.toString()));
      }
      return 0;
    }
  }
}
