package org.handover.duke;

import com.ibm.icu.text.Transliterator;
import java.util.Map;
import java.util.regex.Pattern;
import no.priv.garshol.duke.Cleaner;

/**
 * What a Duke user writes for lists in Cyrillic and Latin: Duke compares strings letter by letter,
 * so every value is brought to lower-case ASCII Latin first, by the system documents use —
 * Ukraine's national romanization (KMU 2010) where the text has a letter only Ukrainian writes (і,
 * ї, є, ґ), else that of Russian passports (ICAO 9303). Latin passes through, its marks taken off
 * by ICU; apostrophes and punctuation go. {@link Ukrainian} reads every value as Ukrainian, for a
 * file known to be in Ukrainian.
 */
public class LatinCleaner implements Cleaner {
  private static final Pattern UKRAINIAN_LETTER = Pattern.compile("[іїєґІЇЄҐ]");
  private static final Pattern NOT_A_LETTER = Pattern.compile("[^a-z0-9 ]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  // a compound transliterator is not safe to share between Duke's threads
  private static final ThreadLocal<Transliterator> ASCII =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Latin-ASCII; Lower"));

  // KMU 2010: the second form at the start of a word
  private static final Map<Character, String[]> KMU =
      Map.ofEntries(
          Map.entry('а', new String[] {"a"}),
          Map.entry('б', new String[] {"b"}),
          Map.entry('в', new String[] {"v"}),
          Map.entry('г', new String[] {"h"}),
          Map.entry('ґ', new String[] {"g"}),
          Map.entry('д', new String[] {"d"}),
          Map.entry('е', new String[] {"e"}),
          Map.entry('є', new String[] {"ie", "ye"}),
          Map.entry('ж', new String[] {"zh"}),
          Map.entry('з', new String[] {"z"}),
          Map.entry('и', new String[] {"y"}),
          Map.entry('і', new String[] {"i"}),
          Map.entry('ї', new String[] {"i", "yi"}),
          Map.entry('й', new String[] {"i", "y"}),
          Map.entry('к', new String[] {"k"}),
          Map.entry('л', new String[] {"l"}),
          Map.entry('м', new String[] {"m"}),
          Map.entry('н', new String[] {"n"}),
          Map.entry('о', new String[] {"o"}),
          Map.entry('п', new String[] {"p"}),
          Map.entry('р', new String[] {"r"}),
          Map.entry('с', new String[] {"s"}),
          Map.entry('т', new String[] {"t"}),
          Map.entry('у', new String[] {"u"}),
          Map.entry('ф', new String[] {"f"}),
          Map.entry('х', new String[] {"kh"}),
          Map.entry('ц', new String[] {"ts"}),
          Map.entry('ч', new String[] {"ch"}),
          Map.entry('ш', new String[] {"sh"}),
          Map.entry('щ', new String[] {"shch"}),
          Map.entry('ь', new String[] {""}),
          Map.entry('ю', new String[] {"iu", "yu"}),
          Map.entry('я', new String[] {"ia", "ya"}),
          Map.entry('ы', new String[] {"y"}),
          Map.entry('э', new String[] {"e"}),
          Map.entry('ё', new String[] {"e"}),
          Map.entry('ъ', new String[] {""}));

  // ICAO 9303 for Russian
  private static final Map<Character, String> ICAO =
      Map.ofEntries(
          Map.entry('а', "a"),
          Map.entry('б', "b"),
          Map.entry('в', "v"),
          Map.entry('г', "g"),
          Map.entry('д', "d"),
          Map.entry('е', "e"),
          Map.entry('ё', "e"),
          Map.entry('ж', "zh"),
          Map.entry('з', "z"),
          Map.entry('и', "i"),
          Map.entry('й', "i"),
          Map.entry('к', "k"),
          Map.entry('л', "l"),
          Map.entry('м', "m"),
          Map.entry('н', "n"),
          Map.entry('о', "o"),
          Map.entry('п', "p"),
          Map.entry('р', "r"),
          Map.entry('с', "s"),
          Map.entry('т', "t"),
          Map.entry('у', "u"),
          Map.entry('ф', "f"),
          Map.entry('х', "kh"),
          Map.entry('ц', "ts"),
          Map.entry('ч', "ch"),
          Map.entry('ш', "sh"),
          Map.entry('щ', "shch"),
          Map.entry('ъ', "ie"),
          Map.entry('ы', "y"),
          Map.entry('ь', ""),
          Map.entry('э', "e"),
          Map.entry('ю', "iu"),
          Map.entry('я', "ia"),
          Map.entry('і', "i"),
          Map.entry('ї', "i"),
          Map.entry('є', "e"),
          Map.entry('ґ', "g"));

  /** Every value read as Ukrainian (KMU 2010). */
  public static final class Ukrainian extends LatinCleaner {
    @Override
    boolean ukrainian(String value) {
      return true;
    }
  }

  boolean ukrainian(String value) {
    return UKRAINIAN_LETTER.matcher(value).find();
  }

  @Override
  public String clean(String value) {
    if (value == null) {
      return null;
    }
    String lower = value.strip().toLowerCase(java.util.Locale.ROOT);
    boolean kmu = ukrainian(lower);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      boolean start = i == 0 || !Character.isLetter(lower.charAt(i - 1));
      if (kmu && c == 'г' && i > 0 && lower.charAt(i - 1) == 'з') {
        s.append("gh"); // зг is zgh, not zh
      } else if (kmu && KMU.containsKey(c)) {
        String[] forms = KMU.get(c);
        s.append(start && forms.length > 1 ? forms[1] : forms[0]);
      } else if (!kmu && ICAO.containsKey(c)) {
        s.append(ICAO.get(c));
      } else {
        s.append(c);
      }
    }
    String latin = ASCII.get().transliterate(s.toString());
    String clean =
        SPACES.matcher(NOT_A_LETTER.matcher(latin).replaceAll("")).replaceAll(" ").strip();
    return clean.isEmpty() ? null : clean;
  }
}
