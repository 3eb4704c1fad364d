package org.handover.server.registry;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.handover.core.registry.Name;
import org.handover.core.registry.Person;
import org.handover.names.Equivalents;
import org.handover.names.Folding;
import org.handover.names.Names;
import org.handover.names.Skeleton;

/**
 * What the registry stores beside a person so that search and sorting need no work at query time.
 */
final class SearchKeys {
  private SearchKeys() {}

  // Collators are not thread-safe; a frozen one is.
  private static final Collator UK = Collator.getInstance(new ULocale("uk")).freeze();
  private static final Collator RU = Collator.getInstance(new ULocale("ru")).freeze();
  private static final Collator EN = Collator.getInstance(ULocale.ENGLISH).freeze();

  /**
   * Which way {@link #tokens} makes search words; stored tokens made another way are rebuilt on
   * start.
   */
  static final String VERSION =
      "skeleton-5"; // 5: a word read by its name's convention (German, ISO 9, French, Belarusian)

  /** Every folded word of every spelling, and each word's script-neutral skeletons. */
  static Set<String> tokens(Person p) {
    return tokens(p.names());
  }

  static Set<String> tokens(List<Name> names) {
    Set<String> tokens = new LinkedHashSet<>();
    for (Name n : names) {
      String full = n.full();
      // from the word as written (Ščerbak's marks are letters), in its name (Shuk beside
      // Iwanowytsch is Жук)
      int conventions = Skeleton.conventionsOf(full);
      for (String word : words(full)) {
        tokens.addAll(wordTokens(word, conventions));
      }
    }
    tokens.removeIf(t -> t.isEmpty() || t.length() > 100);
    return tokens;
  }

  /**
   * Words kept with their search words, at most, for each name convention: a registry's names are a
   * few thousand words.
   */
  private static final int WORDS_KEPT = 200_000;

  /** By a name's conventions (bits of a handful of flags), each word's search words. */
  private static final Map<Integer, Map<String, List<String>>> WORDS = new ConcurrentHashMap<>();

  /**
   * A word's search words in a name of these conventions: the word folded, then its skeletons.
   * Kept, as a million persons' names give some twenty thousand search words (their skeletons were
   * a quarter of a registry import's work).
   */
  private static List<String> wordTokens(String word, int conventions) {
    Map<String, List<String>> kept =
        WORDS.computeIfAbsent(conventions, k -> new ConcurrentHashMap<>());
    List<String> made = kept.get(word);
    if (made == null) {
      List<String> t = new ArrayList<>();
      t.add(Folding.fold(word).replace(" ", ""));
      t.addAll(Skeleton.all(word, conventions));
      made = List.copyOf(t);
      if (kept.size() >= WORDS_KEPT) {
        kept.clear();
      }
      kept.put(word, made);
    }
    return made;
  }

  /**
   * A name's words as written, marks kept: runs of letters, marks, digits and apostrophes, each
   * with a letter or digit. Read character by character: a pattern's split was a tenth of a
   * registry import's work.
   */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>(4);
    int start = -1;
    boolean letter = false;
    for (int i = 0; i <= text.length(); ) {
      int c = i < text.length() ? text.codePointAt(i) : ' ';
      if (i < text.length() && inWord(c)) {
        if (start < 0) {
          start = i;
          letter = false;
        }
        // ʼ is a letter, and folding reads a char at a time: a word of letters beyond the first
        // plane folds to nothing and is no word, as with the pattern
        letter |=
            Character.isBmpCodePoint(c)
                && Character.isLetterOrDigit(c)
                && APOSTROPHES.indexOf(c) < 0;
      } else if (start >= 0) {
        if (letter) {
          out.add(text.substring(start, i));
        }
        start = -1;
      }
      i += Character.charCount(c);
    }
    return out;
  }

  /** What a name's word holds: a letter, a mark, a decimal digit or an apostrophe. */
  private static boolean inWord(int c) {
    if (Character.isLetter(c)) {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER ->
          true;
      default -> APOSTROPHES.indexOf(c) >= 0;
    };
  }

  /** Apostrophes, with the primes of library systems for the soft and hard signs, as folded. */
  private static final String APOSTROPHES = "'’ʼ`‘ʹʺ′″";

  /**
   * What a word typed into search, among the other words of the name typed, may be stored as:
   * itself, its skeletons (read by the name's convention too), their uk/ru partners, and the full
   * names a short form stands for.
   */
  static Set<String> variants(String word, String name) {
    Set<String> v = new LinkedHashSet<>();
    v.add(Folding.fold(word).replace(" ", ""));
    for (String s : Skeleton.all(word, name)) {
      if (!s.isEmpty()) {
        v.add(s);
        v.addAll(Equivalents.get().partners(s));
      }
    }
    v.addAll(Names.fullNamesOf(word)); // Саша finds Олександр
    return v;
  }

  /** Service numbers compared without case, spaces or dashes: "АА 123-456" = "аа123456". */
  static String serviceNumber(String raw) {
    return Folding.fold(raw).replace(" ", "");
  }

  static byte[] sortKey(String locale, String displayName) {
    Collator c =
        switch (locale) {
          case "uk" -> UK;
          case "ru" -> RU;
          default -> EN;
        };
    return c.getCollationKey(displayName).toByteArray();
  }
}
