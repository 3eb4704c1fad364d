package org.handover.core.rosters;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a column of a list holds, with the headers that name it in Ukrainian, Russian and English
 * (compared folded, without punctuation).
 */
public enum Field {
  REFERENCE(
      "номер справи",
      "номер дела",
      "№ справи",
      "№ дела",
      "id",
      "case number",
      "case no",
      "reference",
      "ref",
      "справа",
      "дело",
      "номер запиту",
      "номер запроса",
      "request",
      "request reference"),
  FULL_NAME(
      "піб",
      "пib",
      "п і б",
      "фио",
      "ф и о",
      "full name",
      "name",
      "прізвище ім'я по батькові",
      "прізвище імя по батькові",
      "фамилия имя отчество",
      "прізвище та ім'я",
      "фамилия и имя"),
  FAMILY("прізвище", "фамилия", "surname", "family name", "last name", "family"),
  GIVEN("ім'я", "імя", "имя", "given name", "first name", "given", "forename"),
  PATRONYMIC("по батькові", "отчество", "patronymic", "middle name"),
  BIRTH_DATE(
      "дата народження",
      "дата рождения",
      "date of birth",
      "dob",
      "birth date",
      "birthdate",
      "д н",
      "д р",
      "рік народження",
      "год рождения",
      "year of birth",
      "народився",
      "родился"),
  BIRTH_PLACE("місце народження", "место рождения", "place of birth", "birthplace"),
  SEX("стать", "пол", "sex", "gender"),
  RANK("військове звання", "воинское звание", "звання", "звание", "rank"),
  SERVICE_NUMBER(
      "номер",
      "особовий номер",
      "особистий номер", // as often written
      "личный номер",
      "жетон",
      "service number",
      "personal number",
      "military id",
      "номер жетона"),
  UNIT("військова частина", "воинская часть", "в ч", "частина", "часть", "unit", "military unit"),
  CITIZENSHIP("громадянство", "гражданство", "citizenship", "nationality"),
  FATHER_NAME("ім'я батька", "імя батька", "имя отца", "father's name", "fathers name", "father"),
  MOTHER("ім'я матері", "імя матері", "мати", "имя матери", "мать", "mother", "mother's name"),
  MOTHER_MAIDEN_NAME(
      "дівоче прізвище матері",
      "девичья фамилия матери",
      "mother's maiden name",
      "mothers maiden name"),
  LAST_RESIDENCE(
      "місце проживання",
      "место жительства",
      "адреса",
      "адрес",
      "address",
      "last residence",
      "residence"),
  KIND("вид", "вид особи", "вид лица", "kind", "person kind", "type of person"),
  STATUS("статус", "status", "стан", "состояние"),
  HELD_BY(
      "утримує",
      "удерживает",
      "held by",
      "holding party",
      "сторона що утримує",
      "удерживающая сторона",
      "у кого",
      "в руках"),
  SEVERELY_WOUNDED(
      "тяжкопоранений", "тяжке поранення", "тяжелораненый", "тяжелое ранение", "severely wounded"),
  SERIOUSLY_SICK(
      "тяжкохворий", "тяжка хвороба", "тяжелобольной", "тяжелая болезнь", "seriously sick"),
  TAG(
      "бирка",
      "номер бирки",
      "№ бирки",
      "номер тіла",
      "номер тела",
      "tag",
      "tag number",
      "body tag",
      "case tag"),
  RELATIVE(
      "заявник", "хто шукає", "заявитель", "кто ищет", "relative", "requested by", "applicant"),
  RELATION(
      "ступінь спорідненості",
      "спорідненість",
      "степень родства",
      "родство",
      "relation",
      "relationship"),
  CONTACT("контакт", "телефон", "контакты", "contact", "phone"),
  SHARING(
      "згода на передачу",
      "согласие на передачу",
      "may share",
      "sharing consent",
      "consent to share"),
  SEPARATED_ON("дата розлучення", "дата разлучения", "separated on", "date of separation"),
  SEPARATED_AT("місце розлучення", "место разлучения", "separated at", "place of separation"),
  CIRCUMSTANCES("обставини", "обстоятельства", "circumstances"),
  OTHER_NAMES(
      "інші імена",
      "інше прізвище",
      "другие имена",
      "другая фамилия",
      "other names",
      "later names"),
  NATIVE_LANGUAGE("рідна мова", "родной язык", "native language"),
  DOCUMENT(
      "документ",
      "свідоцтво про народження",
      "свидетельство о рождении",
      "birth certificate",
      "identity document",
      "document"),
  SIBLINGS("брати і сестри", "брати та сестри", "братья и сестры", "siblings"),
  FEATURES("особливі прикмети", "прикмети", "особые приметы", "приметы", "distinguishing features"),
  HEALTH(
      "стан здоров'я",
      "стан здоровя",
      "здоров'я",
      "здоровя",
      "состояние здоровья",
      "здоровье",
      "health",
      "health condition",
      "medical condition"),
  BLOOD_GROUP("група крові", "группа крови", "blood group", "blood type"),
  DOCUMENT_DATES(
      "дати за документами",
      "дата за іншими документами",
      "даты по документам",
      "дата по другим документам",
      "dates in other documents",
      "document dates"),
  LEFT_ON(
      "дата виїзду",
      "дата вивезення",
      "дата выезда",
      "дата вывоза",
      "left on",
      "left the country on",
      "date of departure"),
  LEFT_AT(
      "місце виїзду",
      "місце вивезення",
      "место выезда",
      "место вывоза",
      "left at",
      "left the country at",
      "place of departure"),
  WHEREABOUTS(
      "місцеперебування",
      "місце перебування",
      "місцезнаходження",
      "местонахождение",
      "место нахождения",
      "место пребывания",
      "whereabouts",
      "current location"),
  INSTITUTION("заклад", "установа", "учреждение", "institution"),
  FOSTER_FAMILY(
      "прийомна сім'я",
      "прийомна сімя",
      "опікун",
      "приемная семья",
      "опекун",
      "foster family",
      "adoptive family",
      "guardian"),
  CAPTURED_ON(
      "дата полону",
      "дата захоплення",
      "в полоні з",
      "дата пленения",
      "дата захвата",
      "в плену с",
      "captured on",
      "date of capture",
      "capture date"),
  CAPTURED_AT(
      "місце полону",
      "місце захоплення",
      "место пленения",
      "место захвата",
      "captured at",
      "place of capture"),
  CONSENT(
      "згода",
      "згода на репатріацію",
      "согласие",
      "согласие на репатриацию",
      "consent",
      "consent to repatriation"),
  OUTCOME(
      "результат",
      "outcome",
      "итог",
      "результат передачі",
      "результат передачи",
      "відмітка про передачу",
      "отметка о передаче"),
  NOTES("примітки", "примітка", "примечание", "примечания", "notes", "note", "comment", "comments");

  private final List<String> headers;

  Field(String... headers) {
    this.headers = List.of(headers);
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Field fromKey(String key) {
    for (Field f : values()) {
      if (f.key().equalsIgnoreCase(key)) {
        return f;
      }
    }
    throw new IllegalArgumentException("field: unknown value '" + key + "'");
  }

  /** The field a header names, if any. */
  public static Optional<Field> forHeader(String header) {
    String h = normalize(header);
    if (h.isEmpty()) {
      return Optional.empty();
    }
    for (Field f : values()) {
      for (String name : f.headers) {
        if (normalize(name).equals(h)) {
          return Optional.of(f);
        }
      }
    }
    // "Дата народження (дд.мм.рррр)": a known header followed by a hint; the longest that fits
    // ("стан здоровя дитини" is health, not "стан")
    Optional<Field> best = Optional.empty();
    int longest = 0;
    for (Field f : values()) {
      for (String name : f.headers) {
        String n = normalize(name);
        if (n.length() > 3 && n.length() > longest && h.startsWith(n + " ")) {
          best = Optional.of(f);
          longest = n.length();
        }
      }
    }
    return best;
  }

  static String normalize(String header) {
    String lower =
        header.toLowerCase(Locale.ROOT).replace('ё', 'е').replace('’', '\'').replace('ʼ', '\'');
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '\'') {
        b.append(c);
      } else if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
        b.append(' ');
      }
    }
    return b.toString().strip();
  }
}
