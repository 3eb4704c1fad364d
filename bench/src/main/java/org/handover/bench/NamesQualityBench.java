package org.handover.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.handover.names.Comparison;
import org.handover.names.Level;
import org.handover.names.Names;
import org.handover.names.ParsedName;
import org.handover.names.PreparedName;
import org.handover.names.Romanization;

/**
 * How well the names library tells one name's spellings from different names, on the bundled
 * Ukrainian-Russian dictionary, and how fast it prepares and compares names (one thread).
 *
 * <pre>
 * bench/run names [--sample 2000] [--pairs 10000] [--out bench/results/FILE.md]
 * </pre>
 */
public final class NamesQualityBench {
  /**
   * One class of spellings the dictionary's systems do not give, from a file of pairs (Cyrillic,
   * spelling): how many meet their original at EQUIVALENT or stronger, and share a blocking key.
   */
  /** Short forms against the full name: how many reach DIMINUTIVE or stronger, and share a key. */
  static String diminutives() throws IOException {
    List<String[]> pairs = pairs("diminutive-spellings.tsv");
    Map<Level, Integer> levels = new EnumMap<>(Level.class);
    int met = 0;
    int keyed = 0;
    List<String> misses = new ArrayList<>();
    for (String[] p : pairs) {
      Level level = Names.compare(p[0], p[1]).level();
      levels.merge(level, 1, Integer::sum);
      if (level.atLeast(Level.DIMINUTIVE)) {
        met++;
      } else {
        misses.add(p[0] + " ~ " + p[1] + ": " + level);
      }
      if (Names.keys(p[1]).stream().anyMatch(Names.keys(p[0])::contains)) {
        keyed++;
      }
    }
    StringBuilder r = new StringBuilder("## Spelling class: short forms of given names\n\n");
    r.append(
        String.format(
            Locale.ROOT,
            "%,d pairs (`bench/src/main/resources/org/handover/bench/diminutive-spellings.tsv`),"
                + " the full name against a short form, as full names.%n%n- at DIMINUTIVE or"
                + " stronger: **%.1f%%** (%d of %d)%n- by level: %s%n- sharing a blocking key"
                + " (by the family name): %.1f%%%n%n",
            pairs.size(),
            100.0 * met / pairs.size(),
            met,
            pairs.size(),
            levels,
            100.0 * keyed / pairs.size()));
    if (!misses.isEmpty()) {
      r.append("Misses:\n\n");
      misses.forEach(m -> r.append("    ").append(m).append('\n'));
      r.append('\n');
    }
    return r.toString();
  }

  private static List<String[]> pairs(String resource) throws IOException {
    List<String[]> pairs = new ArrayList<>();
    try (InputStream in = NamesQualityBench.class.getResourceAsStream(resource)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          pairs.add(line.split("\t"));
        }
      }
    }
    return pairs;
  }

  static String spellingClass(String title, String resource, boolean fullNames) throws IOException {
    List<String[]> pairs = pairs(resource);
    Map<Level, Integer> levels = new EnumMap<>(Level.class);
    List<String> misses = new ArrayList<>();
    int met = 0;
    int keyed = 0;
    for (String[] p : pairs) {
      Level level =
          fullNames ? Names.compare(p[0], p[1]).level() : Names.compareWords(p[0], p[1]).level();
      levels.merge(level, 1, Integer::sum);
      if (level.atLeast(Level.EQUIVALENT)) {
        met++;
      } else {
        misses.add(p[0] + " ~ " + p[1] + ": " + level);
      }
      List<String> a = fullNames ? Names.keys(p[0]) : Names.keys(family(p[0]));
      List<String> b = fullNames ? Names.keys(p[1]) : Names.keys(family(p[1]));
      if (b.stream().anyMatch(a::contains)) {
        keyed++;
      }
    }
    StringBuilder r = new StringBuilder("## Spelling class: " + title + "\n\n");
    r.append(
        String.format(
            Locale.ROOT,
            "%,d pairs (`bench/src/main/resources/org/handover/bench/%s`), each against its"
                + " original, %s.%n%n",
            pairs.size(),
            resource,
            fullNames ? "as full names" : "as one word"));
    r.append(
        String.format(
            Locale.ROOT,
            "- at EQUIVALENT or stronger: **%.1f%%** (%d of %d)%n",
            100.0 * met / pairs.size(),
            met,
            pairs.size()));
    r.append("- by level: ").append(levels).append('\n');
    r.append(
        String.format(
            Locale.ROOT, "- sharing a blocking key: %.1f%%%n%n", 100.0 * keyed / pairs.size()));
    if (!misses.isEmpty()) {
      r.append("Misses:\n\n");
      misses.forEach(m -> r.append("    ").append(m).append('\n'));
      r.append('\n');
    }
    return r.toString();
  }

  public static void main(String[] args) throws IOException {
    int sample = 2000;
    int pairs = 10_000;
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--sample" -> sample = Integer.parseInt(args[i + 1]);
        case "--pairs" -> pairs = Integer.parseInt(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<String[]> dictionary = dictionary();
    Random random = new Random(2025);
    List<String[]> drawn = new ArrayList<>(dictionary);
    Collections.shuffle(drawn, random);
    drawn = drawn.subList(0, Math.min(sample, drawn.size()));

    // 1. every spelling of either form against the Ukrainian Cyrillic original
    int variants = 0;
    int atLeastEquivalent = 0;
    int sharedKey = 0;
    Map<Level, Integer> variantLevels = new EnumMap<>(Level.class);
    Map<Romanization, Integer> missesBySystem = new EnumMap<>(Romanization.class);
    List<String> misses = new ArrayList<>();
    List<String> keyMisses = new ArrayList<>();
    for (String[] pair : drawn) {
      String original = capitalize(pair[0]);
      Set<String> originalKeys = new HashSet<>(Names.keys(family(original)));
      Map<String, Romanization> spellings = new LinkedHashMap<>();
      spellings.put(capitalize(pair[1]), null);
      for (String form : new String[] {capitalize(pair[0]), capitalize(pair[1])}) {
        for (Romanization r : Romanization.values()) {
          spellings.putIfAbsent(r.romanize(form), r);
        }
      }
      for (Map.Entry<String, Romanization> s : spellings.entrySet()) {
        variants++;
        Comparison c =
            Names.compare(Names.prepare(family(original)), Names.prepare(family(s.getKey())));
        variantLevels.merge(c.level(), 1, Integer::sum);
        if (c.level().atLeast(Level.EQUIVALENT)) {
          atLeastEquivalent++;
        } else {
          if (s.getValue() != null) {
            missesBySystem.merge(s.getValue(), 1, Integer::sum);
          }
          if (misses.size() < 25) {
            misses.add(
                original
                    + " ~ "
                    + s.getKey()
                    + " ("
                    + (s.getValue() == null ? "Russian form" : s.getValue().key())
                    + "): "
                    + c.level());
          }
        }
        if (!Collections.disjoint(originalKeys, Names.keys(family(s.getKey())))) {
          sharedKey++;
        } else if (keyMisses.size() < 15) {
          keyMisses.add(
              original
                  + " "
                  + originalKeys
                  + " ~ "
                  + s.getKey()
                  + " "
                  + Names.keys(family(s.getKey())));
        }
      }
    }

    // 2. random pairs of different names
    Map<Level, Integer> randomLevels = new EnumMap<>(Level.class);
    List<String> falseMatches = new ArrayList<>();
    int compared = 0;
    while (compared < pairs) {
      String[] a = dictionary.get(random.nextInt(dictionary.size()));
      String[] b = dictionary.get(random.nextInt(dictionary.size()));
      if (a == b
          || a[0].equals(b[0])
          || a[1].equals(b[1])
          || a[0].equals(b[1])
          || a[1].equals(b[0])) {
        continue;
      }
      compared++;
      // each side in a random form and spelling, as lists would bring them
      String x = spell(a, random);
      String y = spell(b, random);
      Level level = Names.compare(Names.prepare(family(x)), Names.prepare(family(y))).level();
      randomLevels.merge(level, 1, Integer::sum);
      if (level.atLeast(Level.EQUIVALENT) && falseMatches.size() < 15) {
        falseMatches.add(x + " ~ " + y + ": " + level);
      }
    }

    // 3. block sizes over the whole dictionary, both forms, Cyrillic and KMU/ICAO spellings
    Map<String, Set<String>> blocks = new HashMap<>();
    for (String[] pair : dictionary) {
      for (String form :
          new String[] {
            capitalize(pair[0]),
            capitalize(pair[1]),
            Romanization.KMU2010.romanize(capitalize(pair[0])),
            Romanization.ICAO9303.romanize(capitalize(pair[1]))
          }) {
        for (String key : Names.keys(family(form))) {
          blocks.computeIfAbsent(key, k -> new HashSet<>()).add(pair[0]);
        }
      }
    }
    Map.Entry<String, Set<String>> largest =
        blocks.entrySet().stream()
            .max(Map.Entry.comparingByValue(Comparator.comparingInt(Set::size)))
            .orElseThrow();

    // 4. speed, one thread
    List<String> full = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String[] f = dictionary.get(random.nextInt(dictionary.size()));
      String[] g = dictionary.get(random.nextInt(dictionary.size()));
      full.add(capitalize(f[0]) + " " + capitalize(g[random.nextInt(2)]));
    }
    double prepareRate = prepareRate(full);
    double compareRate = compareRate(full);

    StringBuilder r = new StringBuilder("# Names library: quality and speed\n\n");
    r.append("- date: ")
        .append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
        .append('\n');
    r.append("- machine: ").append(Machine.describe()).append('\n');
    r.append("- command: `bench/run names --sample ")
        .append(sample)
        .append(" --pairs ")
        .append(pairs)
        .append("`\n");
    r.append("- data: the bundled uk-ru dictionary (")
        .append(dictionary.size())
        .append(" pairs, cleaned from names-translator; see NOTICE)\n\n");
    r.append("## Spellings of one name\n\n");
    r.append(
        String.format(
            Locale.ROOT,
            "%,d names drawn; every spelling that the six systems give of the Ukrainian or the"
                + " Russian form, and the Russian form itself, compared with the Ukrainian Cyrillic original: %,d spellings.%n%n",
            drawn.size(),
            variants));
    r.append(
        String.format(
            Locale.ROOT,
            "- at EQUIVALENT or stronger: **%.2f%%** (%,d of %,d); target 100%%%n",
            100.0 * atLeastEquivalent / variants,
            atLeastEquivalent,
            variants));
    r.append("- by level: ").append(variantLevels).append('\n');
    r.append("- misses by system of the spelling: ").append(missesBySystem).append('\n');
    r.append(
        String.format(
            Locale.ROOT,
            "- sharing a blocking key with the original: **%.2f%%**; target 99.9%%%n%n",
            100.0 * sharedKey / variants));
    if (!misses.isEmpty()) {
      r.append("First misses:\n\n");
      misses.forEach(m -> r.append("    ").append(m).append('\n'));
      r.append('\n');
    }
    if (!keyMisses.isEmpty()) {
      r.append("First key misses:\n\n");
      keyMisses.forEach(m -> r.append("    ").append(m).append('\n'));
      r.append('\n');
    }
    r.append(spellingClass("English conventions", "english-spellings.tsv", false));
    r.append(spellingClass("data-entry noise", "noisy-spellings.tsv", true));
    r.append(
        spellingClass(
            "library, scholarly, German and French systems", "scholarly-spellings.tsv", true));
    r.append(spellingClass("other scripts and Belarusian", "other-scripts.tsv", true));
    r.append(diminutives());
    r.append(WholeNamesInDocuments.report(dictionary, 1000, new Random(7)));
    r.append("## Different names\n\n");
    r.append(
        String.format(
            Locale.ROOT,
            "%,d random pairs of different dictionary entries, each side in a random form"
                + " (Ukrainian or Russian) and spelling (Cyrillic or one of the six systems).%n%n",
            compared));
    int strong = 0;
    for (Level l : Level.values()) {
      if (l.atLeast(Level.EQUIVALENT)) {
        strong += randomLevels.getOrDefault(l, 0);
      }
    }
    r.append(
        String.format(
            Locale.ROOT,
            "- at EQUIVALENT or stronger: **%.2f%%**; target at most 0.5%%%n",
            100.0 * strong / compared));
    r.append(
        String.format(
            Locale.ROOT,
            "- PHONETIC: %.2f%%, EDIT: %.2f%%, TWO_EDITS: %.2f%%, INITIALS: %.2f%%%n",
            100.0 * randomLevels.getOrDefault(Level.PHONETIC, 0) / compared,
            100.0 * randomLevels.getOrDefault(Level.EDIT, 0) / compared,
            100.0 * randomLevels.getOrDefault(Level.TWO_EDITS, 0) / compared,
            100.0 * randomLevels.getOrDefault(Level.INITIALS, 0) / compared));
    r.append("- by level: ").append(randomLevels).append("\n\n");
    if (!falseMatches.isEmpty()) {
      r.append(
          "Examples at EQUIVALENT or stronger (many are real variants the dictionary lists apart):\n\n");
      falseMatches.forEach(m -> r.append("    ").append(m).append('\n'));
      r.append('\n');
    }
    r.append("## Blocks\n\n");
    r.append(
        String.format(
            Locale.ROOT,
            "%,d keys over the dictionary (both forms, Cyrillic, KMU 2010 and ICAO 9303);"
                + " largest block: `%s` with %,d entries.%n%n",
            blocks.size(),
            largest.getKey(),
            largest.getValue().size()));
    r.append("## Speed, one thread (simple timed loop after warm-up, median of 5 rounds)\n\n");
    r.append(
        String.format(
            Locale.ROOT,
            "- prepare a full name (parse, fold, skeletons, romanizations) and make its keys:"
                + " **%,.0f names/s**; target 100,000%n",
            prepareRate));
    r.append(
        String.format(
            Locale.ROOT,
            "- compare two prepared names: **%,.0f pairs/s**; target 1,000,000%n",
            compareRate));
    System.out.print(r);
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, r.toString());
      System.err.println("written to " + out);
    }
  }

  private static ParsedName family(String word) {
    return new ParsedName(word, "", "", ParsedName.Order.FAMILY_FIRST, 1);
  }

  private static String spell(String[] pair, Random random) {
    String form = capitalize(pair[random.nextInt(2)]);
    int system = random.nextInt(Romanization.values().length + 1);
    return system == 0 ? form : Romanization.values()[system - 1].romanize(form);
  }

  private static double prepareRate(List<String> names) {
    double[] rates = new double[5];
    for (int round = -2; round < 5; round++) {
      long t0 = System.nanoTime();
      long sink = 0;
      for (String n : names) {
        PreparedName p = Names.prepare(n);
        sink += p.parsed().family().length() + Names.keys(p.parsed()).size();
      }
      double rate = names.size() / ((System.nanoTime() - t0) / 1e9);
      if (round >= 0) {
        rates[round] = rate + (sink == 42 ? 1e-9 : 0);
      }
    }
    Arrays.sort(rates);
    return rates[2];
  }

  private static double compareRate(List<String> names) {
    List<PreparedName> prepared = names.stream().map(Names::prepare).toList();
    double[] rates = new double[5];
    int n = prepared.size();
    for (int round = -2; round < 5; round++) {
      long t0 = System.nanoTime();
      int sink = 0;
      for (int i = 0; i < n; i++) {
        sink += Names.compare(prepared.get(i), prepared.get((i * 7 + 13) % n)).level().ordinal();
      }
      double rate = n / ((System.nanoTime() - t0) / 1e9);
      if (round >= 0) {
        rates[round] = rate + (sink == -1 ? 1e-9 : 0);
      }
    }
    Arrays.sort(rates);
    return rates[2];
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The dictionary bundled with the names library: pairs (uk, ru) in lower case. */
  static List<String[]> dictionary() throws IOException {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = Romanization.class.getResourceAsStream("uk-ru.tsv")) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.startsWith("#") && line.contains("\t")) {
          out.add(line.split("\t", 2));
        }
      }
    }
    return out;
  }

  private NamesQualityBench() {}
}
