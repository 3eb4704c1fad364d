package org.handover.core.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.handover.core.parties.Party;
import org.handover.core.registry.Category;
import org.handover.core.registry.Kind;
import org.handover.core.registry.Name;
import org.handover.core.registry.PartialDate;
import org.handover.core.registry.Person;
import org.handover.core.registry.Script;
import org.handover.core.registry.Sex;
import org.handover.core.registry.Status;
import org.handover.names.Romanization;

/**
 * Generated people for the demo and for benchmarks: plausible Ukrainian and Russian names with
 * patronymics, dates and places of birth, ranks, units and service numbers. Every person is
 * invented; the same seed gives the same people.
 *
 * <pre>{@code
 * List<Person> people = new DemoPeople(42, LocalDate.of(2025, 6, 2)).generate(5000);
 * }</pre>
 */
public final class DemoPeople {
  private static final Party UA = Party.of("UA");
  private static final Party RU = Party.of("RU");
  // given name, the patronymic a son of a man so named carries, the daughter's
  private static final String[][] UK_MALE = {
    {"Олександр", "Олександрович", "Олександрівна"},
    {"Андрій", "Андрійович", "Андріївна"},
    {"Сергій", "Сергійович", "Сергіївна"},
    {"Юрій", "Юрійович", "Юріївна"},
    {"Микола", "Миколайович", "Миколаївна"},
    {"Володимир", "Володимирович", "Володимирівна"},
    {"Дмитро", "Дмитрович", "Дмитрівна"},
    {"Іван", "Іванович", "Іванівна"},
    {"Василь", "Васильович", "Василівна"},
    {"Петро", "Петрович", "Петрівна"},
    {"Михайло", "Михайлович", "Михайлівна"},
    {"Віталій", "Віталійович", "Віталіївна"},
    {"Богдан", "Богданович", "Богданівна"},
    {"Тарас", "Тарасович", "Тарасівна"},
    {"Ігор", "Ігорович", "Ігорівна"},
    {"Олег", "Олегович", "Олегівна"},
    {"Роман", "Романович", "Романівна"},
    {"Максим", "Максимович", "Максимівна"},
    {"Артем", "Артемович", "Артемівна"},
    {"Євген", "Євгенович", "Євгенівна"},
    {"Віктор", "Вікторович", "Вікторівна"},
    {"Степан", "Степанович", "Степанівна"},
    {"Григорій", "Григорович", "Григорівна"},
    {"Ярослав", "Ярославович", "Ярославівна"},
    {"Денис", "Денисович", "Денисівна"},
    {"Назар", "Назарович", "Назарівна"},
    {"Олексій", "Олексійович", "Олексіївна"},
    {"Анатолій", "Анатолійович", "Анатоліївна"},
    {"Павло", "Павлович", "Павлівна"},
    {"Костянтин", "Костянтинович", "Костянтинівна"}
  };
  private static final String[] UK_FEMALE = {
    "Олена",
    "Ірина",
    "Наталія",
    "Тетяна",
    "Оксана",
    "Юлія",
    "Марія",
    "Анна",
    "Катерина",
    "Світлана",
    "Людмила",
    "Галина",
    "Вікторія",
    "Софія",
    "Дарина",
    "Ганна"
  };
  // surname: masculine form, feminine form
  private static final String[][] UK_FAMILY = {
    {"Шевченко", "Шевченко"},
    {"Коваленко", "Коваленко"},
    {"Бондаренко", "Бондаренко"},
    {"Ткаченко", "Ткаченко"},
    {"Ковальчук", "Ковальчук"},
    {"Кравченко", "Кравченко"},
    {"Олійник", "Олійник"},
    {"Шевчук", "Шевчук"},
    {"Поліщук", "Поліщук"},
    {"Бойко", "Бойко"},
    {"Мельник", "Мельник"},
    {"Лисенко", "Лисенко"},
    {"Савченко", "Савченко"},
    {"Руденко", "Руденко"},
    {"Марченко", "Марченко"},
    {"Мороз", "Мороз"},
    {"Петренко", "Петренко"},
    {"Гончаренко", "Гончаренко"},
    {"Кравчук", "Кравчук"},
    {"Павленко", "Павленко"},
    {"Левченко", "Левченко"},
    {"Харченко", "Харченко"},
    {"Романенко", "Романенко"},
    {"Ковальський", "Ковальська"},
    {"Литвиненко", "Литвиненко"},
    {"Гнатюк", "Гнатюк"},
    {"Приходько", "Приходько"},
    {"Яковенко", "Яковенко"},
    {"Заїка", "Заїка"},
    {"Гаврилюк", "Гаврилюк"},
    {"Яценко", "Яценко"},
    {"Грищенко", "Грищенко"},
    {"Дячук", "Дячук"},
    {"Чорновол", "Чорновол"},
    {"Зінченко", "Зінченко"},
    {"Вовк", "Вовк"},
    {"Сидоренко", "Сидоренко"},
    {"Остапчук", "Остапчук"},
    {"Тимошенко", "Тимошенко"},
    {"Кузьменко", "Кузьменко"},
    {"Білоус", "Білоус"},
    {"Панченко", "Панченко"},
    {"Головко", "Головко"},
    {"Карпенко", "Карпенко"},
    {"Семенюк", "Семенюк"},
    {"Юрченко", "Юрченко"},
    {"Стельмах", "Стельмах"},
    {"Гуменюк", "Гуменюк"},
    {"Якименко", "Якименко"},
    {"Вербицький", "Вербицька"},
    {"Задорожний", "Задорожна"},
    {"Ґудзь", "Ґудзь"},
    {"Пономаренко", "Пономаренко"},
    {"Нестеренко", "Нестеренко"},
    {"Соловйов", "Соловйова"},
    {"Єрмоленко", "Єрмоленко"}
  };
  private static final String[][] RU_MALE = {
    {"Александр", "Александрович"},
    {"Андрей", "Андреевич"},
    {"Сергей", "Сергеевич"},
    {"Дмитрий", "Дмитриевич"},
    {"Алексей", "Алексеевич"},
    {"Николай", "Николаевич"},
    {"Иван", "Иванович"},
    {"Михаил", "Михайлович"},
    {"Евгений", "Евгеньевич"},
    {"Владимир", "Владимирович"},
    {"Павел", "Павлович"},
    {"Юрий", "Юрьевич"},
    {"Артём", "Артёмович"},
    {"Илья", "Ильич"},
    {"Никита", "Никитич"},
    {"Виктор", "Викторович"}
  };
  private static final String[] RU_FAMILY = {
    "Иванов",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Васильев",
    "Петров",
    "Соколов",
    "Михайлов",
    "Новиков",
    "Фёдоров",
    "Морозов",
    "Волков",
    "Алексеев",
    "Лебедев",
    "Семёнов",
    "Егоров",
    "Павлов",
    "Козлов",
    "Степанов",
    "Николаев",
    "Орлов",
    "Андреев",
    "Макаров",
    "Никитин",
    "Захаров"
  };
  private static final String[] UK_PLACES = {
    "Київ",
    "Харків",
    "Одеса",
    "Дніпро",
    "Львів",
    "Запоріжжя",
    "Кривий Ріг",
    "Миколаїв",
    "Маріуполь",
    "Вінниця",
    "Херсон",
    "Полтава",
    "Чернігів",
    "Черкаси",
    "Суми",
    "Житомир",
    "Хмельницький",
    "Рівне",
    "Івано-Франківськ",
    "Тернопіль",
    "Луцьк",
    "Ужгород",
    "Кропивницький",
    "Бровари",
    "Ізюм",
    "Бахмут",
    "Краматорськ",
    "Слов'янськ",
    "Знам'янка",
    "Біла Церква"
  };
  private static final String[] RU_PLACES = {
    "Москва",
    "Санкт-Петербург",
    "Новосибирск",
    "Екатеринбург",
    "Казань",
    "Ростов-на-Дону",
    "Воронеж",
    "Курск",
    "Белгород",
    "Псков",
    "Омск",
    "Самара"
  };
  private static final String[] UK_RANKS = {
    "солдат",
    "старший солдат",
    "молодший сержант",
    "сержант",
    "старший сержант",
    "головний сержант",
    "лейтенант",
    "старший лейтенант",
    "капітан",
    "майор"
  };
  private static final String[] RU_RANKS = {
    "рядовой",
    "ефрейтор",
    "младший сержант",
    "сержант",
    "старший сержант",
    "лейтенант",
    "старший лейтенант",
    "капитан"
  };

  private static final List<String[]> SURNAMES = Surnames.load(UK_FAMILY);
  private static final double[] SURNAME_CUMULATIVE = Surnames.zipf(SURNAMES.size(), 0.6, 0);

  /**
   * As real registries have them: the commonest family name about 1.2% of people, the hundred
   * commonest a quarter (Zipf–Mandelbrot, exponent 0.8, offset 4).
   */
  private static final double[] REALISTIC_CUMULATIVE = Surnames.zipf(SURNAMES.size(), 0.8, 4);

  private final Random random;
  private final LocalDate today;
  private final double[] surnames;

  /**
   * Family names spread as the first generator spread them (the commonest 1.1%, the top 100 16%).
   */
  public DemoPeople(long seed, LocalDate today) {
    this(seed, today, SURNAME_CUMULATIVE);
  }

  private DemoPeople(long seed, LocalDate today, double[] surnames) {
    this.random = new Random(seed);
    this.today = today;
    this.surnames = surnames;
  }

  /** Family names as skewed as a real registry's: many more namesakes. */
  public static DemoPeople realistic(long seed, LocalDate today) {
    return new DemoPeople(seed, today, REALISTIC_CUMULATIVE);
  }

  /** A surname (masculine, feminine), common ones more often, as a real population has them. */
  private String[] surname() {
    int i = Arrays.binarySearch(surnames, random.nextDouble());
    return SURNAMES.get(Math.min(SURNAMES.size() - 1, i < 0 ? -i - 1 : i));
  }

  public List<Person> generate(int count) {
    List<Person> people = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      int roll = random.nextInt(100);
      people.add(
          roll < 78
              ? ukServiceMember(i)
              : roll < 88
                  ? ukCivilian(i, false)
                  : roll < 94 ? ukCivilian(i, true) : ruServiceMember(i));
    }
    return people;
  }

  /**
   * Those an exchange by categories is about, aged 18 to 25 on this generator's day (the round's):
   * {@code theirs} of the other side's service members we hold, {@code ours} of our own they hold
   * (some of them severely wounded or sick); references numbered from {@code first}.
   */
  public List<Person> exchangeable(int theirs, int ours, int first) {
    List<Person> people = new ArrayList<>(theirs + ours);
    for (int i = 0; i < theirs; i++) {
      people.add(ruServiceMember(first + i, 18, 26));
    }
    for (int i = 0; i < ours; i++) {
      people.add(ukServiceMember(first + i, 18, 26, true));
    }
    return people;
  }

  /** Children sought, as the registry keeps them; references numbered from {@code first}. */
  public List<Person> children(int count, int first) {
    List<Person> people = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      people.add(ukCivilian(first + i, true));
    }
    return people;
  }

  private Person ukServiceMember(int n) {
    return ukServiceMember(n, 18, 60, false);
  }

  private Person ukServiceMember(int n, int minAge, int maxAge, boolean captive) {
    boolean female = random.nextInt(100) < 6;
    String[] father = pick(UK_MALE);
    String[] family = surname();
    String given = female ? pick(UK_FEMALE) : pick(UK_MALE)[0];
    String patronymic = female ? father[2] : father[1];
    String surname = female ? family[1] : family[0];
    Status status =
        captive
            ? Status.CAPTIVE
            : weighted(
                new Status[] {
                  Status.MISSING,
                  Status.CAPTIVE,
                  Status.RETURNED,
                  Status.DECEASED,
                  Status.REMAINS_RETURNED
                },
                new int[] {38, 44, 10, 5, 3});
    Set<Category> categories = EnumSet.noneOf(Category.class);
    if (status == Status.CAPTIVE && random.nextInt(100) < 8) {
      categories.add(Category.SEVERELY_WOUNDED);
    }
    if (status == Status.CAPTIVE && random.nextInt(100) < 10) {
      categories.add(Category.SICK);
    }
    // the builder is called in the order of the fields: the random draws, and so the people, stay
    // the same
    return Person.builder()
        .reference(reference("UA", n))
        .kind(Kind.SERVICE_MEMBER)
        .names(ukNames(surname, given, patronymic))
        .sex(female ? Sex.FEMALE : Sex.MALE)
        .birthDate(Optional.of(birthDate(minAge, maxAge)))
        .birthPlace(pick(UK_PLACES))
        .fatherName(father[0])
        .motherMaidenName(surname()[1])
        .citizenship("Україна")
        .dependsOn(Optional.of(UA))
        .serviceNumber(serviceNumber())
        .rank(pick(UK_RANKS))
        .unit("в/ч А" + (1000 + random.nextInt(8000)))
        .lastResidence(pick(UK_PLACES))
        .marks(marks())
        .personToInform(personToInform(surname))
        .categories(categories)
        .status(status)
        .holdingParty(status == Status.CAPTIVE ? Optional.of(RU) : Optional.empty())
        .tracingConsent(random.nextInt(100) < 90)
        .build();
  }

  private Person ukCivilian(int n, boolean child) {
    boolean female = random.nextBoolean();
    String[] father = pick(UK_MALE);
    String[] family = surname();
    String given = female ? pick(UK_FEMALE) : pick(UK_MALE)[0];
    Status status =
        weighted(
            new Status[] {Status.MISSING, Status.CAPTIVE, Status.RETURNED},
            child ? new int[] {60, 30, 10} : new int[] {45, 45, 10});
    PartialDate born = child ? birthDate(3, 17) : birthDate(20, 75);
    return Person.builder()
        .reference(reference(child ? "CH" : "CV", n))
        .kind(child ? Kind.CHILD : Kind.CIVILIAN)
        .names(ukNames(female ? family[1] : family[0], given, female ? father[2] : father[1]))
        .sex(female ? Sex.FEMALE : Sex.MALE)
        .birthDate(Optional.of(born))
        .birthPlace(pick(UK_PLACES))
        .fatherName(father[0])
        .motherMaidenName(surname()[1])
        .citizenship("Україна")
        .dependsOn(Optional.of(UA))
        .lastResidence(pick(UK_PLACES))
        .personToInform(personToInform(family[0]))
        .status(status)
        .holdingParty(status == Status.CAPTIVE ? Optional.of(RU) : Optional.empty())
        .tracingConsent(random.nextInt(100) < 95)
        .notes(child ? "депортована дитина" : "")
        .build();
  }

  private Person ruServiceMember(int n) {
    return ruServiceMember(n, 19, 50);
  }

  private Person ruServiceMember(int n, int minAge, int maxAge) {
    String[] given = pick(RU_MALE);
    String[] father = pick(RU_MALE);
    String family = pick(RU_FAMILY);
    List<Name> names = List.of(new Name(Script.RU, "", family, given[0], father[1], "registry"));
    return Person.builder()
        .reference(reference("RU", n))
        .kind(Kind.SERVICE_MEMBER)
        .names(names)
        .sex(Sex.MALE)
        .birthDate(Optional.of(birthDate(minAge, maxAge)))
        .birthPlace(pick(RU_PLACES))
        .fatherName(father[0])
        .citizenship("Россия")
        .dependsOn(Optional.of(RU))
        .rank(pick(RU_RANKS))
        .unit("в/ч " + (10000 + random.nextInt(89999)))
        .lastResidence(pick(RU_PLACES))
        .status(Status.DETAINED)
        .holdingParty(Optional.of(UA))
        .tracingConsent(true)
        .build();
  }

  private List<Name> ukNames(String family, String given, String patronymic) {
    Name own = new Name(Script.UK, "", family, given, patronymic, "registry");
    if (random.nextInt(100) < 70) {
      // the passport spelling, as the 2010 national system writes it
      return List.of(
          own,
          new Name(
              Script.LATIN,
              "kmu2010",
              Romanization.KMU2010.romanize(family).toUpperCase(Locale.ROOT),
              Romanization.KMU2010.romanize(given).toUpperCase(Locale.ROOT),
              "",
              "passport"));
    }
    return List.of(own);
  }

  private PartialDate birthDate(int minAge, int maxAge) {
    LocalDate latest = today.minusYears(minAge);
    LocalDate d = latest.minusDays(random.nextInt((maxAge - minAge) * 365));
    int precision = random.nextInt(100);
    if (precision < 4) {
      return PartialDate.ofYear(d.getYear());
    }
    if (precision < 7) {
      return PartialDate.of(d.getYear(), d.getMonthValue());
    }
    return PartialDate.of(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  private String serviceNumber() {
    String letters = "АБВГДЕКМНОПРСТ";
    return ""
        + letters.charAt(random.nextInt(letters.length()))
        + letters.charAt(random.nextInt(letters.length()))
        + String.format("%06d", random.nextInt(1_000_000));
  }

  private String marks() {
    String[] marks = {
      "",
      "",
      "",
      "татуювання на лівому передпліччі",
      "шрам над правою бровою",
      "родимка на шиї",
      "татуювання «тризуб» на плечі",
      "відсутній мізинець лівої руки"
    };
    return pick(marks);
  }

  private String personToInform(String surname) {
    return random.nextInt(100) < 80
        ? pick(new String[] {"мати", "батько", "дружина", "сестра", "брат"})
            + ", "
            + surname
            + " "
            + pick(UK_FEMALE)
        : "";
  }

  private static String reference(String prefix, int n) {
    return prefix + "-" + String.format("%06d", n);
  }

  private <T> T pick(T[] values) {
    // a skew towards the first entries, as real surname frequencies have
    int i = (int) (values.length * Math.pow(random.nextDouble(), 1.6));
    return values[Math.min(i, values.length - 1)];
  }

  private <T> T weighted(T[] values, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < values.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }
}
