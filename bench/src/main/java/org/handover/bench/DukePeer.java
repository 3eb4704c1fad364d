package org.handover.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.handover.core.matching.PersonRecord;
import org.handover.core.registry.PartialDate;
import org.handover.names.ParsedName;
import org.handover.names.Romanization;

/**
 * Duke 1.2, the peer the matching benchmark measures Handover against, run as its own command-line
 * tool in a process of its own (it brings Lucene 4 and an old H2; the classpath is resolved by the
 * bench-duke module). It is given the same registry and roster, its names romanized by the 2010
 * Ukrainian system and lower-cased (what a Duke user would do with a cleaner: Duke compares Latin
 * strings), dates as ISO text, and a configuration a careful user would write: Jaro–Winkler on name
 * parts, Levenshtein on dates and places, exact service number, unit and rank.
 */
final class DukePeer {
  private DukePeer() {}

  /**
   * Duke's links as "entry index * registry size + person index" with the confidence Duke gave each
   * (its best per entry), and its wall time.
   */
  record Result(Map<Long, Double> links, double seconds) {
    /** The links at or above a confidence. */
    Set<Long> above(double confidence) {
      Set<Long> out = new HashSet<>();
      links.forEach(
          (pair, c) -> {
            if (c >= confidence) {
              out.add(pair);
            }
          });
      return out;
    }
  }

  static final String CONFIG =
      """
      <duke>
        <schema>
          <threshold>%s</threshold>
          <property type="id"><name>ID</name></property>
          <property lookup="true"><name>FAMILY</name><comparator>no.priv.garshol.duke.comparators.JaroWinkler</comparator><low>0.05</low><high>0.9</high></property>
          <property><name>GIVEN</name><comparator>no.priv.garshol.duke.comparators.JaroWinkler</comparator><low>0.2</low><high>0.75</high></property>
          <property><name>PATRONYMIC</name><comparator>no.priv.garshol.duke.comparators.JaroWinkler</comparator><low>0.2</low><high>0.75</high></property>
          <property lookup="true"><name>BORN</name><comparator>no.priv.garshol.duke.comparators.Levenshtein</comparator><low>0.05</low><high>0.95</high></property>
          <property><name>PLACE</name><comparator>no.priv.garshol.duke.comparators.Levenshtein</comparator><low>0.35</low><high>0.65</high></property>
          <property><name>SERVICE</name><comparator>no.priv.garshol.duke.comparators.ExactComparator</comparator><low>0.2</low><high>0.99</high></property>
          <property><name>UNIT</name><comparator>no.priv.garshol.duke.comparators.ExactComparator</comparator><low>0.3</low><high>0.9</high></property>
          <property><name>RANK</name><comparator>no.priv.garshol.duke.comparators.ExactComparator</comparator><low>0.4</low><high>0.6</high></property>
        </schema>
        <database class="no.priv.garshol.duke.databases.LuceneDatabase">
          <param name="max-search-hits" value="50"/>
        </database>
        %s
        %s
      </duke>
      """;

  static final String GROUP =
      """
      <group>
        <csv>
          <param name="input-file" value="%s"/>
          <column name="id" property="ID"/>
          <column name="family" property="FAMILY"/>
          <column name="given" property="GIVEN"/>
          <column name="patronymic" property="PATRONYMIC"/>
          <column name="born" property="BORN"/>
          <column name="place" property="PLACE"/>
          <column name="service" property="SERVICE"/>
          <column name="unit" property="UNIT"/>
          <column name="rank" property="RANK"/>
        </csv>
      </group>
      """;

  /**
   * The classpath the bench-duke module wrote, looked for from the repository root or a module
   * folder.
   */
  static Path classpathFile() {
    for (Path p :
        List.of(
            Path.of("bench-duke/target/duke-classpath.txt"),
            Path.of("../bench-duke/target/duke-classpath.txt"))) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "Duke's classpath is missing: build the bench-duke module first (mvn package -pl bench-duke)");
  }

  static Result run(
      List<PersonRecord> registry, List<PersonRecord> roster, double threshold, Path dir)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    write(dir.resolve("registry.csv"), registry, "p");
    write(dir.resolve("roster.csv"), roster, "e");
    Path config = dir.resolve("duke.xml");
    Files.writeString(
        config,
        String.format(
            Locale.ROOT,
            CONFIG,
            threshold,
            String.format(GROUP, dir.resolve("registry.csv").toAbsolutePath()),
            String.format(GROUP, dir.resolve("roster.csv").toAbsolutePath())));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-Xmx2g",
                "-cp",
                Files.readString(classpathFile()).strip(),
                "no.priv.garshol.duke.Duke",
                "--showmatches",
                config.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("duke.log").toFile());
    long t0 = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("Duke failed; see " + dir.resolve("duke.log"));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    // --showmatches prints "MATCH 0.97" and then the two records, each line starting "ID: 'e12',
    // ...";
    // the link file would lose the confidence. The best match of each entry is kept.
    Map<Long, Double> best = new HashMap<>();
    Map<Long, Long> pairOf = new HashMap<>();
    List<String> log = Files.readAllLines(dir.resolve("duke.log"), StandardCharsets.UTF_8);
    for (int i = 0; i + 2 < log.size(); i++) {
      if (!log.get(i).startsWith("MATCH ")) {
        continue;
      }
      double confidence = Double.parseDouble(log.get(i).substring(6).strip());
      String a = id(log.get(i + 1));
      String b = id(log.get(i + 2));
      String person = a.startsWith("p") ? a : b;
      String entry = a.startsWith("e") ? a : b;
      long e = Long.parseLong(entry.substring(1));
      if (confidence > best.getOrDefault(e, -1.0)) {
        best.put(e, confidence);
        pairOf.put(e, e * registry.size() + Long.parseLong(person.substring(1)));
      }
    }
    Map<Long, Double> out = new HashMap<>();
    best.forEach((e, c) -> out.put(pairOf.get(e), c));
    return new Result(out, seconds);
  }

  /** Duke 1.2 on the same registry and roster, at several of its confidences, beside Handover. */
  static String section(MatchingRun.Run run, double coldSeconds, Path dir)
      throws java.io.IOException, InterruptedException {
    Result duke = run(run.registry(), run.drawn().entries(), 0.5, dir);
    StringBuilder s = new StringBuilder("\n## Peer: Duke 1.2 on the same registry and roster\n\n");
    s.append(
        "Duke's command-line tool in its own process (Lucene 4 stays off Handover's classpath), configured as in"
            + " DukePeer's javadoc: names romanized by KMU 2010, Jaro–Winkler on name parts, Levenshtein on dates and"
            + " places, exact service number, unit and rank, Lucene lookup on family name and date of birth, 50 hits"
            + " per lookup. Its best match per entry, at several of its confidences:\n\n");
    s.append(
        "| engine, links kept | links | correct | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|\n");
    double bestF1 = 0;
    for (double t : new double[] {0.5, 0.9, 0.99, 0.999}) {
      java.util.Set<Long> links = duke.above(t);
      long correct =
          links.stream()
              .filter(
                  l ->
                      run.drawn().truth().get((int) (l / run.registrySize()))
                          == (int) (l % run.registrySize()))
              .count();
      MatchingRun.Band b = new MatchingRun.Band(links.size(), correct, run.inRegistry());
      bestF1 = Math.max(bestF1, MatchingRun.f1(b));
      s.append(
          String.format(
              Locale.ROOT,
              "| Duke, confidence ≥ %s | %,d | %,d | %.4f | %.4f | %.4f |%n",
              t,
              b.links(),
              b.correct(),
              b.precision(),
              b.recall(),
              MatchingRun.f1(b)));
    }
    for (boolean withReview : new boolean[] {false, true}) {
      MatchingRun.Band b = run.band(withReview);
      s.append(
          String.format(
              Locale.ROOT,
              "| Handover, %s | %,d | %,d | %.4f | %.4f | %.4f |%n",
              withReview ? "auto-link + review" : "auto-link",
              b.links(),
              b.correct(),
              b.precision(),
              b.recall(),
              MatchingRun.f1(b)));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "%nTime end to end: Duke %.1f s (its process, start to exit); Handover %.1f s in"
                + " its first run (a fresh JVM, as Duke's process is; preparing records to links), %.1f s in the median run:"
                + " Handover is %.1f× as fast (first run against Duke), at F1 %.4f (auto-link + review) against Duke's best"
                + " %.4f. Target (matching issue): at least 10× Duke's speed at equal or better F1.%n",
            duke.seconds(),
            coldSeconds,
            run.seconds(),
            duke.seconds() / coldSeconds,
            MatchingRun.f1(run.band(true)),
            bestF1));
    return s.toString();
  }

  private static String id(String line) {
    int start = line.indexOf("ID: '") + 5;
    return line.substring(start, line.indexOf('\'', start));
  }

  private static void write(Path file, List<PersonRecord> records, String prefix)
      throws IOException {
    StringBuilder s =
        new StringBuilder("id,family,given,patronymic,born,place,service,unit,rank\n");
    for (int i = 0; i < records.size(); i++) {
      PersonRecord r = records.get(i);
      ParsedName n = r.names().get(0).parsed();
      s.append(prefix)
          .append(i)
          .append(',')
          .append(latin(n.family()))
          .append(',')
          .append(latin(n.given()))
          .append(',')
          .append(latin(n.patronymic()))
          .append(',')
          .append(r.birthDate().map(DukePeer::iso).orElse(""))
          .append(',')
          .append(latin(r.birthPlace()))
          .append(',')
          .append(clean(r.serviceNumber()))
          .append(',')
          .append(clean(r.unit()))
          .append(',')
          .append(r.rank() == 0 ? "" : String.valueOf(r.rank()))
          .append('\n');
    }
    Files.writeString(file, s, StandardCharsets.UTF_8);
  }

  private static String latin(String text) {
    return clean(Romanization.KMU2010.romanize(text).toLowerCase(Locale.ROOT));
  }

  private static String clean(String text) {
    return text.replaceAll("[,\"\\n\\r]", " ").strip();
  }

  private static String iso(PartialDate d) {
    return d.year()
        + d.month().map(m -> String.format("-%02d", m)).orElse("")
        + d.day().map(x -> String.format("-%02d", x)).orElse("");
  }
}
