package org.handover.names;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Case and diacritics folding for search.
 *
 * <pre>{@code
 * Folding.fold("Ковальчук-Ґудзь")  // "ковальчук ґудзь"
 * Folding.fold("Kowalczük")        // "kowalczuk"
 * Folding.tokens("КОВАЛЬЧУК Юрій") // ["ковальчук", "юрій"]
 * }</pre>
 *
 * <p>Cyrillic letters keep their identity (й, ї, ґ are letters, not accented forms), except ё,
 * which Russian writes as е as often as not. Latin letters lose their diacritics.
 */
public final class Folding {
  private Folding() {}

  /**
   * Lower case, Latin diacritics removed, ё as е, apostrophes dropped, other punctuation as space.
   */
  public static String fold(String text) {
    // letter by letter, not text.toLowerCase(), which copies the text; but Greek capital sigma's
    // small form depends on where it stands (Σ, ς at the end of a word), which only that knows
    String lower = text.indexOf('Σ') >= 0 ? text.toLowerCase(Locale.ROOT) : text;
    StringBuilder out = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = Character.toLowerCase(lower.charAt(i));
      if (c == 'ё') {
        out.append('е');
      } else if (isApostrophe(c)) {
        // Знам'янка and Znamʹianka are one word, as Знамянка
      } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
        // a mark typed apart from its letter (c + ̌ ): dropped as precomposed ones are
      } else if (Character.isLetterOrDigit(c)) {
        if (c < 0x0400) {
          out.append(stripLatinMarks(c));
        } else {
          out.append(c);
        }
      } else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
        out.append(' ');
      }
    }
    int end = out.length();
    return end > 0 && out.charAt(end - 1) == ' ' ? out.substring(0, end - 1) : out.toString();
  }

  /** The folded words of a text, in order. */
  public static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    for (String t : fold(text).split(" ")) {
      if (!t.isEmpty()) {
        tokens.add(t);
      }
    }
    return tokens;
  }

  static boolean isApostrophe(char c) {
    // with the primes of library systems for the soft and hard signs: ʹ ʺ ′ ″
    return c == '\'' || c == '’' || c == 'ʼ' || c == '`' || c == '‘' || c == 'ʹ' || c == 'ʺ'
        || c == '′' || c == '″';
  }

  private static String stripLatinMarks(char c) {
    if (c < 0x80) {
      return String.valueOf(c);
    }
    switch (c) {
      case 'ł':
        return "l";
      case 'ß':
        return "ss";
      case 'ø':
        return "o";
      case 'đ':
        return "d";
      default:
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        return d.replaceAll("\\p{M}", "");
    }
  }
}
