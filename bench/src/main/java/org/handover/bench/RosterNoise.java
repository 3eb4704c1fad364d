package org.handover.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.handover.core.matching.PersonRecord;
import org.handover.core.registry.PartialDate;
import org.handover.core.registry.Person;
import org.handover.names.Names;
import org.handover.names.ParsedName;
import org.handover.names.Romanization;
import org.handover.server.matching.MatchRecords;

/**
 * A counterpart's roster drawn from a registry, with the noise lists really carry. Each entry comes
 * from a registry person (the ground truth) unless it is one of the strangers. The noise model,
 * each applied independently to each entry with the probability given:
 *
 * <ul>
 *   <li>the other side's spelling: Russian forms of the given name and patronymic (from the bundled
 *       dictionary, where it has them) 50%; written in Latin by ICAO 9303 or KMU 2010 30%;
 *   <li>a typo (one letter changed) in the family name 5%, in the given name 5%; two letters
 *       changed in one of the three name parts 2% (a hand-written list copied twice);
 *   <li>patronymic missing 20%; given name as an initial 5%;
 *   <li>date of birth: day and month swapped 3%, year only 10%, missing 3%, one digit of the day,
 *       month or year misread 3%;
 *   <li>family and given name in swapped order 5% (as "Given Family" without a comma);
 *   <li>place of birth given 60% (in the entry's script and language: Russian form of the town
 *       where the names are Russian, romanized where they are), rank 60% (in Russian where the
 *       names are; one grade higher 5%), unit 30%, service number 25% (one character changed 5%);
 *   <li>strangers, not in the registry: 20% of the roster; the others are distinct registry
 *       persons.
 * </ul>
 *
 * <p>With {@link #byRules()}, half of the Russian forms are made by {@link RussianByRules} instead,
 * family name included, so that they do not all come from the dictionary Handover matches with.
 */
final class RosterNoise {
  /**
   * The date with one digit changed: the day's last digit half the time, the month's or the year's
   * last digit otherwise, always a date that exists.
   */
  static PartialDate digitMisread(PartialDate b, Random random) {
    int day = b.day().get();
    int month = b.month().get();
    int year = b.year();
    while (true) {
      double part = random.nextDouble();
      int digit = random.nextInt(10);
      int d = part < 0.5 ? day / 10 * 10 + digit : day;
      int m = part >= 0.5 && part < 0.75 ? month / 10 * 10 + digit : month;
      int y = part >= 0.75 ? year / 10 * 10 + digit : year;
      if ((d != day || m != month || y != year)
          && d >= 1
          && m >= 1
          && m <= 12
          && d <= java.time.YearMonth.of(y, m).lengthOfMonth()) {
        return PartialDate.of(y, m, d);
      }
    }
  }

  private final Random random;
  private final Map<String, String> ukToRu;
  private boolean byRules;

  /** Half of the Russian forms by rules rather than the dictionary; returns this noise. */
  RosterNoise byRules() {
    this.byRules = true;
    return this;
  }

  RosterNoise(long seed) throws IOException {
    this.random = new Random(seed);
    this.ukToRu = new HashMap<>();
    for (String[] pair : NamesQualityBench.dictionary()) {
      ukToRu.putIfAbsent(pair[0], pair[1]);
    }
  }

  /**
   * The roster's records; {@code truth.get(i)} is the registry index of entry i, or -1 for a
   * stranger.
   */
  record Drawn(List<PersonRecord> entries, List<Integer> truth, List<Set<String>> noise) {
    Drawn(List<PersonRecord> entries, List<Integer> truth) {
      this(entries, truth, List.of());
    }
  }

  /** The noise each drawn entry was given, by class, in order (see {@link Drawn#noise}). */
  private final List<Set<String>> noise = new ArrayList<>();

  /**
   * Each drawn entry as the other side writes it, one map of column to text per entry (in order).
   */
  final List<Map<String, String>> rows = new ArrayList<>();

  /**
   * Each drawn entry's family name, given name and patronymic as written, swapped where they are.
   */
  final List<List<String>> parts = new ArrayList<>();

  private List<Integer> shuffledIndexes(int size) {
    List<Integer> order = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    return order;
  }

  /** {@code size} distinct registry persons, each noised, without strangers. */
  Drawn drawNoStrangers(List<Person> registry, int size) {
    noise.clear();
    List<Integer> order = shuffledIndexes(registry.size());
    List<PersonRecord> entries = new ArrayList<>(size);
    List<Integer> truth = new ArrayList<>(size);
    for (int i = 0; i < size && i < order.size(); i++) {
      entries.add(entry(i + 1, registry.get(order.get(i))));
      truth.add(order.get(i));
    }
    return new Drawn(entries, truth, List.copyOf(noise));
  }

  Drawn draw(List<Person> registry, List<Person> strangers, int size) {
    noise.clear();
    List<PersonRecord> entries = new ArrayList<>(size);
    List<Integer> truth = new ArrayList<>(size);
    int s = 0;
    // each registry person at most once, as a list names a person once
    List<Integer> order = shuffledIndexes(registry.size());
    int next = 0;
    for (int i = 0; i < size; i++) {
      boolean stranger = random.nextDouble() < 0.2 || next == order.size();
      int index = stranger ? -1 : order.get(next++);
      Person p = stranger ? strangers.get(s++ % strangers.size()) : registry.get(index);
      entries.add(entry(i + 1, p));
      truth.add(index);
    }
    return new Drawn(entries, truth, List.copyOf(noise));
  }

  private PersonRecord entry(long id, Person p) {
    String family = p.primaryName().family();
    String given = p.primaryName().given();
    String patronymic = p.primaryName().patronymic();
    Set<String> classes = new java.util.TreeSet<>();
    noise.add(classes);
    boolean russian = random.nextDouble() < 0.5;
    if (russian && byRules && random.nextBoolean()) {
      family = RussianByRules.of(family);
      given = RussianByRules.of(given);
      patronymic = RussianByRules.of(patronymic);
      classes.add("Russian form, by rules");
    } else if (russian) {
      given = russian(given);
      patronymic = russian(patronymic);
      classes.add("Russian form, dictionary");
    }
    if (random.nextDouble() < 0.05) {
      family = typo(family);
      classes.add("typo");
    }
    if (random.nextDouble() < 0.05) {
      given = typo(given);
      classes.add("typo");
    }
    if (random.nextDouble() < 0.02) {
      int part = random.nextInt(3);
      String before = family + given + patronymic;
      family = part == 0 ? twoTypos(family) : family;
      given = part == 1 ? twoTypos(given) : given;
      patronymic = part == 2 ? twoTypos(patronymic) : patronymic;
      if (!before.equals(family + given + patronymic)) {
        classes.add("two letters wrong in one name");
      }
    }
    if (random.nextDouble() < 0.2) {
      patronymic = "";
      classes.add("patronymic missing");
    }
    String place = random.nextDouble() < 0.6 ? p.birthPlace() : "";
    if (russian) {
      place = RUSSIAN_PLACES.getOrDefault(place, place);
    }
    Romanization latin = null;
    if (random.nextDouble() < 0.3) {
      Romanization r = random.nextBoolean() ? Romanization.ICAO9303 : Romanization.KMU2010;
      latin = r;
      classes.add("transliteration");
      place = r.romanize(place).toUpperCase(Locale.ROOT);
      family = r.romanize(family).toUpperCase(Locale.ROOT);
      given = r.romanize(given).toUpperCase(Locale.ROOT);
      patronymic = r.romanize(patronymic).toUpperCase(Locale.ROOT);
    }
    if (random.nextDouble() < 0.05 && !given.isEmpty()) {
      given = given.substring(0, 1) + ".";
      classes.add("given name as an initial");
    }
    Optional<PartialDate> born = p.birthDate();
    double d = random.nextDouble();
    if (born.isPresent() && born.get().day().isPresent()) {
      PartialDate b = born.get();
      if (d < 0.03 && b.day().get() <= 12) {
        born = Optional.of(PartialDate.of(b.year(), b.day().get(), b.month().get()));
        classes.add("day and month swapped");
      } else if (d < 0.13) {
        born = Optional.of(PartialDate.ofYear(b.year()));
        classes.add("year of birth only");
      } else if (d < 0.16) {
        born = Optional.empty();
        classes.add("no date of birth");
      } else if (d < 0.19) {
        born = Optional.of(digitMisread(b, random));
        classes.add("a digit of the date misread");
      }
    }
    boolean swapped = random.nextDouble() < 0.05;
    if (swapped) {
      classes.add("family and given name swapped");
    }
    String written =
        (swapped ? given + " " + family : family + " " + given)
            + (patronymic.isEmpty() ? "" : " " + patronymic);
    ParsedName name =
        swapped
            ? Names.parse(written)
            : new ParsedName(family, given, patronymic, ParsedName.Order.FAMILY_FIRST, 1);
    String rank = random.nextDouble() < 0.6 ? p.rank() : "";
    if (!rank.isEmpty() && random.nextDouble() < 0.05) {
      rank = PROMOTIONS.getOrDefault(rank, rank);
    }
    if (russian || latin != null) {
      rank = RUSSIAN_RANKS.getOrDefault(rank, rank);
    }
    String unit = random.nextDouble() < 0.3 ? p.unit() : "";
    String number = random.nextDouble() < 0.25 ? p.serviceNumber() : "";
    if (number.length() > 3 && random.nextDouble() < 0.05) {
      int i = random.nextInt(number.length());
      number = number.substring(0, i) + (char) ('0' + random.nextInt(10)) + number.substring(i + 1);
    }
    Person listed =
        new Person(
            0,
            "",
            p.kind(),
            p.names(),
            p.sex(),
            born,
            place,
            "",
            "",
            "",
            p.dependsOn(),
            number,
            rank,
            unit,
            "",
            "",
            "",
            Set.of(),
            p.status(),
            p.holdingParty(),
            false,
            "");
    PersonRecord r = MatchRecords.of(id, listed);
    Map<String, String> row = new LinkedHashMap<>();
    row.put("ПІБ", written.strip());
    row.put("Дата народження", born.map(Object::toString).orElse(""));
    row.put("Місце народження", place);
    row.put("Військове звання", rank);
    row.put("Військова частина", unit);
    row.put("Особовий номер", number);
    rows.add(row);
    parts.add(swapped ? List.of(given, family, patronymic) : List.of(family, given, patronymic));
    return new PersonRecord(
        id,
        String.valueOf(id),
        List.of(Names.prepare(name)),
        born,
        r.birthPlace(),
        "",
        r.serviceNumber(),
        "",
        r.unit(),
        r.rank());
  }

  static final Map<String, String> RUSSIAN_PLACES =
      Map.ofEntries(
          Map.entry("Київ", "Киев"),
          Map.entry("Харків", "Харьков"),
          Map.entry("Одеса", "Одесса"),
          Map.entry("Дніпро", "Днепр"),
          Map.entry("Львів", "Львов"),
          Map.entry("Запоріжжя", "Запорожье"),
          Map.entry("Кривий Ріг", "Кривой Рог"),
          Map.entry("Миколаїв", "Николаев"),
          Map.entry("Маріуполь", "Мариуполь"),
          Map.entry("Вінниця", "Винница"),
          Map.entry("Чернігів", "Чернигов"),
          Map.entry("Черкаси", "Черкассы"),
          Map.entry("Суми", "Сумы"),
          Map.entry("Хмельницький", "Хмельницкий"),
          Map.entry("Рівне", "Ровно"),
          Map.entry("Івано-Франківськ", "Ивано-Франковск"),
          Map.entry("Тернопіль", "Тернополь"),
          Map.entry("Луцьк", "Луцк"),
          Map.entry("Кропивницький", "Кропивницкий"),
          Map.entry("Бровари", "Бровары"),
          Map.entry("Ізюм", "Изюм"),
          Map.entry("Краматорськ", "Краматорск"),
          Map.entry("Слов'янськ", "Славянск"),
          Map.entry("Знам'янка", "Знаменка"),
          Map.entry("Біла Церква", "Белая Церковь"));
  private static final Map<String, String> RUSSIAN_RANKS =
      Map.of(
          "солдат",
          "рядовой",
          "старший солдат",
          "ефрейтор",
          "молодший сержант",
          "младший сержант",
          "головний сержант",
          "старшина",
          "капітан",
          "капитан");
  private static final Map<String, String> PROMOTIONS =
      Map.of(
          "солдат",
          "старший солдат",
          "старший солдат",
          "молодший сержант",
          "молодший сержант",
          "сержант",
          "сержант",
          "старший сержант",
          "лейтенант",
          "старший лейтенант",
          "старший лейтенант",
          "капітан",
          "рядовой",
          "ефрейтор",
          "ефрейтор",
          "младший сержант");

  String russian(String word) {
    if (word.isEmpty()) {
      return word;
    }
    String ru = ukToRu.get(word.toLowerCase(Locale.ROOT));
    return ru == null ? word : Character.toUpperCase(ru.charAt(0)) + ru.substring(1);
  }

  private String typo(String word) {
    if (word.length() < 4) {
      return word;
    }
    return typoAt(word, 1 + random.nextInt(word.length() - 2));
  }

  /** Two letters changed, neither the first nor the last (a part of six letters at least). */
  private String twoTypos(String word) {
    if (word.length() < 6) {
      return word;
    }
    int i = 1 + random.nextInt(word.length() - 3);
    int j = i + 1 + random.nextInt(word.length() - 2 - i);
    return typoAt(typoAt(word, i), j);
  }

  private static String typoAt(String word, int i) {
    char c = word.charAt(i);
    char replacement = Character.isUpperCase(c) ? 'А' : 'а';
    if (c == replacement) {
      replacement = Character.isUpperCase(c) ? 'О' : 'о';
    }
    return word.substring(0, i) + replacement + word.substring(i + 1);
  }
}
