package org.handover.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Duke 1.2, the peer Handover is measured against, run as its own command-line tool in a process of
 * its own (it brings Lucene 4; the classpath is resolved by the bench-duke module), on the same
 * files a Handover user imports, with the configuration a competent Duke user would write for them:
 * names, places, units and ranks romanized to plain Latin by a cleaner (KMU 2010 for Ukrainian,
 * ICAO 9303 for Russian, as documents write them: Duke compares strings), dates of birth compared
 * as dates by a comparator of their own (a year alone agrees with a whole date of that year),
 * Jaro–Winkler on name parts, places and ranks, exact service number and unit, a Lucene lookup on
 * family and given name, 200 hits per lookup, as many threads as Handover uses.
 */
final class DukePeer {
  private DukePeer() {}

  /** The registry's reference Duke gave an entry as its best match, and its confidence. */
  record Best(String person, double confidence) {}

  /** One match Duke found: the entry's number, the registry's reference, Duke's confidence. */
  record Match(String entry, String person, double confidence) {}

  /**
   * Every match Duke found, its wall time and the peak resident memory of its process; {@link
   * #best} the best per entry, {@link #oneToOne} the same after each person is given to one entry
   * only, the surest first (what Handover's {@code --one-to-one} does).
   */
  record Result(List<Match> matches, double seconds, long peakResident) {
    Map<String, Best> best() {
      Map<String, Best> best = new HashMap<>();
      for (Match m : matches) {
        Best was = best.get(m.entry());
        if (was == null || m.confidence() > was.confidence()) {
          best.put(m.entry(), new Best(m.person(), m.confidence()));
        }
      }
      return best;
    }

    Map<String, Best> oneToOne() {
      List<Match> sorted = new java.util.ArrayList<>(matches);
      sorted.sort(java.util.Comparator.comparingDouble(Match::confidence).reversed());
      Map<String, Best> out = new HashMap<>();
      java.util.Set<String> taken = new java.util.HashSet<>();
      for (Match m : sorted) {
        if (!out.containsKey(m.entry()) && taken.add(m.person())) {
          out.put(m.entry(), new Best(m.person(), m.confidence()));
        }
      }
      return out;
    }
  }

  /** The files' columns: registry (Ukrainian headers) and roster (Russian headers). */
  record Columns(
      String id,
      String family,
      String given,
      String patronymic,
      String born,
      String place,
      String service,
      String unit,
      String rank) {
    /** The file's header line. */
    String header() {
      return String.join(",", id, family, given, patronymic, born, place, service, unit, rank)
          + "\n";
    }
  }

  static final Columns REGISTRY =
      new Columns(
          "Номер справи",
          "Прізвище",
          "Ім'я",
          "По батькові",
          "Дата народження",
          "Місце народження",
          "Особовий номер",
          "Військова частина",
          "Військове звання");

  static final Columns ROSTER =
      new Columns(
          "№",
          "Фамилия",
          "Имя",
          "Отчество",
          "Дата рождения",
          "Место рождения",
          "Личный номер",
          "Воинская часть",
          "Воинское звание");

  private static final String LATIN = "org.handover.duke.LatinCleaner";
  private static final String CONFIG =
      """
      <duke>
        <schema>
          <threshold>%s</threshold>
          <property type="id"><name>ID</name></property>
          <property lookup="true"><name>FAMILY</name><comparator>no.priv.garshol.duke.comparators.JaroWinkler</comparator><low>0.05</low><high>0.9</high></property>
          <property lookup="true"><name>GIVEN</name><comparator>no.priv.garshol.duke.comparators.JaroWinkler</comparator><low>0.2</low><high>0.75</high></property>
          <property><name>PATRONYMIC</name><comparator>no.priv.garshol.duke.comparators.JaroWinkler</comparator><low>0.3</low><high>0.7</high></property>
          <property><name>BORN</name><comparator>org.handover.duke.DateComparator</comparator><low>0.1</low><high>0.95</high></property>
          <property><name>PLACE</name><comparator>no.priv.garshol.duke.comparators.JaroWinkler</comparator><low>0.4</low><high>0.6</high></property>
          <property><name>SERVICE</name><comparator>no.priv.garshol.duke.comparators.ExactComparator</comparator><low>0.3</low><high>0.99</high></property>
          <property><name>UNIT</name><comparator>no.priv.garshol.duke.comparators.ExactComparator</comparator><low>0.45</low><high>0.7</high></property>
          <property><name>RANK</name><comparator>no.priv.garshol.duke.comparators.JaroWinkler</comparator><low>0.45</low><high>0.55</high></property>
        </schema>
        <database class="no.priv.garshol.duke.databases.LuceneDatabase">
          <param name="max-search-hits" value="200"/>
        </database>
      %s
      %s
      </duke>
      """;

  private static final String GROUP =
      """
        <group>
          <csv>
            <param name="input-file" value="%s"/>
            <param name="encoding" value="%s"/>
            <column name="%s" property="ID"/>
            <column name="%s" property="FAMILY" cleaner="%s"/>
            <column name="%s" property="GIVEN" cleaner="%s"/>
            <column name="%s" property="PATRONYMIC" cleaner="%s"/>
            <column name="%s" property="BORN" cleaner="no.priv.garshol.duke.cleaners.TrimCleaner"/>
            <column name="%s" property="PLACE" cleaner="%s"/>
            <column name="%s" property="SERVICE" cleaner="no.priv.garshol.duke.cleaners.LowerCaseNormalizeCleaner"/>
            <column name="%s" property="UNIT" cleaner="%s"/>
            <column name="%s" property="RANK" cleaner="%s"/>
          </csv>
        </group>
      """;

  /**
   * Duke's configuration for the two files, keeping matches at or above the threshold, its Lucene
   * index in memory (Duke 1.2 cannot use one kept on disk for linkage: see {@code
   * org.handover.duke.Link}): the registry is in Ukrainian, the list in either language.
   */
  static String config(Path registry, Path roster, String rosterEncoding, double threshold) {
    return String.format(
        Locale.ROOT,
        CONFIG,
        threshold,
        group(registry, "UTF-8", REGISTRY, UKRAINIAN),
        group(roster, rosterEncoding, ROSTER, LATIN));
  }

  private static final String UKRAINIAN = "org.handover.duke.LatinCleaner$Ukrainian";

  private static String group(Path file, String encoding, Columns c, String cleaner) {
    return String.format(
        GROUP,
        file.toAbsolutePath(),
        encoding,
        c.id(),
        c.family(),
        cleaner,
        c.given(),
        cleaner,
        c.patronymic(),
        cleaner,
        c.born(),
        c.place(),
        cleaner,
        c.service(),
        c.unit(),
        cleaner,
        c.rank(),
        cleaner);
  }

  /**
   * The classpath the bench-duke module wrote (Duke and its libraries), and that module's classes
   * (the cleaner and the comparator), looked for from the repository root or a module folder.
   */
  static String classpath() throws IOException {
    for (Path root : List.of(Path.of("bench-duke"), Path.of("../bench-duke"))) {
      Path file = root.resolve("target/duke-classpath.txt");
      Path classes = root.resolve("target/classes");
      if (Files.isRegularFile(file) && Files.isDirectory(classes)) {
        return classes.toAbsolutePath() + ":" + Files.readString(file).strip();
      }
    }
    throw new IllegalStateException(
        "Duke's classpath is missing: build the bench-duke module first (mvn package -pl bench-duke)");
  }

  /**
   * Duke's record linkage on a configuration, as its command-line tool runs it (through {@code
   * org.handover.duke.Link}, which writes each entry's best match with its confidence), with as
   * many threads and as much heap as given; the registry's references start with {@code
   * registryPrefix}.
   */
  static Result run(Path config, int threads, String heap, String registryPrefix, Path links)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                java,
                "-Xmx" + heap,
                "-Dfile.encoding=UTF-8",
                "-cp",
                classpath(),
                "org.handover.duke.Link",
                config.toAbsolutePath().toString(),
                String.valueOf(threads),
                links.toAbsolutePath().toString(),
                registryPrefix));
    CliProcess.Result r = CliProcess.process(command);
    if (r.exit() != 0) {
      throw new IllegalStateException("Duke failed (exit " + r.exit() + "):\n" + r.output());
    }
    List<Match> matches = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(links, StandardCharsets.UTF_8)) {
      String[] c = line.split(",");
      matches.add(new Match(c[0], c[1], Double.parseDouble(c[2])));
    }
    return new Result(matches, r.seconds(), r.peakResident());
  }
}
