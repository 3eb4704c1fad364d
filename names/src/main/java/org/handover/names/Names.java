package org.handover.names;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names library's front door: parse, compare and key names across scripts and spellings.
 *
 * <pre>{@code
 * Names.compare("Ковальчук Юрій Петрович", "KOVALCHUK IURII").level()  // TRANSLITERATION
 * Names.compareWords("Олександр", "Aleksandr").why()                   // "Олександр ~ Aleksandr: Ukrainian and Russian forms of one name"
 * Names.keys("Ковальчук Юрій")                                         // [F:kovalchuk, G:iuri.k]
 * }</pre>
 */
public final class Names {
  private Names() {}

  public static ParsedName parse(String text) {
    return NameParser.parse(text);
  }

  public static PreparedName prepare(String text) {
    return new PreparedName(NameParser.parse(text));
  }

  public static PreparedName prepare(ParsedName name) {
    return new PreparedName(name);
  }

  public static Comparison compare(String a, String b) {
    return compare(prepare(a), prepare(b));
  }

  /**
   * Compares part by part, in the order given and with family and given names swapped; keeps the
   * better.
   */
  public static Comparison compare(PreparedName a, PreparedName b) {
    Comparison best = compareFamilies(a, a.family, b, b.family);
    // a former or maiden family name in parentheses: either one may be the other side's
    for (PreparedPart fa : new PreparedPart[] {a.family, a.otherFamily}) {
      for (PreparedPart fb : new PreparedPart[] {b.family, b.otherFamily}) {
        if (fa != null && fb != null && (fa != a.family || fb != b.family)) {
          Comparison c = compareFamilies(a, fa, b, fb);
          if (c.level().ordinal() < best.level().ordinal()) {
            best = c;
          }
        }
      }
    }
    return best;
  }

  private static Comparison compareFamilies(
      PreparedName a, PreparedPart aFamily, PreparedName b, PreparedPart bFamily) {
    if (aFamily != a.family || bFamily != b.family) {
      a = a.withFamily(aFamily);
      b = b.withFamily(bFamily);
    }
    Comparison straight =
        compare(a.family, b.family, a.given, b.given, a.patronymic, b.patronymic, false);
    if (straight.level().atLeast(Level.EQUIVALENT) || a.given.empty() || b.given.empty()) {
      return straight; // a swap could not do better than a match of every part
    }
    if (word(a.family, b.given).level == Level.DIFFERENT
        && !Diminutives.get().related(a.family.skeletons, b.given.skeletons)) {
      return straight; // swapping cannot help when the family name is not the other's given name
    }
    Comparison swapped =
        compare(a.family, b.given, a.given, b.family, a.patronymic, b.patronymic, true);
    return swapped.level().ordinal() < straight.level().ordinal() ? swapped : straight;
  }

  private static Comparison compare(
      PreparedPart fa,
      PreparedPart fb,
      PreparedPart ga,
      PreparedPart gb,
      PreparedPart pa,
      PreparedPart pb,
      boolean swapped) {
    // a name of one word on both sides (names compare Саша Олександр) may be a given name
    boolean oneWord = ga.empty() && gb.empty() && pa.empty() && pb.empty();
    List<Comparison.Part> parts =
        List.of(
            part("family", fa, fb, oneWord),
            part("given", ga, gb, true),
            part("patronymic", pa, pb, false));
    Level worst = null;
    for (Comparison.Part p : parts) {
      if (!p.missing() && (worst == null || p.level().ordinal() > worst.ordinal())) {
        worst = p.level();
      }
    }
    return new Comparison(worst == null ? Level.DIFFERENT : worst, parts, swapped);
  }

  private static Comparison.Part part(
      String name, PreparedPart a, PreparedPart b, boolean givenName) {
    if (a.empty() || b.empty()) {
      return new Comparison.Part(
          name,
          a.raw,
          b.raw,
          null,
          a.empty() && b.empty() ? "absent on both sides" : "missing on one side, not counted");
    }
    WordMatch m = givenName ? givenWord(a, b) : word(a, b);
    return new Comparison.Part(name, a.raw, b.raw, m.level, m.why);
  }

  /** Given names lately compared on this thread, as {@link #WORDS}. */
  private static final ThreadLocal<Remembered> GIVEN =
      ThreadLocal.withInitial(() -> new Remembered(4_096));

  /** Two words compared as given names: a short form of the same name is one too. Remembered. */
  private static WordMatch givenWord(PreparedPart a, PreparedPart b) {
    Remembered seen = GIVEN.get();
    WordMatch m = seen.get(a, b);
    if (m == null) {
      m = word(a, b);
      if (!m.level.atLeast(Level.DIMINUTIVE)
          && !a.initial
          && !b.initial
          && Diminutives.get().related(a.skeletons, b.skeletons)) {
        m = SHORT_FORM;
      }
      seen.put(a, b, m);
    }
    return m;
  }

  private static final WordMatch SHORT_FORM =
      new WordMatch(Level.DIMINUTIVE, "a short form of the same given name");

  /**
   * The full given names (as skeletons) a short form stands for: Саша, Sasha → oleksandr,
   * aleksandr, oleksandra...; empty for a word that is no short form.
   */
  public static List<String> fullNamesOf(String word) {
    List<String> out = new java.util.ArrayList<>();
    for (String s : Skeleton.all(word)) {
      for (String f : Diminutives.get().fullForms(s)) {
        if (!out.contains(f)) {
          out.add(f);
        }
      }
    }
    return out;
  }

  /** Compares two single words (or two double-barrelled names) and explains the result. */
  public static Comparison.Part compareWords(String a, String b) {
    return part(
        "word",
        PreparedPart.shared(a, () -> new PreparedPart(a)),
        PreparedPart.shared(b, () -> new PreparedPart(b)),
        false);
  }

  private record WordMatch(Level level, String why) {}

  /** Words compared lately on this thread, by the two parts (see {@link #word}). */
  private static final ThreadLocal<Remembered> WORDS =
      ThreadLocal.withInitial(() -> new Remembered(16_384));

  /**
   * Results of pairs of parts lately compared, one slot for each pair's identity hashes (a newer
   * pair takes an older one's slot): a part's results depend on its text alone.
   */
  private static final class Remembered {
    private final Object[] seen;
    private final int mask;

    /** {@code slots} a power of two. */
    Remembered(int slots) {
      seen = new Object[3 * slots];
      mask = slots - 1;
    }

    private int slot(PreparedPart a, PreparedPart b) {
      return 3 * ((31 * System.identityHashCode(a) + System.identityHashCode(b)) & mask);
    }

    /** The result kept for these two parts, or null. */
    WordMatch get(PreparedPart a, PreparedPart b) {
      int at = slot(a, b);
      return seen[at] == a && seen[at + 1] == b ? (WordMatch) seen[at + 2] : null;
    }

    void put(PreparedPart a, PreparedPart b, WordMatch m) {
      int at = slot(a, b);
      seen[at] = a;
      seen[at + 1] = b;
      seen[at + 2] = m;
    }
  }

  /**
   * Two words compared, remembered by the two parts themselves: a word's result depends on their
   * text alone, and a registry's parts are shared by their text (one Коваленко for thousands), so
   * an entry meets the same pair of parts again and again among its candidates.
   */
  private static WordMatch word(PreparedPart a, PreparedPart b) {
    Remembered seen = WORDS.get();
    WordMatch m = seen.get(a, b);
    if (m == null) {
      m = compareWord(a, b);
      seen.put(a, b, m);
    }
    return m;
  }

  private static WordMatch compareWord(PreparedPart a, PreparedPart b) {
    if (a.folded.equals(b.folded)) {
      return new WordMatch(Level.EXACT, "same spelling");
    }
    if (a.initial || b.initial) {
      return initials(a, b);
    }
    if (shareAny(a.skeletons, b.skeletons)) {
      if (a.cyrillic && b.cyrillic) {
        // only Belarusian words have more than one Cyrillic reading
        return new WordMatch(
            Level.EQUIVALENT,
            a.skeletons.size() > 1
                    || b.skeletons.size() > 1
                    || a.raw.indexOf('ў') >= 0
                    || b.raw.indexOf('ў') >= 0
                ? "Belarusian and Russian or Ukrainian spellings of one name"
                : "Ukrainian and Russian spellings of one name");
      }
      if (a.cyrillic == b.cyrillic) {
        return new WordMatch(Level.TRANSLITERATION, "two romanizations of one name");
      }
      return new WordMatch(
          Level.TRANSLITERATION,
          system(a, b)
              .map(r -> "same name, " + r.title() + " spelling")
              .orElse("same name in another romanization"));
    }
    if (a.cyrillic != b.cyrillic) {
      // a system's spelling whose skeleton strays (KMU 2010 writes сг and ш alike as "sh")
      Optional<Romanization> r = system(a, b);
      if (r.isPresent()) {
        return new WordMatch(Level.TRANSLITERATION, "same name, " + r.get().title() + " spelling");
      }
      if (vowelBetweenFirstConsonants(a.cyrillic ? b : a, a.cyrillic ? a : b)) {
        return new WordMatch(
            Level.TRANSLITERATION,
            "same name, with the vowel Western spellings put after its first letter");
      }
    }
    for (int i = 0; i < a.skeletons.size(); i++) {
      String x = a.skeletons.get(i);
      Set<String> partners = a.partners(i);
      for (String y : b.skeletons) {
        if (partners.contains(y)) {
          return new WordMatch(Level.EQUIVALENT, "Ukrainian and Russian forms of one name");
        }
        if (Equivalents.feminine(x, y)) {
          return new WordMatch(Level.EQUIVALENT, "masculine and feminine forms of one surname");
        }
      }
    }
    if (a.phonetic.equals(b.phonetic) && a.phonetic.length() > 1) {
      return new WordMatch(Level.PHONETIC, "sound alike");
    }
    // letters apart as written: щ is one letter, not the four of its skeleton's shch
    String sa = a.letters();
    String sb = b.letters();
    int allowed = Math.max(sa.length(), sb.length()) <= 6 ? 1 : 2;
    int d =
        Distance.surelyApart(a.letterBits(), b.letterBits(), allowed)
            ? allowed + 1
            : Distance.osa(sa, sb, 2);
    if (d <= allowed) {
      return d == 1
          ? new WordMatch(Level.EDIT, "one letter apart")
          : new WordMatch(Level.TWO_EDITS, "two letters apart");
    }
    // a slip of the pen in the other language's form: Андаей is one letter from Андрей, Андрій's
    // partner
    for (PreparedPart[] pair : new PreparedPart[][] {{a, b}, {b, a}}) {
      String x = pair[0].skeletons.get(0);
      long bits = Distance.presence(x);
      for (String partner : pair[1].partners(0)) {
        if (Math.max(x.length(), partner.length()) >= 4
            && Math.abs(x.length() - partner.length()) <= 1
            && !Distance.surelyApart(bits, Distance.presence(partner), 1)
            && Distance.osa(x, partner, 1) <= 1) {
          return new WordMatch(Level.EDIT, "one letter from the other language's form");
        }
      }
    }
    return new WordMatch(Level.DIFFERENT, "different names");
  }

  /**
   * Whether a Latin spelling is the Cyrillic word with a vowel between its first two consonants, as
   * English, French and German write Дмитрий: Dimitri.
   */
  private static boolean vowelBetweenFirstConsonants(PreparedPart latin, PreparedPart cyrillic) {
    for (String l : latin.skeletons) {
      for (String c : cyrillic.skeletons) {
        if (l.length() == c.length() + 1
            && c.length() > 3
            && l.charAt(0) == c.charAt(0)
            && VOWELS.indexOf(l.charAt(1)) >= 0
            && VOWELS.indexOf(c.charAt(0)) < 0
            && VOWELS.indexOf(c.charAt(1)) < 0
            && l.regionMatches(2, c, 1, c.length() - 1)) {
          return true;
        }
      }
    }
    return false;
  }

  private static final String VOWELS = "aeiouy";

  /** The system by which the Cyrillic one of two parts is spelt as the Latin one, if any. */
  private static Optional<Romanization> system(PreparedPart a, PreparedPart b) {
    PreparedPart cyr = a.cyrillic ? a : b;
    PreparedPart lat = a.cyrillic ? b : a;
    if (Scholarly.applies(lat.raw)) {
      return Optional.empty(); // its marks are letters (č is not c): its skeleton said it all
    }
    String latin = lat.folded;
    for (Map.Entry<Romanization, String> e : cyr.romanized().entrySet()) {
      if (e.getValue().equals(latin)) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  private static WordMatch initials(PreparedPart a, PreparedPart b) {
    if (a.initial && b.initial) {
      return firstSoundsFit(a.skeletons.get(0), b.skeletons.get(0))
          ? new WordMatch(Level.INITIALS, "same initial")
          : new WordMatch(Level.DIFFERENT, "different initials");
    }
    PreparedPart initial = a.initial ? a : b;
    PreparedPart full = a.initial ? b : a;
    for (String s : full.skeletons) {
      if (firstSoundsFit(initial.skeletons.get(0), s)) {
        return new WordMatch(Level.INITIALS, "the initial fits");
      }
      for (String partner : Equivalents.get().partners(s)) {
        if (firstSoundsFit(initial.skeletons.get(0), partner)) {
          return new WordMatch(
              Level.INITIALS, "the initial fits the other language's form"); // А. for Олександр
        }
      }
    }
    return new WordMatch(Level.DIFFERENT, "the initial does not fit");
  }

  /** Whether an initial's sound can begin a word: Ю., Y., I. begin Iurii; Є., Y. begin Yevhen. */
  private static boolean firstSoundsFit(String initial, String word) {
    if (initial.isEmpty() || word.isEmpty()) {
      return false;
    }
    char i = initial.charAt(0);
    char w = word.charAt(0);
    return i == w || (i == 'i' && w == 'e') || (i == 'e' && w == 'i');
  }

  private static boolean shareAny(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      String x = a.get(i);
      int h = x.hashCode();
      for (int j = 0; j < b.size(); j++) {
        // the hashes first: kept in the strings, they spare reading two strings' letters, far
        // apart in memory, for every pair of different words
        String y = b.get(j);
        if (y.hashCode() == h && y.equals(x)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Short script-neutral blocking keys: the family name's skeletons and those of its uk/ru
   * partners, feminine endings off ("F:kovalchuk"), and the given name's with the family name's
   * first sound ("G:iuri.k"). Spellings of one name share at least one key.
   */
  public static List<String> keys(String text) {
    return keys(prepare(text));
  }

  public static List<String> keys(ParsedName name) {
    return keys(prepare(name));
  }

  public static List<String> keys(PreparedName name) {
    List<String> keys = keysInOrder(name);
    ParsedName p = name.parsed;
    if (p.confidence() < 0.75 && !p.given().isEmpty() && !name.given.initial) {
      // the order was a guess: key the other reading too, so that a swapped name still meets its
      // block
      Set<String> both = new LinkedHashSet<>(keys);
      both.addAll(
          keysInOrder(
              new PreparedName(
                  new ParsedName(
                      p.given(),
                      p.family(),
                      p.patronymic(),
                      ParsedName.Order.UNKNOWN,
                      p.confidence()))));
      return new ArrayList<>(both);
    }
    return keys;
  }

  private static List<String> keysInOrder(PreparedName name) {
    Set<String> keys = new LinkedHashSet<>();
    List<String> families = new ArrayList<>(canonical(name.family.skeletons, true));
    if (name.otherFamily != null) {
      families.addAll(canonical(name.otherFamily.skeletons, true));
    }
    for (String f : families) {
      if (!f.isEmpty()) {
        keys.add("F:" + f);
      }
    }
    if (!name.given.empty() && !name.given.initial) {
      for (String g : canonical(name.given.skeletons, false)) {
        for (String f : families) {
          if (!f.isEmpty() && !g.isEmpty()) {
            keys.add("G:" + g + "." + f.charAt(0));
          }
        }
      }
    }
    return new ArrayList<>(keys);
  }

  /** Each skeleton, and each of its uk/ru partners, surnames in the masculine. */
  private static List<String> canonical(List<String> skeletons, boolean surname) {
    Set<String> out = new LinkedHashSet<>();
    Equivalents eq = Equivalents.get();
    for (String s : skeletons) {
      String base = surname ? masculine(s) : s;
      out.add(base);
      for (String from : new String[] {s, base}) {
        for (String p : eq.partners(from)) {
          out.add(surname ? masculine(p) : p);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The masculine skeleton of a feminine surname: -ova, -eva, -ina, -iva lose the a; -ska, -skaia
   * become -ski.
   */
  private static String masculine(String s) {
    if (s.length() > 6 && s.endsWith("skaia")) {
      return s.substring(0, s.length() - 3) + "i";
    }
    if (s.length() > 4 && s.endsWith("ska")) {
      return s.substring(0, s.length() - 1) + "i";
    }
    if (s.length() > 4
        && (s.endsWith("ova") || s.endsWith("eva") || s.endsWith("ina") || s.endsWith("iva"))) {
      return s.substring(0, s.length() - 1);
    }
    return s;
  }
}
