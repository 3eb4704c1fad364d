package org.handover.names;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Spellings by the letter-for-letter systems of libraries and scholars: ISO 9 (GOST 7.79 system A),
 * the scholarly system, and the Czech-style letters others borrow from them. Their diacritics carry
 * the letter: č is ч, š is ш, ž is ж, ŝ and šč are щ, ê û â are є ю я. Stripping the marks, as
 * folding does for other Latin names, would read č as ц; so a word carrying a caron or a circumflex
 * is read here, letter by letter, into the reduced alphabet {@link Skeleton} uses.
 *
 * <pre>{@code
 * Scholarly.readings("Čaplinsʹkij")  // [Haplinskii]: ISO 9 of Чаплинський
 * Scholarly.readings("Oleksandrovyč") // [oleksandroviH]
 * Scholarly.readings("Hryhorij Šapoval") // h is г (scholarly) or х (ISO 9): two readings
 * }</pre>
 */
final class Scholarly {
  private Scholarly() {}

  private static final char CARON = '\u030C';
  private static final char CIRCUMFLEX = '\u0302';
  private static final char BREVE = '\u0306';

  /**
   * Whether a word is written in one of these systems: it carries a caron or a circumflex, or the
   * Belarusian ŭ.
   */
  static boolean applies(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 0xC0 || Scheme.isCyrillic(c)) {
        continue; // plain Latin and Cyrillic letters, the most of every word
      }
      if ("čšžŝêûâŭèėìČŠŽŜÊÛÂŬÈĖÌ".indexOf(c) >= 0
          || c == CARON
          || c == CIRCUMFLEX
          || (c == BREVE && i > 0 && Character.toLowerCase(word.charAt(i - 1)) == 'u')) {
        return true;
      }
    }
    return false;
  }

  /**
   * The word in the reduced alphabet (Z = ж, C = ц, H = ч, S = ш, SH = щ), before reduction: one
   * reading, or two when an h may be г or х.
   */
  static List<String> readings(String word) {
    // ё inside Latin (as iuliia's samples write ë) is ë
    String d =
        Normalizer.normalize(word.toLowerCase(Locale.ROOT).replace('ё', 'ë'), Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(d.length() + 4);
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      char mark = i + 1 < d.length() ? d.charAt(i + 1) : 0;
      boolean marked = Character.getType(mark) == Character.NON_SPACING_MARK;
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue; // a mark read with its letter, or a tie (i͡a) that changes nothing
      }
      if (!marked && mark == 'h' && "kzsc".indexOf(c) >= 0) {
        // ALA-LC's kh, zh, sh beside its ė; ch is х in the scholarly system (Mychajlovyč) and ч in
        // ALA-LC: both read
        b.append(c == 'k' ? "x" : c == 'z' ? "Z" : c == 's' ? "S" : "\u0002");
        i++;
        continue;
      }
      b.append(letter(c, marked ? mark : 0));
    }
    String s = b.toString(); // šč came out as SH, щ, by itself
    List<String> out = new java.util.ArrayList<>();
    for (String h :
        s.indexOf('h') < 0 ? List.of(s) : List.of(s.replace('h', 'g'), s.replace('h', 'x'))) {
      if (h.indexOf('\u0002') < 0) {
        out.add(h);
      } else {
        out.add(h.replace('\u0002', 'x'));
        out.add(h.replace('\u0002', 'H'));
      }
    }
    return out;
  }

  private static String letter(char c, char mark) {
    if (mark == CARON) {
      switch (c) {
        case 'c':
          return "H";
        case 's':
          return "S";
        case 'z':
          return "Z";
        default:
          break;
      }
    }
    if (mark == BREVE && c == 'u') {
      return "v"; // Belarusian ў, as в in the other two (Leŭčuk, Левчук)
    }
    if (mark == CIRCUMFLEX) {
      switch (c) {
        case 's':
          return "SH";
        case 'e':
          return "ie";
        case 'u':
          return "iu";
        case 'a':
          return "ia";
        default:
          break;
      }
    }
    switch (c) {
      case 'c':
        return "C";
      case 'j':
      case 'y':
        return "i";
      case 'w':
        return "v";
      case 'q':
        return "k";
      default:
        break;
    }
    if (Folding.isApostrophe(c) || !Character.isLetter(c)) {
      return ""; // the soft and hard signs (ʹ ʺ ′ ″), and anything else that is not a letter
    }
    return String.valueOf(c);
  }
}
