package org.handover.duke;

import com.ibm.icu.text.Transliterator;
import java.util.regex.Pattern;
import no.priv.garshol.duke.Cleaner;

/**
 * What a Duke user writes for lists in Cyrillic and Latin: Duke compares strings letter by letter,
 * so every value is brought to lower-case ASCII Latin first, by ICU's BGN/PCGN rules for Ukrainian
 * where the text has a letter only Ukrainian writes (і, ї, є, ґ), else for Russian. Latin passes
 * through; marks, apostrophes and punctuation go.
 */
public final class LatinCleaner implements Cleaner {
  private static final Pattern UKRAINIAN = Pattern.compile("[іїєґІЇЄҐ]");
  private static final Pattern NOT_A_LETTER = Pattern.compile("[^a-z0-9 ]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  // a compound transliterator is not safe to share between Duke's threads
  private static final ThreadLocal<Transliterator> FROM_UKRAINIAN =
      ThreadLocal.withInitial(
          () -> Transliterator.getInstance("Ukrainian-Latin/BGN; Latin-ASCII; Lower"));
  private static final ThreadLocal<Transliterator> FROM_RUSSIAN =
      ThreadLocal.withInitial(
          () -> Transliterator.getInstance("Russian-Latin/BGN; Latin-ASCII; Lower"));

  @Override
  public String clean(String value) {
    if (value == null) {
      return null;
    }
    Transliterator t = UKRAINIAN.matcher(value).find() ? FROM_UKRAINIAN.get() : FROM_RUSSIAN.get();
    String latin = t.transliterate(value.strip());
    String clean =
        SPACES.matcher(NOT_A_LETTER.matcher(latin).replaceAll("")).replaceAll(" ").strip();
    return clean.isEmpty() ? null : clean;
  }
}
