package org.handover.names;

import java.util.HashMap;
import java.util.Map;

/** The letter rules of each {@link Romanization}. */
final class Schemes {
  private Schemes() {}

  private static final String RU_VOWELS = "аеёиоуыэюя";

  /** A table from a string of Cyrillic letters and, in the same order, their Latin forms. */
  private static Map<Character, String> table(String letters, String... latin) {
    if (letters.length() != latin.length) {
      throw new IllegalArgumentException(
          "table: " + letters.length() + " letters, " + latin.length + " forms");
    }
    Map<Character, String> m = new HashMap<>();
    for (int i = 0; i < letters.length(); i++) {
      m.put(letters.charAt(i), latin[i]);
    }
    return m;
  }

  private static final String ALPHABET = "абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя";

  static final Scheme KMU2010 =
      new Scheme() {
        private final Map<Character, String> plain =
            table(
                ALPHABET, "a", "b", "v", "h", "g", "d", "e", "ie", "e", "zh", "z", "y", "i", "i",
                "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
                "shch", "ie", "y", "", "e", "iu", "ia");
        private final Map<Character, String> initial = table("єїйюя", "ye", "yi", "y", "yu", "ya");

        @Override
        String letter(char c, char prev, char next, boolean wordStart) {
          if (c == 'г' && prev == 'з') {
            return "gh"; // зг is "zgh", so that it is not read as ж
          }
          if (wordStart && initial.containsKey(c)) {
            return initial.get(c);
          }
          return plain.get(c);
        }

        @Override
        String apostrophe() {
          return "";
        }
      };

  static final Scheme ICAO9303 =
      new Scheme() {
        private final Map<Character, String> plain =
            table(
                ALPHABET, "a", "b", "v", "g", "g", "d", "e", "ie", "e", "zh", "z", "i", "i", "i",
                "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
                "shch", "ie", "y", "", "e", "iu", "ia");

        @Override
        String letter(char c, char prev, char next, boolean wordStart) {
          return plain.get(c);
        }

        @Override
        String apostrophe() {
          return "";
        }
      };

  static final Scheme MVD310 =
      new Scheme() {
        private final Map<Character, String> plain =
            table(
                ALPHABET, "a", "b", "v", "g", "g", "d", "e", "ye", "e", "zh", "z", "i", "i", "yi",
                "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
                "shch", "", "y", "'", "e", "yu", "ya");

        @Override
        String letter(char c, char prev, char next, boolean wordStart) {
          if (c == 'ь' || c == 'ъ') {
            // before е, и, о the sign is heard as y (Васильева, Ильин); before я, ю, ё the y is
            // already there
            if (next == 'е' || next == 'и' || next == 'о') {
              return "y";
            }
            if (next == 'я' || next == 'ю' || next == 'ё') {
              return "";
            }
          }
          return plain.get(c);
        }
      };

  static final Scheme GOST779B =
      new Scheme() {
        private final Map<Character, String> plain =
            table(
                ALPHABET, "a", "b", "v", "g", "g`", "d", "e", "ye", "yo", "zh", "z", "i", "i", "yi",
                "j", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "x", "cz", "ch", "sh",
                "shh", "``", "y`", "`", "e`", "yu", "ya");

        @Override
        String letter(char c, char prev, char next, boolean wordStart) {
          if (c == 'ц'
              && (next == 'е'
                  || next == 'и'
                  || next == 'і'
                  || next == 'ы'
                  || next == 'й'
                  || next == 'є')) {
            return "c"; // ц is c before e, i, y, j and cz elsewhere
          }
          return plain.get(c);
        }

        @Override
        String apostrophe() {
          return "'";
        }
      };

  static final Scheme BGN_RU =
      new Scheme() {
        private final Map<Character, String> plain =
            table(
                ALPHABET, "a", "b", "v", "g", "g", "d", "e", "ye", "ë", "zh", "z", "i", "i", "yi",
                "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
                "shch", "”", "y", "’", "e", "yu", "ya");

        @Override
        String letter(char c, char prev, char next, boolean wordStart) {
          boolean yBefore =
              wordStart
                  || prev == 0
                  || RU_VOWELS.indexOf(prev) >= 0
                  || prev == 'й'
                  || prev == 'ъ'
                  || prev == 'ь';
          switch (c) {
            case 'е':
              return yBefore ? "ye" : "e";
            case 'ё':
              return yBefore ? "yë" : "ë";
            case 'э':
              // after a consonant, й or ы, a dot keeps "e" from being read with the letter before
              return !wordStart && prev != 0 && (RU_VOWELS.indexOf(prev) < 0 || prev == 'ы')
                  ? "·e"
                  : "e";
            case 'ы':
              return !wordStart && prev != 0 && (RU_VOWELS.indexOf(prev) >= 0 || prev == 'й')
                  ? "·y"
                  : "y";
            default:
              break;
          }
          if ((c == 'а' || c == 'у') && (prev == 'й' || prev == 'ы')) {
            return "·" + plain.get(c); // y·a, y·u, y·y: not ya, yu
          }
          if ((c == 'с' && prev == 'т') || (c == 'ч' && prev == 'ш')) {
            return "·" + plain.get(c); // t·s, sh·ch: not ts (ц), shch (щ)
          }
          return plain.get(c);
        }
      };

  static final Scheme BGN_UK_1965 =
      new Scheme() {
        private final Map<Character, String> plain =
            table(
                ALPHABET, "a", "b", "v", "h", "g", "d", "e", "ye", "ë", "zh", "z", "y", "i", "yi",
                "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
                "shch", "”", "y", "’", "e", "yu", "ya");

        @Override
        String letter(char c, char prev, char next, boolean wordStart) {
          return plain.get(c);
        }

        @Override
        String apostrophe() {
          return "”";
        }
      };
}
