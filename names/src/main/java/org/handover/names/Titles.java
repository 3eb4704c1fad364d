package org.handover.names;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Titles, honorifics and military ranks written with a name, in Ukrainian, Russian and English:
 * kept apart, never taken for a part of the name. A word that is also a family name (Майор, Пан,
 * Major) is taken for a title only when it is written in small letters or abbreviated, or when
 * three words of the name remain without it.
 */
final class Titles {
  private Titles() {}

  private static final Set<String> WORDS =
      Set.of(
          // uk
          "пан",
          "пані",
          "панна",
          "громадянин",
          "громадянка",
          "гр",
          "рядовий",
          "солдат",
          "матрос",
          "єфрейтор",
          "сержант",
          "старшина",
          "прапорщик",
          "мічман",
          "лейтенант",
          "капітан",
          "майор",
          "підполковник",
          "полковник",
          "генерал",
          "доктор",
          "лікар",
          "д-р",
          // ru
          "господин",
          "госпожа",
          "г-н",
          "г-жа",
          "гражданин",
          "гражданка",
          "рядовой",
          "ефрейтор",
          "капитан",
          "подполковник",
          "врач",
          // en
          "mr",
          "mrs",
          "ms",
          "miss",
          "dr",
          "sir",
          "private",
          "pvt",
          "pte",
          "corporal",
          "cpl",
          "sergeant",
          "sgt",
          "lieutenant",
          "lt",
          "captain",
          "capt",
          "major",
          "maj",
          "colonel",
          "col",
          "general",
          "gen");

  /** Words that make a rank of the word after them: старший лейтенант, молодший сержант. */
  private static final Set<String> GRADES =
      Set.of(
          "старший",
          "ст",
          "мл",
          "молодший",
          "головний",
          "младший",
          "главный",
          "senior",
          "junior",
          "staff",
          "first",
          "second",
          "lance");

  /** Abbreviations, never a family name whatever their case. */
  private static final Set<String> SHORT =
      Set.of(
          "гр", "д-р", "г-н", "г-жа", "mr", "mrs", "ms", "dr", "pvt", "pte", "cpl", "sgt", "lt",
          "capt", "maj", "col", "gen");

  /** Whether a word may be a title or the grade of one, however it is written. */
  static boolean is(String word) {
    return WORDS.contains(key(word)) || GRADES.contains(key(word));
  }

  /** Moves the titles at the start and the end of {@code words} into {@code title}, in order. */
  static void take(List<String> words, List<String> title) {
    boolean moved = true;
    while (moved && words.size() > 1) {
      moved = false;
      int n = atStart(words);
      if (n > 0) {
        for (int i = 0; i < n; i++) {
          title.add(words.remove(0));
        }
        moved = true;
      }
      n = atEnd(words);
      if (n > 0) {
        for (int i = 0; i < n; i++) {
          title.add(words.remove(words.size() - n));
        }
        moved = true;
      }
    }
  }

  private static int atStart(List<String> w) {
    int n = w.size() > 2 && GRADES.contains(key(w.get(0))) && title(w.get(1), w.size() - 2) ? 2 : 0;
    return n > 0 ? n : title(w.get(0), w.size() - 1) ? 1 : 0;
  }

  private static int atEnd(List<String> w) {
    int last = w.size() - 1;
    if (last < 1) {
      return 0;
    }
    if (last > 1 && GRADES.contains(key(w.get(last - 1))) && title(w.get(last), w.size() - 2)) {
      return 2;
    }
    return title(w.get(last), w.size() - 1) ? 1 : 0;
  }

  /** Whether a word is a title here, {@code left} words of the name remaining without it. */
  private static boolean title(String word, int left) {
    String k = key(word);
    if (!WORDS.contains(k) || left < 1) {
      return false;
    }
    boolean small = Character.isLowerCase(word.codePointAt(0));
    return SHORT.contains(k) || word.endsWith(".") || small || left >= 3;
  }

  private static String key(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    while (w.endsWith(".") || w.endsWith(",")) {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }
}
