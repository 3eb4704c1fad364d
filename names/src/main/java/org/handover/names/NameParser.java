package org.handover.names;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a full name as lists write it into family, given and patronymic.
 *
 * <pre>{@code
 * NameParser.parse("КОВАЛЬЧУК Юрій Петрович")          // capitals mark the family name
 * NameParser.parse("Kovalchuk, Yurii")                  // a comma puts the family name first
 * NameParser.parse("Yurii Petrovych KOVALCHUK")         // the patronymic follows the given name
 * NameParser.parse("ФИО: Ковальчук Юрий Петрович")      // labels are dropped
 * }</pre>
 *
 * Clues, strongest first: a comma; a word in capitals among words that are not; a patronymic's
 * ending (-ович, -івна, -ovych, -ovna...); initials; a surname's ending (-енко, -чук, -ський,
 * -ов...). Without any, Cyrillic is read family first, as official lists write it, and Latin given
 * first.
 */
public final class NameParser {
  private NameParser() {}

  private static final Pattern LABEL =
      Pattern.compile(
          "^\\s*(фио|піб|п\\.і\\.б\\.|ф\\.и\\.о\\.|full name|name|surname and name|прізвище,? ім'я,? по батькові)\\s*:\\s*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  // endings looked up in the lower-cased word: an alternation of forty endings after ".+" costs a
  // regex a try per ending at every position, most of the time it takes to prepare a name
  private static final Endings PATRONYMIC =
      new Endings(
          "ович",
          "евич",
          "євич",
          "йович",
          "ьович",
          "івна",
          "ївна",
          "овна",
          "евна",
          "ьовна",
          "ична",
          "инична",
          "ьич",
          "ич",
          "авіч", // Belarusian, with its -аўна: Іванавіч, Іванаўна
          "евіч",
          "аўна",
          "еўна",
          "ovych",
          "ovich",
          "evych",
          "evich",
          "yovych",
          "iiovych",
          "ivna",
          "yivna",
          "iivna",
          "ovna",
          "evna",
          "ichna",
          "ych",
          "ich",
          "ovitch",
          "evitch",
          "ovytch", // French for Ukrainian, which keeps y for и: Petrovytch
          "evytch",
          "owitsch",
          "ewitsch",
          "owytsch", // German for Ukrainian: Iwanowytsch, Iwaniwna
          "ewytsch",
          "owna",
          "ewna",
          "iwna",
          "owicz",
          "ewicz",
          // ISO 9 and the scholarly system: -ovič, -ovyč, -ìvna, -ïvna, -jivna
          "ovič",
          "evič",
          "ovyč",
          "evyč",
          "ìvna",
          "ïvna",
          "jivna");
  private static final Endings SURNAME =
      new Endings(
          "енко", "чук", "щук", "юк", "ук", "ський", "цький", "ська", "цька", "ский", "цкий",
          "ская", "цкая", "ов", "ова", "ев", "ева", "єв", "єва", "ин", "іна", "ина", "ко", "ак",
          "як", "ець", "енка", "оў", "ёў", "еў", "enko", "chuk", "uk", "iuk", "yuk", "skyi", "skyy",
          "skiy", "skii", "sky", "ska", "tskyi", "ov", "ova", "ev", "eva", "in", "ina", "ko", "ak",
          "iak", "yak", "ets");
  private static final Endings STRONG_SURNAME =
      new Endings(
              "енко", "енка", "оў", "ёў", "чук", "щук", "юк", "ський", "цький", "ська", "цька",
              "ский", "цкий", "ская", "цкая", "ов", "ова", "ев", "ева", "єв", "єва", "enko", "chuk",
              "shchuk", "iuk", "yuk", "skyi", "skyy", "skiy", "skii", "sky", "ska", "tskyi",
              "tskii", "skaia", "skaya", "ov", "ova", "ev", "eva", "čuk", "sʹkyi", "cʹkyi")
          .and(
              Endings.combined(
                  List.of("s", "c"),
                  List.of("", "ʹ", "′", "'"),
                  List.of("kyj", "kij", "kyĭ", "ka")));

  /**
   * Reads a full name; data-entry noise first: quotes, underscores, parts glued together
   * ("IvanPetrenko"), a title or rank before or after the name, a former family name in
   * parentheses.
   */
  public static ParsedName parse(String text) {
    String t = LABEL.matcher(text.strip()).replaceFirst("");
    String other = "";
    if (noisy(t)) { // most names are clean: the patterns run only on those that are not
      t = NOISE.matcher(t).replaceAll(" ");
      t = GLUED.matcher(t).replaceAll(" ");
      java.util.regex.Matcher m = PARENTHESES.matcher(t);
      if (m.find()) {
        other = m.group(1).strip();
        t = t.substring(0, m.start()) + " " + t.substring(m.end());
      }
      t = t.replace('(', ' ').replace(')', ' ');
    }
    List<String> w = new ArrayList<>(words(t));
    List<String> title = new ArrayList<>();
    Titles.take(w, title);
    ParsedName p =
        title.isEmpty() ? read(t, w) : read(String.join(" ", w).replaceAll("[,\\s]+$", ""), null);
    return title.isEmpty() && other.isEmpty() ? p : p.with(String.join(" ", title), other);
  }

  /** Quotes, an underscore, parentheses, or a capital right after a small letter. */
  private static boolean noisy(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if ("«»“”„\"_()".indexOf(c) >= 0
          || (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(t.charAt(i - 1)))) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern GLUED_INITIALS = Pattern.compile("(\\p{L}\\.){2,}");

  /** Quotes and underscores: no part of a name. */
  private static final Pattern NOISE = Pattern.compile("[«»“”„\"_]+");

  /** A small letter then a capital inside a word: two parts glued (not Mc, De: three letters). */
  private static final Pattern GLUED =
      Pattern.compile("(?<=\\p{Ll}\\p{Ll}\\p{Ll})(?=\\p{Lu}\\p{Ll})");

  /** One word in parentheses: a former or maiden family name. */
  private static final Pattern PARENTHESES = Pattern.compile("\\(\\s*([\\p{L}'’ʼ-]+)\\s*\\)");

  /** Reads a name without noise; {@code words} are its words when already split, else null. */
  private static ParsedName read(String text, List<String> words) {
    String t = text;
    int comma = t.indexOf(',');
    if (comma > 0) {
      List<String> after = words(t.substring(comma + 1));
      return new ParsedName(
          String.join(" ", words(t.substring(0, comma))),
          after.isEmpty() ? "" : after.get(0),
          after.size() > 1 ? String.join(" ", after.subList(1, after.size())) : "",
          ParsedName.Order.FAMILY_FIRST,
          0.95);
    }
    List<String> w = words != null ? words : words(t);
    if (w.isEmpty()) {
      return new ParsedName("", "", "", ParsedName.Order.UNKNOWN, 0.5);
    }
    if (w.size() == 1) {
      return new ParsedName(w.get(0), "", "", ParsedName.Order.UNKNOWN, 0.5);
    }
    int caps = -1;
    int capsCount = 0;
    for (int i = 0; i < w.size(); i++) {
      if (isCapitals(w.get(i))) {
        caps = i;
        capsCount++;
      }
    }
    if (capsCount == 1) {
      return around(w, caps, 0.9);
    }
    int patronymic = -1;
    for (int i = 1; i < w.size(); i++) {
      if (!ParsedName.isInitial(w.get(i)) && PATRONYMIC.of(w.get(i))) {
        patronymic = i;
      }
    }
    if (patronymic == w.size() - 1) {
      if (w.size() <= 3 && givenName(w.get(0)) && !givenName(w.get(1))) {
        // Юрій Ковальчук Петрович, Наталія Бурденюк Іванівна, Віталій Кирилич: a given name
        // first, then a word that is none
        return around(w, 1, 0.6);
      }
      if (w.size() == 3
          && surnameScore(w.get(1)) == 2
          && surnameScore(w.get(0)) < 2
          && !givenName(w.get(1))) {
        // Марія Толатоухова Володимирівна: a surname's ending in the middle, none first (a given
        // name the lists do not know, or misspelt); unsure, so both orders are keyed
        return around(w, 1, 0.6);
      }
      // Ковальчук Юрій Петрович
      return around(w, 0, 0.9);
    }
    if (patronymic == 1 && w.size() >= 3) {
      // Юрій Петрович Ковальчук
      return around(w, w.size() - 1, 0.9);
    }
    if (ParsedName.isInitial(w.get(w.size() - 1)) && !ParsedName.isInitial(w.get(0))) {
      return around(w, 0, 0.85); // Ковальчук Ю. П.
    }
    if (ParsedName.isInitial(w.get(0))) {
      return around(w, w.size() - 1, 0.85); // Ю. П. Ковальчук
    }
    if (w.size() == 2 && shortForm(w.get(0)) != shortForm(w.get(1))) {
      // a short form beside a word that is no given name: Бойко Вова, Sasha Kovalenko (but Лукаш
      // Олена is a family name Лукаш, however Лука's friends call him)
      int shortAt = shortForm(w.get(0)) ? 0 : 1;
      if (!Equivalents.get().isGivenName(w.get(1 - shortAt))) {
        return around(w, 1 - shortAt, 0.7);
      }
    }
    int first = surnameScore(w.get(0));
    int last = surnameScore(w.get(w.size() - 1));
    if (first != last) {
      // an ending only surnames have is a fair clue; -ин or -ко alone (Костянтин, Петро... Бойко) a
      // weak one
      return around(w, first > last ? 0 : w.size() - 1, Math.max(first, last) == 2 ? 0.75 : 0.6);
    }
    boolean cyrillic = t.chars().anyMatch(ch -> Scheme.isCyrillic((char) ch));
    return around(w, cyrillic ? 0 : w.size() - 1, 0.5);
  }

  /** A given name by the dictionary's patronymics or the short-forms table's full names. */
  private static boolean givenName(String word) {
    return Equivalents.get().isGivenName(word) || Diminutives.get().isFullName(word);
  }

  private static boolean shortForm(String word) {
    for (String s : Skeleton.all(word)) {
      if (!Diminutives.get().fullForms(s).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * 2 for an ending only surnames have (-енко, -чук, -ський, -ов), 1 for one given names share
   * (-ин, -ко), else 0.
   */
  private static int surnameScore(String word) {
    if (STRONG_SURNAME.of(word)) {
      return 2;
    }
    return SURNAME.of(word) ? 1 : 0;
  }

  /** The family name at {@code family}; the rest, in order, given then patronymic. */
  private static ParsedName around(List<String> w, int family, double confidence) {
    List<String> rest = new ArrayList<>(w);
    String f = rest.remove(family);
    ParsedName.Order order =
        family == 0
            ? ParsedName.Order.FAMILY_FIRST
            : family == w.size() - 1 ? ParsedName.Order.FAMILY_LAST : ParsedName.Order.UNKNOWN;
    String given = rest.isEmpty() ? "" : rest.get(0);
    String patronymic = rest.size() > 1 ? String.join(" ", rest.subList(1, rest.size())) : "";
    return new ParsedName(f, given, patronymic, order, confidence);
  }

  private static boolean isCapitals(String word) {
    int letters = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) {
          return false;
        }
        letters++;
      }
    }
    return letters > 1;
  }

  /** Words, with glued initials split: "Ю.П." is "Ю." and "П.". */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String raw : text.strip().split("\\s+")) {
      if (raw.isEmpty()) {
        continue;
      }
      if (GLUED_INITIALS.matcher(raw).matches()) {
        for (String part : raw.split("(?<=\\.)")) {
          out.add(part);
        }
      } else {
        out.add(raw);
      }
    }
    return out;
  }
}
