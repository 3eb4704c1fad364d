package org.handover.bench;

import java.util.Locale;

/**
 * Spellings of a Cyrillic name as German, French and library documents write it, made here by each
 * convention's own rules (Duden's German transcription, the usual French one, ISO 9), apart from
 * the names library, so that the benchmark measures the library on spellings it did not make.
 *
 * <pre>{@code
 * DocumentSpellings.german("Жук", false)       // "Shuk"
 * DocumentSpellings.french("Чернышёва", false) // "Tchernychova"
 * DocumentSpellings.iso9("Хоменко", true)      // "Homenko"
 * }</pre>
 */
final class DocumentSpellings {
  private DocumentSpellings() {}

  /** The conventions, each with a short name for reports. */
  enum Convention {
    GERMAN("German (Duden)"),
    FRENCH("French"),
    ISO9("ISO 9");

    final String title;

    Convention(String title) {
      this.title = title;
    }

    String spell(String word, boolean ukrainian) {
      return switch (this) {
        case GERMAN -> german(word, ukrainian);
        case FRENCH -> french(word, ukrainian);
        case ISO9 -> iso9(word, ukrainian);
      };
    }
  }

  private static final String VOWELS = "аеёиоуыэюяіїє";
  private static final String HUSHING = "жчшщ";

  static String german(String word, boolean ukrainian) {
    return spell(word, ukrainian, DocumentSpellings::germanLetter);
  }

  private static String germanLetter(String w, int i, boolean ukrainian) {
    char c = w.charAt(i);
    char before = i > 0 ? w.charAt(i - 1) : ' ';
    char after = i + 1 < w.length() ? w.charAt(i + 1) : ' ';
    boolean afterVowel = i == 0 || VOWELS.indexOf(before) >= 0 || before == 'ь' || before == 'ъ';
    return switch (c) {
      case 'в' -> "w";
      case 'г' -> ukrainian ? "h" : "g";
      case 'ґ' -> "g";
      case 'е' -> !ukrainian && afterVowel ? "je" : "e";
      case 'є' -> "je";
      case 'ё' -> HUSHING.indexOf(before) >= 0 ? "o" : "jo";
      case 'ж' -> "sh";
      case 'з' -> "s";
      case 'и' -> ukrainian ? "y" : "i";
      case 'і' -> "i";
      case 'ї' -> "ji";
      case 'й' -> "j";
      case 'с' -> VOWELS.indexOf(before) >= 0 && VOWELS.indexOf(after) >= 0 ? "ss" : "s";
      case 'у' -> "u";
      case 'х' -> "ch";
      case 'ц' -> "z";
      case 'ч' -> "tsch";
      case 'ш' -> "sch";
      case 'щ' -> "schtsch";
      case 'ы' -> "y";
      case 'э' -> "e";
      case 'ю' -> "ju";
      case 'я' -> "ja";
      default -> common(c);
    };
  }

  static String french(String word, boolean ukrainian) {
    return spell(word, ukrainian, DocumentSpellings::frenchLetter);
  }

  private static String frenchLetter(String w, int i, boolean ukrainian) {
    char c = w.charAt(i);
    char before = i > 0 ? w.charAt(i - 1) : ' ';
    char after = i + 1 < w.length() ? w.charAt(i + 1) : ' ';
    boolean end = i + 1 == w.length();
    return switch (c) {
      case 'в' -> "v";
      case 'г' -> ukrainian ? "h" : "еиыэі".indexOf(after) >= 0 ? "gu" : "g";
      case 'ґ' -> "g";
      case 'е' -> i == 0 || VOWELS.indexOf(before) >= 0 ? "ie" : "e";
      case 'є' -> "ie";
      case 'ё' -> HUSHING.indexOf(before) >= 0 ? "o" : "io";
      case 'ж' -> "j";
      case 'з' -> "z";
      case 'и' -> ukrainian ? "y" : VOWELS.indexOf(before) >= 0 ? "ï" : "i";
      case 'і' -> VOWELS.indexOf(before) >= 0 ? "ï" : "i";
      case 'ї' -> "ï";
      case 'й' -> end && (before == 'и' || before == 'ы') ? "" : "ï";
      case 'с' -> VOWELS.indexOf(before) >= 0 && VOWELS.indexOf(after) >= 0 ? "ss" : "s";
      case 'у' -> "ou";
      case 'х' -> "kh";
      case 'ц' -> "ts";
      case 'ч' -> "tch";
      case 'ш' -> "ch";
      case 'щ' -> "chtch";
      case 'ы' -> "y";
      case 'э' -> "e";
      case 'ю' -> "iou";
      case 'я' -> "ia";
      default -> common(c);
    };
  }

  static String iso9(String word, boolean ukrainian) {
    return spell(word, ukrainian, DocumentSpellings::iso9Letter);
  }

  private static String iso9Letter(String w, int i, boolean ukrainian) {
    char c = w.charAt(i);
    return switch (c) {
      case 'в' -> "v";
      case 'г' -> "g";
      case 'ґ' -> "g\u0300";
      case 'е' -> "e";
      case 'є' -> "ê";
      case 'ё' -> "ë";
      case 'ж' -> "ž";
      case 'з' -> "z";
      case 'и' -> "i";
      case 'і' -> "ì";
      case 'ї' -> "ï";
      case 'й' -> "j";
      case 'с' -> "s";
      case 'у' -> "u";
      case 'х' -> "h";
      case 'ц' -> "c";
      case 'ч' -> "č";
      case 'ш' -> "š";
      case 'щ' -> "ŝ";
      case 'ъ' -> "ʺ";
      case 'ы' -> "y";
      case 'ь' -> "ʹ";
      case 'э' -> "è";
      case 'ю' -> "û";
      case 'я' -> "â";
      default -> common(c);
    };
  }

  /** How one convention writes the letter at {@code i} of a lower-cased word. */
  private interface Letter {
    String of(String word, int i, boolean ukrainian);
  }

  /** The word letter by letter, as a convention writes each, capitalized. */
  private static String spell(String word, boolean ukrainian, Letter letter) {
    String w = word.toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < w.length(); i++) {
      b.append(letter.of(w, i, ukrainian));
    }
    return capitalize(b.toString());
  }

  /** The letters every convention here writes alike: а a, б b, д d, к k, л l, м m, н n... */
  private static String common(char c) {
    int at = "абдклмнопртф".indexOf(c);
    return at < 0 ? "" : String.valueOf("abdklmnoprtf".charAt(at));
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
