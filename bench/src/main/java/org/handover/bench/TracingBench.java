package org.handover.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.handover.core.demo.DemoPeople;
import org.handover.core.registry.PartialDate;
import org.handover.core.registry.Person;
import org.handover.core.tracing.ChildMatching;
import org.handover.core.tracing.ChildRecord;
import org.handover.names.Names;
import org.handover.server.tracing.Tracing;

/**
 * The children's profile on generated deported children: families seek children as they knew them;
 * the other side's lists write them as their papers now say — a foster family's name for a share,
 * Russian forms of the names, a date of birth shifted for a share, patronymics and places missing —
 * among many other children. Reports recall of the true child among each request's first three
 * candidates, and how many candidates a reviewer reads.
 *
 * <pre>
 * bench/run tracing [--sought 1000] [--located 6000] [--out FILE.md]
 * </pre>
 */
public final class TracingBench {
  static final String[] PLACES = {
    "Маріуполь", "Херсон", "Мелітополь", "Бердянськ", "Ізюм", "Сєвєродонецьк", "Лисичанськ",
    "Енергодар", "Нова Каховка", "Харків", "Бахмут", "Олешки", "Скадовськ", "Каховка"
  };

  public static void main(String[] args) throws Exception {
    int sought = 1000;
    int located = 6000;
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--sought" -> sought = Integer.parseInt(args[i + 1]);
        case "--located" -> located = Integer.parseInt(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Random random = new Random(17);
    RosterNoise noise = new RosterNoise(19);
    LocalDate today = LocalDate.of(2025, 6, 2);
    // children, their mothers and fathers drawn from the generator's (skewed) names
    List<Person> kids = new DemoPeople(31, today).generate(located);
    List<Person> adults = new DemoPeople(37, today).generate(located * 2);
    List<ChildRecord> truth = new ArrayList<>();
    List<ChildRecord> onLists = new ArrayList<>();
    int changedFamily = 0;
    int shiftedDate = 0;
    for (int i = 0; i < located; i++) {
      Person k = kids.get(i);
      Person mother = adults.get(2 * i);
      Person father = adults.get(2 * i + 1);
      String family = k.primaryName().family();
      String given = k.primaryName().given();
      String patronymic = k.primaryName().patronymic();
      LocalDate born =
          LocalDate.of(2008 + random.nextInt(13), 1 + random.nextInt(12), 1 + random.nextInt(28));
      String place = PLACES[random.nextInt(PLACES.length)];
      String motherName = family + " " + mother.primaryName().given();
      String fatherName = father.primaryName().given();
      truth.add(
          child(
              i,
              family + " " + given + " " + patronymic,
              Optional.of(
                  PartialDate.of(born.getYear(), born.getMonthValue(), born.getDayOfMonth())),
              place,
              motherName,
              fatherName));
      // as the other side's papers now write the child
      String listedFamily = family;
      if (random.nextDouble() < 0.3) {
        listedFamily = kids.get(random.nextInt(located)).primaryName().family();
        changedFamily++;
      }
      boolean russian = random.nextDouble() < 0.6;
      String g = russian ? noise.russian(given) : given;
      String p = random.nextDouble() < 0.3 ? "" : russian ? noise.russian(patronymic) : patronymic;
      Optional<PartialDate> listedBorn =
          Optional.of(PartialDate.of(born.getYear(), born.getMonthValue(), born.getDayOfMonth()));
      double d = random.nextDouble();
      if (d < 0.15) {
        LocalDate shifted = born.plusDays(random.nextInt(400) - 200);
        listedBorn =
            Optional.of(
                PartialDate.of(
                    shifted.getYear(), shifted.getMonthValue(), shifted.getDayOfMonth()));
        shiftedDate++;
      } else if (d < 0.25) {
        listedBorn = Optional.of(PartialDate.ofYear(born.getYear()));
      }
      String listedPlace =
          random.nextDouble() < 0.4 ? "" : RosterNoise.RUSSIAN_PLACES.getOrDefault(place, place);
      String listedMother =
          random.nextDouble() < 0.3
              ? ""
              : (random.nextDouble() < 0.5 ? family : listedFamily)
                  + " "
                  + (russian
                      ? noise.russian(mother.primaryName().given())
                      : mother.primaryName().given());
      onLists.add(
          child(
              i,
              String.join(" ", listedFamily, g, p).strip(),
              listedBorn,
              listedPlace,
              listedMother,
              ""));
    }
    // families seek some of them; every request also brings a child nobody located
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < located; i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    List<ChildRecord> requests = new ArrayList<>();
    List<Integer> answer = new ArrayList<>();
    for (int i = 0; i < sought; i++) {
      int k = order.get(i);
      requests.add(truth.get(k));
      answer.add(k);
    }
    long t0 = System.nanoTime();
    List<ChildMatching.Candidate> found = ChildMatching.candidates(requests, onLists, 5, 0.05);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double[] at = measure(found, requests.size(), answer, Tracing.MIN_PROBABILITY);
    double[] low = measure(found, requests.size(), answer, 0.05);
    double recall = at[0];
    int median = (int) at[1];
    String report =
        String.format(
            Locale.ROOT,
            "# Tracing: children sought among children located%n%n- date: %s%n- machine: %s%n- command: `./handover bench tracing %s`%n%n"
                + "%,d children sought by their families among %,d children on the other side's lists (names from Handover's"
                + " demo generator, DemoPeople, whose names are spread more evenly than real registries'; on the lists: %,d under another family's name, %,d with the date of birth shifted by up"
                + " to 200 days, a tenth with the year only, six in ten with Russian forms of the names, three in ten without"
                + " patronymic, four in ten without place of birth, three in ten without the mother's name).%n%n"
                + "Recall of the true child among each request's first three candidates: **%.3f** (%,d of %,d); candidates a"
                + " reviewer reads per child: median **%d** (at most 5 are shown, each at least %.0f%% likely, as"
                + " `tracing match` keeps them). Showing everyone at least 5%% likely instead: recall %.3f, median"
                + " %d. Matching time: %.1f s.%n%n"
                + "Target (tracing issue): recall in the top 3 at least 0.95 with a median of at most 3 candidates.%n",
            LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
            Machine.describe(),
            String.join(" ", args),
            requests.size(),
            onLists.size(),
            changedFamily,
            shiftedDate,
            recall,
            Math.round(recall * requests.size()),
            requests.size(),
            median,
            Tracing.MIN_PROBABILITY * 100,
            low[0],
            (int) low[1],
            seconds);
    System.out.println(report);
    if (out != null) {
      Files.writeString(out, report);
    }
  }

  /** Recall in the first three and the median count of candidates at or above {@code min}. */
  static double[] measure(
      List<ChildMatching.Candidate> found, int sought, List<Integer> answer, double min) {
    int hit = 0;
    List<Integer> counts = new ArrayList<>();
    for (int i = 0; i < sought; i++) {
      int index = i;
      List<ChildMatching.Candidate> kept =
          found.stream().filter(c -> c.sought() == index && c.probability() >= min).toList();
      counts.add(kept.size());
      if (kept.stream().limit(3).anyMatch(c -> c.located() == answer.get(index))) {
        hit++;
      }
    }
    Collections.sort(counts);
    return new double[] {(double) hit / sought, counts.get(counts.size() / 2)};
  }

  private static ChildRecord child(
      long id,
      String name,
      Optional<PartialDate> born,
      String place,
      String mother,
      String father) {
    return new ChildRecord(
        id,
        List.of(Names.prepare(name)),
        born,
        place,
        mother.isBlank() ? Optional.empty() : Optional.of(Names.prepare(mother)),
        father.isBlank() ? Optional.empty() : Optional.of(Names.prepare(father)),
        "");
  }
}
