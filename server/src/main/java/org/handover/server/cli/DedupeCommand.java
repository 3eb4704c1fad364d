package org.handover.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.handover.core.lists.CsvExport;
import org.handover.core.matching.Clusters;
import org.handover.core.matching.Linker;
import org.handover.core.matching.PersonBlocking;
import org.handover.core.matching.PersonFields;
import org.handover.core.matching.PersonRecord;
import org.handover.server.App;
import org.handover.server.i18n.Messages;
import org.handover.server.matching.MatchRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Finds persons recorded twice in the registry. Proposals only: nothing is merged. */
@Command(name = "dedupe", mixinStandardHelpOptions = true,
    description = {"Find persons recorded twice in the registry, as pairs and as groups (every member linked to every"
        + " other, so that two people are never chained through a third). Nothing is merged."})
final class DedupeCommand implements Callable<Integer> {
  @Mixin
  Options options;

  @Mixin
  Thresholds thresholds;

  @Option(names = "--out", description = "write one row per pair: person_id,person_reference,other_person_id,other_person_reference,weight,probability,band,decision")
  Path out;

  @Override
  public Integer call() throws IOException {
    Messages m = options.messages();
    if (!thresholds.valid(m)) {
      return 2;
    }
    try (App app = options.open()) {
      List<PersonRecord> persons = MatchRecords.registry(app.database().jdbi());
      if (persons.size() < 2) {
        System.err.println(m.get("error.match.empty", persons.size(), persons.size()));
        return 2;
      }
      Linker.Result<PersonRecord> r = Linker.link(persons, persons, PersonFields.all(), PersonBlocking.rules(),
          Linker.Options.defaults().oneList(true));
      int sure = 0;
      int toReview = 0;
      List<Clusters.Pair> pairs = new ArrayList<>();
      CsvExport csv = out == null ? null : new CsvExport(Files.newOutputStream(out));
      if (csv != null) {
        csv.row(List.of("person_id", "person_reference", "other_person_id", "other_person_reference", "weight",
            "probability", "band", "decision"));
      }
      for (Linker.Link l : r.links()) {
        double p = l.scored().probability();
        String band = l.band(thresholds.auto, thresholds.review, org.handover.server.matching.Matching.MIN_MARGIN);
        if (band.equals("none")) {
          continue;
        }
        if (band.equals("auto")) {
          sure++;
        } else {
          toReview++;
        }
        pairs.add(new Clusters.Pair(l.left(), l.right(), l.scored().weight()));
        if (csv != null) {
          PersonRecord a = persons.get(l.left());
          PersonRecord b = persons.get(l.right());
          csv.row(List.of(String.valueOf(a.id()), a.reference(), String.valueOf(b.id()), b.reference(),
              String.format(Locale.ROOT, "%.3f", l.scored().weight()), String.format(Locale.ROOT, "%.6f", p), band, "proposed"));
        }
      }
      if (csv != null) {
        csv.close();
      }
      List<Set<Integer>> groups = Clusters.of(pairs);
      System.out.println(m.get("dedupe.summary", persons.size(), r.candidates().size(), sure, toReview, groups.size()));
      System.out.println(m.get("match.timings", r.blockMillis(), r.trainMillis(), r.scoreMillis()) + " "
          + r.candidates().byRule());
      return 0;
    }
  }
}
