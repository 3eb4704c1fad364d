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
    return all(word, 0);
  }

  /**
   * Every reading of a word of a name written in the given {@link Convention}s (bits, as {@link
   * #conventionsOf} gives them): the name's other parts tell how a plain word of it reads (h in
   * "Mihail" beside "Hruŝëv" may be х).
   */
  public static List<String> all(String word, int conventions) {
    return all(word, null, conventions);
  }

  /**
   * Every reading of a word of the given name (its whole text): the readings the name's convention
   * adds too (in "Wassyl Iwanowytsch Shuk", Shuk is Жук).
   */
  public static List<String> all(String word, String name) {
    return all(word, null, Convention.ofText(name));
  }

  /**
   * The conventions a name's whole text shows, for reading many of its words with {@link
   * #all(String, int)}: {@code all(word, conventionsOf(name))} is {@code all(word, name)}.
   */
  public static int conventionsOf(String name) {
    return Convention.ofText(name);
  }

  /** As {@link #all(String, int)}, with the word already folded ({@code null} if not). */
  static List<String> all(String word, String folded, int conventions) {
    boolean otherScript = OtherScripts.applies(word);
    String text = otherScript ? OtherScripts.latin(word) : word;
    if (Scholarly.applies(text)
        || (Convention.SCHOLARLY.in(conventions) && !otherScript && !hasCyrillic(text))) {
      Set<String> out = new LinkedHashSet<>();
      for (String reading : Scholarly.readings(text)) {
        out.add(reduce(reading));
      }
      return new ArrayList<>(out);
    }
    String w = folded != null && !otherScript ? folded : Folding.fold(text).replace(" ", "");
    if (w.isEmpty()) {
      return List.of("");
    }
    Set<String> out = new LinkedHashSet<>();
    if (hasCyrillic(w)) {
      out.add(reduce(fromCyrillic(w)));
      if (Convention.BELARUSIAN.in(conventions) || w.indexOf('ў') >= 0) {
        for (String r : asRussianWrites(w)) {
          out.add(reduce(fromCyrillic(r)));
        }
      }
      return new ArrayList<>(out);
    }
    for (String reading : latinReadings(w, conventions)) {
      out.add(reduce(reading));
    }
    if (otherScript && OtherScripts.georgian(word) && GEORGIAN_CASE_ENDING.matcher(w).find()) {
      // Georgian gives a foreign name ending in a consonant its case ending: Мамедов, მამედოვი
      out.add(reduce(w.substring(0, w.length() - 1)));
    }
    return new ArrayList<>(out);
  }

  /**
   * A skeleton with each of its digraphs as one letter (shch, zh, ch, sh, ts: щ ж ч ш ц), so that a
   * slip of one Cyrillic letter is one letter apart, as it was written: Тіщенко and Тіаенко are one
   * letter apart, tishchenko and tiaenko four.
   */
  public static String letters(String skeleton) {
    if (skeleton.indexOf('h') < 0 && !skeleton.contains("ts")) {
      return skeleton;
    }
    return skeleton
        .replace("shch", "Q")
        .replace("zh", "Z")
        .replace("ch", "H")
        .replace("sh", "S")
        .replace("ts", "C");
  }

  private static final Pattern GEORGIAN_CASE_ENDING = Pattern.compile("[^aeiou]i$");

  private static boolean hasCyrillic(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (Scheme.isCyrillic(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** A soft дз or ц before a soft vowel or sign, which Russian and Ukrainian write as д and т. */
  private static final Pattern BELARUSIAN_SOFT = Pattern.compile("(дз|ц)(?=[іеёюяь])");

  private static final int MOST_BELARUSIAN_READINGS = 16;

  /**
   * A Belarusian word as the other two may write it: the в Belarusian puts before an initial о or у
   * goes (Вольга, Ольга); its soft дз and ц are д and т (Дзмітрый, Цімафей); and it writes an
   * unstressed о as а (Кавалёў, Ковалёв), and an unstressed е as а after a hard consonant (Шаўчук,
   * Шевчук) or as я after a soft one (Сяргей, Сергей), the ending -енко too (Шаўчэнка). Stress is
   * not written, but о, ё and э are stressed wherever they stand, so the other vowels of a word are
   * read both ways.
   */
  private static List<String> asRussianWrites(String w) {
    String s =
        w.length() > 2 && w.charAt(0) == 'в' && "оу".indexOf(w.charAt(1)) >= 0 ? w.substring(1) : w;
    s =
        BELARUSIAN_SOFT
            .matcher(s)
            .replaceAll(m -> m.group(1).equals("дз") ? "д" : "т")
            .replace("дзм", "дм");
    int stressed = -1; // none known: every vowel is read both ways, the ending too (Дзямідзенка)
    for (int i = 0; i < s.length(); i++) {
      if ("оёэ".indexOf(s.charAt(i)) >= 0) {
        stressed = i;
        break;
      }
    }
    List<String> readings = new ArrayList<>(List.of(s));
    for (int i = 0; i < s.length(); i++) {
      if (i == stressed) {
        continue;
      }
      char c = s.charAt(i);
      String others =
          c == 'я'
              ? "е"
              : c != 'а' ? "" : i > 0 && "шжчцр".indexOf(s.charAt(i - 1)) >= 0 ? "ое" : "о";
      int n = readings.size();
      for (int k = 0; k < n; k++) {
        for (char o : others.toCharArray()) {
          if (readings.size() < MOST_BELARUSIAN_READINGS) {
            char[] r = readings.get(k).toCharArray();
            r[i] = o;
            readings.add(new String(r));
          }
        }
      }
    }
    // a patronymic from a name ending in a vowel and й (Мікалай): Belarusian writes -аевіч and
    // -аеўна where Ukrainian writes -айович and -аївна (Мікалаевіч, Миколайович)
    int n = readings.size();
    for (int k = 0; k < n; k++) {
      String r = readings.get(k);
      String ukrainian =
          VOWEL_E_PATRONYMIC
              .matcher(r)
              .replaceFirst(m -> m.group(1) + (m.group(2).equals("віч") ? "йовіч" : "ївна"));
      if (!ukrainian.equals(r)) {
        readings.add(ukrainian);
      }
    }
    return readings;
  }

  /** A Belarusian patronymic's ending after a vowel: Мікалаевіч, Мікалаеўна. */
  private static final Pattern VOWEL_E_PATRONYMIC = Pattern.compile("([аоэя])е(віч|ўна)$");

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

  /** German z, which is ц (English zh is ж). */
  private static final Pattern GERMAN_Z = Pattern.compile("z(?!h)");

  /** What only German spelling has (w is Polish too): tsch, sch. */
  private static final Pattern GERMAN = Pattern.compile("sch");

  /** French keeps g hard before e and i with a u: Sneguireva, Guennadi. */
  private static final Pattern FRENCH_GU = Pattern.compile("gu(?=[eiy])");

  /** English writes a final -р after a consonant as -er: Alexander, Peter. */
  private static final Pattern ER_AFTER_CONSONANT = Pattern.compile("([bcdfgkmnpstvz])er$");

  /*
   * One way of reading the ambiguous pairs of a Latin spelling, as bits: the French letters; ch as
   * х; cz as ц; rz as ж; sch as сч; sh as сг; English x and -er; the German letters (ch х, z ц, sh
   * ж; its s, read both ways, after); French o after a hushing sound as ё.
   */
  private static final int FRENCH_LETTERS = 1;
  private static final int CH_IS_KH = 2;
  private static final int CZ_IS_TS = 4;
  private static final int RZ_IS_ZH = 8;
  private static final int SCH_IS_S_CH = 16;
  private static final int SH_IS_S_H = 32;
  private static final int ENGLISH = 64;
  private static final int GERMAN_LETTERS = 128;
  private static final int O_IS_YO = 256;

  /** French ch, tch or j before an o, which French writes for ё there: Tchernychova. */
  private static final Pattern FRENCH_HUSHING_O = Pattern.compile("(ch|j)o");

  private static List<String> latinReadings(String w, int conventions) {
    boolean polish = w.contains("w") || w.contains("sz") || w.contains("cz");
    boolean german = Convention.GERMAN.in(conventions) || GERMAN.matcher(w).find();
    int usual = polish ? RZ_IS_ZH : 0;
    List<Integer> readings = new ArrayList<>();
    readings.add(usual);
    if (w.contains("cz")) {
      readings.add(usual | CZ_IS_TS); // GOST 7.79 B writes ц as cz
    }
    boolean hasH = w.indexOf('h') >= 0; // most words need none of the patterns below: test cheaply
    if (Convention.FRENCH.in(conventions)
        || w.contains("ou")
        || w.contains("tch")
        || w.endsWith("ine")
        || (w.contains("gu") && FRENCH_GU.matcher(w).find())) {
      readings.add(usual | FRENCH_LETTERS);
      if (FRENCH_HUSHING_O.matcher(w).find()) {
        readings.add(usual | FRENCH_LETTERS | O_IS_YO);
      }
    }
    if (hasH && LONE_CH.matcher(w).find() && (polish || CH_BEFORE_CONSONANT.matcher(w).find())) {
      readings.add(usual | CH_IS_KH); // Polish and German write х as ch
    }
    if (w.contains("rz")) {
      readings.add(usual ^ RZ_IS_ZH); // Polish rz is ж
    }
    if (w.contains("sch") && !w.contains("shch")) {
      readings.add(usual | SCH_IS_S_CH); // сч, not German ш
    }
    if (w.indexOf('x') >= 0 || (w.endsWith("er") && ER_AFTER_CONSONANT.matcher(w).find())) {
      // English: Alexander, Maxim, Peter for Александр, Максим, Пётр
      readings.add(usual | ENGLISH);
    }
    if (hasH && SH_NOT_SHCH.matcher(w).find()) {
      readings.add(usual | SH_IS_S_H); // KMU writes сг as sh too
    }
    if (german) {
      // Duden's letters, beside its sch for ш: ch х (Michail), z ц (Rudez), sh ж (Shitomir)
      readings.add(usual | GERMAN_LETTERS);
    }
    List<String> out = new ArrayList<>(readings.size());
    for (int r : readings) {
      String s = latin(w, r);
      out.add(s);
      if ((r & GERMAN_LETTERS) != 0) {
        germanS(s, out);
      }
    }
    return out;
  }

  private static final int MOST_GERMAN_S_READINGS = 8;

  /**
   * German writes both з and с as s (Sachar, Bereskin; Sergej), and с alone as ss between vowels:
   * each lone s of a German reading is read both ways, a few at most.
   */
  private static void germanS(String s, List<String> out) {
    List<String> readings = new ArrayList<>(List.of(s));
    for (int i = 0; i < s.length(); i++) {
      boolean lone =
          s.charAt(i) == 's'
              && (i == 0 || s.charAt(i - 1) != 's')
              && (i + 1 == s.length() || s.charAt(i + 1) != 's');
      if (!lone) {
        continue;
      }
      int n = readings.size();
      for (int k = 0; k < n && readings.size() < MOST_GERMAN_S_READINGS; k++) {
        char[] r = readings.get(k).toCharArray();
        r[i] = 'z';
        readings.add(new String(r));
      }
    }
    out.addAll(readings.subList(1, readings.size()));
  }

  private static String latin(String w, int reading) {
    String s = w;
    if ((reading & FRENCH_LETTERS) != 0) {
      s = s.replace("tch", "H").replace("ch", "S").replace("ou", "u").replace("j", "Z");
      s = FRENCH_GU.matcher(s).replaceAll("g"); // Sneguireva: the u only keeps the g hard
      if (s.length() > 3 && s.endsWith("ne")) {
        s = s.substring(0, s.length() - 1); // Poutine, Lénine, Vasine: the e says the n is heard
      }
      if ((reading & O_IS_YO) != 0) {
        s = s.replace("Ho", "He").replace("So", "Se").replace("Zo", "Ze");
      }
    }
    if ((reading & ENGLISH) != 0) {
      // x is кс where English spells; GOST 7.79 B's x for х is the usual reading
      s = ER_AFTER_CONSONANT.matcher(s.replace("x", "ks")).replaceAll("$1r");
    }
    if ((reading & GERMAN_LETTERS) != 0) {
      s = GERMAN_Z.matcher(LONE_CH.matcher(s).replaceAll("x")).replaceAll("C");
      s = SH_NOT_SHCH.matcher(s).replaceAll("Z");
    }
    if ((reading & CH_IS_KH) != 0) {
      s = LONE_CH.matcher(s).replaceAll("x");
    }
    if ((reading & CZ_IS_TS) != 0) {
      s = s.replace("cz", "C");
    }
    if ((reading & RZ_IS_ZH) != 0) {
      s = s.replace("rz", "Z");
    }
    if ((reading & SCH_IS_S_CH) != 0) {
      s = s.replace("sch", "sH");
    }
    if ((reading & SH_IS_S_H) != 0) {
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
    if (r.contains("io")) {
      r = IO_AFTER_CONSONANT.matcher(r).replaceAll("$1e");
    }
    String b = collapse(r);
    // back to readable Latin for the classes that stood in for digraphs
    return b.replace("SH", "shch")
        .replace("Z", "zh")
        .replace("C", "ts")
        .replace("H", "ch")
        .replace("S", "sh");
  }
}
