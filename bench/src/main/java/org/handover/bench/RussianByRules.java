package org.handover.bench;

import java.util.List;
import java.util.Map;

/**
 * A Ukrainian name as a Russian clerk writes it, by rules of sound and spelling and without any
 * dictionary of names: so that a benchmark's Russian forms do not all come from the table Handover
 * itself matches with. Right for many names (Олександр → Александр, Петрівна → Петровна, Вінницький
 * → Винницкий), and for the rest the half-Russian spelling real lists show (Андрій → Андрий, where
 * the dictionary says Андрей; Микола stays Микола, not Николай).
 */
final class RussianByRules {
  private RussianByRules() {}

  // endings first, longest first; then the beginning; then letter by letter
  private static final List<Map.Entry<String, String>> ENDINGS =
      List.of(
          Map.entry("ійович", "еевич"),
          Map.entry("іївна", "еевна"),
          Map.entry("ївна", "евна"),
          Map.entry("івна", "овна"),
          Map.entry("ьович", "ьевич"),
          Map.entry("ський", "ский"),
          Map.entry("цький", "цкий"),
          Map.entry("зький", "зкий"),
          Map.entry("ій", "ий"));
  private static final Map<Character, String> LETTERS =
      Map.of('і', "и", 'ї', "и", 'є', "е", 'ґ', "г", '\'', "ь", '’', "ь", 'ʼ', "ь");

  static String of(String ukrainian) {
    if (ukrainian == null || ukrainian.isEmpty()) {
      return ukrainian;
    }
    StringBuilder out = new StringBuilder();
    for (String word : ukrainian.split(" ", -1)) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(word(word));
    }
    return out.toString();
  }

  private static String word(String word) {
    if (word.isEmpty()) {
      return word;
    }
    boolean capital = Character.isUpperCase(word.charAt(0));
    String w = word.toLowerCase(java.util.Locale.ROOT);
    String ending = "";
    for (Map.Entry<String, String> e : ENDINGS) {
      if (w.endsWith(e.getKey()) && w.length() > e.getKey().length() + 1) {
        ending = e.getValue();
        w = w.substring(0, w.length() - e.getKey().length());
        break;
      }
    }
    if (w.startsWith("олекс")) {
      w = "алекс" + w.substring(5);
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      // Ukrainian и stays и: a clerk seldom writes the ы it sounds like
      String r = LETTERS.get(c);
      s.append(r == null ? String.valueOf(c) : r);
    }
    String russian = s + ending;
    return capital ? Character.toUpperCase(russian.charAt(0)) + russian.substring(1) : russian;
  }
}
