package org.handover.names;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The script-neutral form of one word of a name: what every spelling of it, Cyrillic (Ukrainian or
 * Russian) or Latin (by any romanization, or as German, Polish or French documents write it),
 * reduces to. Reductions are general rules, never name by name.
 *
 * <pre>{@code
 * Skeleton.of("Юрій")        // "iuri"
 * Skeleton.of("Iurii")       // "iuri"   (ICAO 9303)
 * Skeleton.of("Jurij")       // "iuri"   (German, Polish)
 * Skeleton.all("Kowalczuk")  // [kovalchuk, kovaltsuk]: cz is ч in Polish, ц in GOST 7.79 B
 * Skeleton.of("Poutine")     // "putin"  (French)
 * }</pre>
 *
 * <p>Letters collapse into classes: и, і, ї, й, ы, y, j, ï are one i; е, є, э, ё are e; г, ґ, h, g
 * are g; х is x; a soft sign, apostrophes and doubled letters vanish; i before e or a vowel-initial
 * ending is dropped (є, ye, ie, je are all e). Ukrainian and Russian spellings of one surname
 * (Ковальський, Ковальский) therefore meet too.
 */
public final class Skeleton {
  private Skeleton() {}

  /**
   * The reading of a word that most spellings give; for Latin with an ambiguous letter pair, the
   * first reading.
   */
  public static String of(String word) {
    return all(word).get(0);
  }

  /**
   * Every reading of a word: one for Cyrillic; for Latin, one more for each ambiguous pair (cz, ch,
   * rz, sch, sh).
   */
  public static List<String> all(String word) {
    if (Scholarly.applies(word)) {
      Set<String> out = new LinkedHashSet<>();
      for (String reading : Scholarly.readings(word)) {
        out.add(reduce(reading));
      }
      return new ArrayList<>(out);
    }
    String w =
        Folding.fold(OtherScripts.applies(word) ? OtherScripts.latin(word) : word).replace(" ", "");
    if (w.isEmpty()) {
      return List.of("");
    }
    boolean cyrillic = false;
    for (int i = 0; i < w.length(); i++) {
      if (Scheme.isCyrillic(w.charAt(i))) {
        cyrillic = true;
        break;
      }
    }
    if (cyrillic) {
      return List.of(reduce(fromCyrillic(w)));
    }
    Set<String> out = new LinkedHashSet<>();
    for (String reading : latinReadings(w)) {
      out.add(reduce(reading));
    }
    return new ArrayList<>(out);
  }

  // with Belarusian ў, which stands where the other two write в (Леўчук, Левчук)
  private static final String CYR = "абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюяў";
  private static final String[] NEUTRAL = {
    "a", "b", "v", "g", "g", "d", "e", "ie", "e", "Z", "z", "i", "i", "i", "i", "k", "l", "m", "n",
    "o", "p", "r", "s", "t", "u", "f", "x", "C", "H", "S", "SH", "", "i", "", "e", "iu", "ia", "v"
  };

  private static String fromCyrillic(String w) {
    StringBuilder b = new StringBuilder(w.length() + 4);
    for (int i = 0; i < w.length(); i++) {
      int k = CYR.indexOf(w.charAt(i));
      if (k >= 0) {
        b.append(NEUTRAL[k]);
      } else if (Character.isLetter(w.charAt(i))) {
        b.append(w.charAt(i));
      }
    }
    return b.toString();
  }

  /*
   * Latin spellings in the reduced alphabet, where Z = ж, C = ц, H = ч, S = ш, SH = щ. Longer
   * sequences are replaced first. Where a letter pair reads one way in one convention and another
   * way in another, the usual reading comes first and each other reading is added beside it.
   */
  private static final String[][] LATIN = {
    {"shtsch", "SH"},
    {"schtsch", "SH"},
    {"szcz", "SH"},
    {"shch", "SH"},
    {"sjtsj", "SH"},
    {"shh", "SH"},
    {"tsch", "H"},
    {"tch", "H"},
    {"sch", "S"},
    {"zh", "Z"},
    {"kh", "x"},
    {"ts", "C"},
    {"ch", "H"},
    {"sh", "S"},
    {"sz", "S"},
    {"cz", "H"},
    {"w", "v"},
    {"q", "k"},
    {"c", "C"}
  };

  private static final Pattern CH_BEFORE_CONSONANT = Pattern.compile("ch[^aeiouy]");
  private static final Pattern SH_NOT_SHCH = Pattern.compile("sh(?!ch)");

  /** A ch not inside sch or tch; one between vowels (Michail) is German х. */
  private static final Pattern LONE_CH = Pattern.compile("(?<![st])ch");

  private static final Pattern CH_BETWEEN_VOWELS = Pattern.compile("[aeiouy]ch[aeiouy]");

  /** What only German spelling has (w is Polish too): tsch, sch. */
  private static final Pattern GERMAN = Pattern.compile("sch");

  /** An s that German reads voiced: at the start or between vowels, before a vowel. */
  private static final Pattern GERMAN_S = Pattern.compile("(^|[aeiouy])s(?=[aeiouy])");

  /** French keeps g hard before e and i with a u: Sneguireva, Guennadi. */
  private static final Pattern FRENCH_GU = Pattern.compile("gu(?=[eiy])");

  /** English writes a final -р after a consonant as -er: Alexander, Peter. */
  private static final Pattern ER_AFTER_CONSONANT = Pattern.compile("([bcdfgkmnpstvz])er$");

  /** One way of reading the ambiguous pairs of a Latin spelling. */
  private record Reading(
      boolean french,
      boolean chIsKh,
      boolean czIsTs,
      boolean rzIsZh,
      boolean schIsSCh,
      boolean shIsSH,
      boolean english,
      boolean germanS) {}

  private static List<String> latinReadings(String w) {
    boolean polish = w.contains("w") || w.contains("sz") || w.contains("cz");
    Reading usual = new Reading(false, false, false, polish, false, false, false, false);
    List<Reading> readings = new ArrayList<>();
    readings.add(usual);
    if (w.contains("cz")) {
      readings.add(
          new Reading(
              false, false, true, polish, false, false, false,
              false)); // GOST 7.79 B writes ц as cz
    }
    boolean hasH = w.indexOf('h') >= 0; // most words need none of the patterns below: test cheaply
    if (w.contains("ou")
        || w.contains("tch")
        || w.endsWith("ine")
        || (w.contains("gu") && FRENCH_GU.matcher(w).find())) {
      readings.add(new Reading(true, false, false, polish, false, false, false, false));
    }
    if (hasH
        && LONE_CH.matcher(w).find()
        && (polish
            || CH_BEFORE_CONSONANT.matcher(w).find()
            || (CH_BETWEEN_VOWELS.matcher(w).find() && GERMAN.matcher(w).find()))) {
      readings.add(
          new Reading(
              false, true, false, polish, false, false, false,
              false)); // Polish and German write х as ch
    }
    if (w.contains("rz")) {
      readings.add(
          new Reading(false, false, false, !polish, false, false, false, false)); // Polish rz is ж
    }
    if (w.contains("sch") && !w.contains("shch")) {
      readings.add(
          new Reading(false, false, false, polish, true, false, false, false)); // сч, not German ш
    }
    if (w.indexOf('x') >= 0 || (w.endsWith("er") && ER_AFTER_CONSONANT.matcher(w).find())) {
      // English: Alexander, Maxim, Peter for Александр, Максим, Пётр
      readings.add(new Reading(false, false, false, polish, false, false, true, false));
    }
    if (hasH && SH_NOT_SHCH.matcher(w).find()) {
      readings.add(
          new Reading(
              false, false, false, polish, false, true, false, false)); // KMU writes сг as sh too
    }
    if (w.indexOf('s') >= 0 && GERMAN.matcher(w).find() && GERMAN_S.matcher(w).find()) {
      // German writes з as s before a vowel and с as ss: Saitschenko, Wassyl
      readings.add(new Reading(false, false, false, polish, false, false, false, true));
    }
    List<String> out = new ArrayList<>(readings.size());
    for (Reading r : readings) {
      out.add(latin(w, r));
    }
    return out;
  }

  private static String latin(String w, Reading reading) {
    String s = w;
    if (reading.french()) {
      s = s.replace("tch", "H").replace("ch", "S").replace("ou", "u").replace("j", "Z");
      s = FRENCH_GU.matcher(s).replaceAll("g"); // Sneguireva: the u only keeps the g hard
      if (s.length() > 3 && s.endsWith("ne")) {
        s = s.substring(0, s.length() - 1); // Poutine, Lénine, Vasine: the e says the n is heard
      }
    }
    if (reading.english()) {
      // x is кс where English spells; GOST 7.79 B's x for х is the usual reading
      s = ER_AFTER_CONSONANT.matcher(s.replace("x", "ks")).replaceAll("$1r");
    }
    if (reading.germanS()) {
      s = GERMAN_S.matcher(s).replaceAll("$1z").replace("ss", "s");
    }
    if (reading.chIsKh()) {
      s = LONE_CH.matcher(s).replaceAll("x");
    }
    if (reading.czIsTs()) {
      s = s.replace("cz", "C");
    }
    if (reading.rzIsZh()) {
      s = s.replace("rz", "Z");
    }
    if (reading.schIsSCh()) {
      s = s.replace("sch", "sH");
    }
    if (reading.shIsSH()) {
      s = SH_NOT_SHCH.matcher(s).replaceAll("sg");
    }
    for (String[] r : LATIN) {
      s = s.replace(r[0], r[1]);
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 'y' || c == 'j') {
        b.append('i');
      } else if (c == 'h') {
        b.append('g');
      } else if (Character.isLetter(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static final Pattern IO_AFTER_CONSONANT = Pattern.compile("([bvgdzklmnprstfxZCHS])io");

  private static String collapse(String s) {
    StringBuilder b = new StringBuilder(s.length());
    char last = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != last) {
        b.append(c);
      }
      last = c;
    }
    return b.toString();
  }

  /**
   * What both scripts share once in the reduced alphabet: i before e goes, and doubles collapse.
   */
  private static String reduce(String s) {
    String r = collapse(s).replace("ie", "e");
    // ё after a consonant: e in most systems, yo or io in others
    r = IO_AFTER_CONSONANT.matcher(r).replaceAll("$1e");
    String b = collapse(r);
    // back to readable Latin for the classes that stood in for digraphs
    return b.replace("SH", "shch")
        .replace("Z", "zh")
        .replace("C", "ts")
        .replace("H", "ch")
        .replace("S", "sh");
  }
}
