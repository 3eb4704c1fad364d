package org.handover.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.handover.names.Level;
import org.handover.names.Names;
import org.handover.names.Romanization;

/**
 * Whole names (family, given, patronymic from the bundled dictionary and the short-forms table) as
 * German, French and ISO 9 documents write them, in the Latin order given, patronymic, family,
 * against the Cyrillic original: how many meet it. And the same for a near namesake, whose family
 * name is another dictionary surname one letter from the first: how many wrongly meet it, beside
 * the passport systems' rate on the same pairs (the readings a name's convention adds must not join
 * different people).
 */
final class WholeNamesInDocuments {
  private WholeNamesInDocuments() {}

  private static final String[] SURNAME_ENDINGS = {
    "енко", "чук", "юк", "ський", "цький", "ов", "ев", "ін", "ак", "як", "ко", "ець"
  };

  static String report(List<String[]> dictionary, int names, Random random) throws IOException {
    List<String[]> surnames = new ArrayList<>();
    List<String[]> patronymics = new ArrayList<>();
    for (String[] p : dictionary) {
      if (p[0].endsWith("ович") && (p[1].endsWith("ович") || p[1].endsWith("евич"))) {
        patronymics.add(p);
      } else if (endsWithAny(p[0], SURNAME_ENDINGS) && !p[0].endsWith("ич")) {
        surnames.add(p);
      }
    }
    List<String[]> given = givenNames();
    List<String[]> neighbours = new ArrayList<>();
    List<String[]> whose = new ArrayList<>();
    for (String[] s : surnames) {
      List<String[]> near = new ArrayList<>();
      for (String[] t : surnames) {
        if (t != s && oneEditApart(s[0], t[0]) && oneEditApart(s[1], t[1])) {
          near.add(t);
        }
      }
      if (!near.isEmpty()) {
        whose.add(s);
        neighbours.add(near.get(random.nextInt(near.size())));
      }
    }
    Map<DocumentSpellings.Convention, int[]> met =
        new EnumMap<>(DocumentSpellings.Convention.class);
    Map<DocumentSpellings.Convention, int[]> keyed =
        new EnumMap<>(DocumentSpellings.Convention.class);
    Map<DocumentSpellings.Convention, int[]> namesakes =
        new EnumMap<>(DocumentSpellings.Convention.class);
    int[] passportNamesakes = new int[1];
    List<String> misses = new ArrayList<>();
    List<String> joined = new ArrayList<>();
    int pairs = 0;
    for (int i = 0; i < names; i++) {
      int k = random.nextInt(whose.size());
      String[] family = whose.get(k);
      String[] near = neighbours.get(k);
      String[] first = given.get(random.nextInt(given.size()));
      String[] father = patronymics.get(random.nextInt(patronymics.size()));
      int lang = random.nextInt(2); // 0 Ukrainian, 1 Russian
      boolean uk = lang == 0;
      String original = cap(family[lang]) + " " + cap(first[lang]) + " " + cap(father[lang]);
      Romanization passport = uk ? Romanization.KMU2010 : Romanization.ICAO9303;
      if (Names.compare(
              original,
              passport.romanize(cap(first[lang]) + " " + cap(father[lang]) + " " + cap(near[lang])))
          .level()
          .atLeast(Level.EQUIVALENT)) {
        passportNamesakes[0]++;
      }
      pairs++;
      for (DocumentSpellings.Convention c : DocumentSpellings.Convention.values()) {
        String spelt = spell(c, first[lang], father[lang], family[lang], uk);
        Level level = Names.compare(original, spelt).level();
        if (level.atLeast(Level.EQUIVALENT)) {
          met.computeIfAbsent(c, x -> new int[1])[0]++;
        } else if (misses.size() < 20) {
          misses.add(original + " ~ " + spelt + ": " + level);
        }
        if (Names.keys(spelt).stream().anyMatch(Names.keys(original)::contains)) {
          keyed.computeIfAbsent(c, x -> new int[1])[0]++;
        }
        String other = spell(c, first[lang], father[lang], near[lang], uk);
        if (Names.compare(original, other).level().atLeast(Level.EQUIVALENT)) {
          namesakes.computeIfAbsent(c, x -> new int[1])[0]++;
          if (joined.size() < 12) {
            joined.add(original + " ~ " + other + ": " + Names.compare(original, other).level());
          }
        }
      }
    }
    StringBuilder r = new StringBuilder("## Whole names in German, French and ISO 9 documents\n\n");
    r.append(
        String.format(
            Locale.ROOT,
            "%,d full names (a dictionary surname with another surname one letter away, a given"
                + " name of the short-forms table, a dictionary patronymic; Ukrainian or Russian at"
                + " random), each spelt by each convention's own rules (bench `DocumentSpellings`,"
                + " written apart from the names library) in the order given, patronymic, family,"
                + " against the Cyrillic original; and the same name with the near surname (a"
                + " near namesake), which must not meet it.%n%n",
            pairs));
    r.append(
        "| convention | meets the original (EQUIVALENT or stronger) | shares a key |"
            + " near namesake meets it |\n|---|---:|---:|---:|\n");
    for (DocumentSpellings.Convention c : DocumentSpellings.Convention.values()) {
      r.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f%% | %.1f%% | %.2f%% |%n",
              c.title,
              100.0 * met.getOrDefault(c, new int[1])[0] / pairs,
              100.0 * keyed.getOrDefault(c, new int[1])[0] / pairs,
              100.0 * namesakes.getOrDefault(c, new int[1])[0] / pairs));
    }
    r.append(
        String.format(
            Locale.ROOT,
            "| passport (KMU 2010 or ICAO 9303), for comparison | | | %.2f%% |%n%n",
            100.0 * passportNamesakes[0] / pairs));
    if (!misses.isEmpty()) {
      r.append("First misses:\n\n");
      misses.forEach(m -> r.append("    ").append(m).append('\n'));
      r.append('\n');
    }
    if (!joined.isEmpty()) {
      r.append(
          "Near namesakes that met (some dictionary surnames one letter apart are variants of"
              + " one name):\n\n");
      joined.forEach(m -> r.append("    ").append(m).append('\n'));
      r.append('\n');
    }
    return r.toString();
  }

  private static String spell(
      DocumentSpellings.Convention c, String given, String father, String family, boolean uk) {
    return c.spell(given, uk) + " " + c.spell(father, uk) + " " + c.spell(family, uk);
  }

  /** The full given names of the short-forms table, men's only: pairs (uk, ru). */
  private static List<String[]> givenNames() throws IOException {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = Romanization.class.getResourceAsStream("diminutives.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] full = line.split("\t")[0].split(",");
        if (full.length == 2 && !full[0].endsWith("а") && !full[0].endsWith("я")) {
          out.add(
              new String[] {full[0].toLowerCase(Locale.ROOT), full[1].toLowerCase(Locale.ROOT)});
        }
      }
    }
    return out;
  }

  private static boolean endsWithAny(String s, String[] endings) {
    for (String e : endings) {
      if (s.endsWith(e)) {
        return true;
      }
    }
    return false;
  }

  /** Whether two different words are one substitution, insertion or deletion apart. */
  static boolean oneEditApart(String a, String b) {
    if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (a.length() == b.length()) {
      return a.substring(i + 1).equals(b.substring(i + 1));
    }
    return a.length() > b.length()
        ? a.substring(i + 1).equals(b.substring(i))
        : b.substring(i + 1).equals(a.substring(i));
  }

  private static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
