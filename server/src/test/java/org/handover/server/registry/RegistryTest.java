package org.handover.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.handover.core.demo.DemoPeople;
import org.handover.core.registry.Person;
import org.handover.core.registry.PersonForm;
import org.handover.core.registry.ReleaseFacts;
import org.handover.core.registry.Status;
import org.handover.core.registry.StatusBasis;
import org.handover.server.App;
import org.handover.server.journal.Journal;
import org.handover.server.storage.Database;
import org.handover.server.storage.StaleRecordException;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registry behaviour, on PostgreSQL. */
class RegistryTest {
  static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
  App app;

  @BeforeEach
  void open() {
    app = new App(Database.open(TestDatabases.postgres()), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    app.close();
  }

  static Person person(
      String family, String given, String patronymic, String born, String... more) {
    Map<String, String> v = new HashMap<>();
    v.put("name.0.family", family);
    v.put("name.0.given", given);
    v.put("name.0.patronymic", patronymic);
    v.put("birth_date", born);
    for (int i = 0; i + 1 < more.length; i += 2) {
      v.put(more[i], more[i + 1]);
    }
    return new PersonForm(v).read(0, TODAY).person().orElseThrow();
  }

  private List<String> names(String query) {
    return app.registry().search(Search.parse(query), "uk", 1, 50).hits().stream()
        .map(Registry.Hit::name)
        .toList();
  }

  @Test
  void aPersonIsFoundByAShortFormOfTheGivenNameAndByAScholarlySpelling() {
    app.registry().add(person("Коваленко", "Олександр", "Петрович", "1990"), TODAY, "olena");
    app.registry().add(person("Коваленко", "Дмитро", "Петрович", "1991"), TODAY, "olena");
    app.registry().add(person("Щербак", "Олена", "Юріївна", "1985"), TODAY, "olena");
    assertThat(names("Саша Коваленко")).containsExactly("Коваленко Олександр Петрович");
    assertThat(names("Sasha Kovalenko")).containsExactly("Коваленко Олександр Петрович");
    assertThat(names("Діма Коваленко")).containsExactly("Коваленко Дмитро Петрович");
    assertThat(names("Ŝerbak Olena")).containsExactly("Щербак Олена Юріївна");
    assertThat(names("Ščerbak")).containsExactly("Щербак Олена Юріївна");
    // and the other way: a person stored in a library spelling is found in Cyrillic
    app.registry().add(person("Ščerbyna", "Ivan", "", "1970"), TODAY, "olena");
    assertThat(names("Щербина")).containsExactly("Ščerbyna Ivan");
    // a name read by the convention its other parts show: German, ISO 9, Belarusian
    app.registry().add(person("Жук", "Василь", "Іванович", "1980"), TODAY, "olena");
    app.registry().add(person("Хоменко", "Юлія", "Степанівна", "1982"), TODAY, "olena");
    app.registry().add(person("Шевченко", "Сергій", "Петрович", "1975"), TODAY, "olena");
    assertThat(names("Wassyl Iwanowytsch Shuk")).containsExactly("Жук Василь Іванович");
    assertThat(names("Homenko Ûlìâ")).containsExactly("Хоменко Юлія Степанівна");
    assertThat(names("Сяргей Шаўчэнка")).containsExactly("Шевченко Сергій Петрович");
  }

  @Test
  void storesAndReadsBackEveryField() {
    Person p =
        person(
            "Ковальчук",
            "Юрій",
            "Петрович",
            "12.03.1998",
            "name.1.family",
            "KOVALCHUK",
            "name.1.given",
            "YURII",
            "name.1.system",
            "kmu2010",
            "name.1.source",
            "passport",
            "service_number",
            "АБ 123-456",
            "rank",
            "солдат",
            "unit",
            "в/ч А1234",
            "categories",
            "sick",
            "status",
            "captive",
            "holding_party",
            "RU",
            "depends_on",
            "UA",
            "marks",
            "шрам",
            "tracing_consent",
            "on",
            "reference",
            "UA-1");
    long id = app.registry().add(p, TODAY, "registrar");
    Registry.Versioned stored = app.registry().find(id).orElseThrow();
    assertThat(stored.person()).isEqualTo(p.withId(id));
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.history()).extracting(c -> c.status()).containsExactly(Status.CAPTIVE);
  }

  @Test
  void findsAPersonByALatinSpellingOfACyrillicName() {
    app.registry().add(person("Ковальчук", "Юрій", "Петрович", "12.03.1998"), TODAY, "r");
    app.registry().add(person("Шевченко", "Тарас", "Григорович", "1961"), TODAY, "r");
    assertThat(names("Kovalchuk Yurii")).containsExactly("Ковальчук Юрій Петрович");
    assertThat(names("KOVALCHUK")).containsExactly("Ковальчук Юрій Петрович");
    assertThat(names("ковальч")).containsExactly("Ковальчук Юрій Петрович");
    // data-entry noise in the query: a rank, parts glued
    assertThat(names("рядовий Ковальчук Юрій")).containsExactly("Ковальчук Юрій Петрович");
    assertThat(names("KovalchukYurii")).containsExactly("Ковальчук Юрій Петрович");
  }

  @Test
  void findsAPersonByAnySpellingInEitherScriptOrLanguage() {
    app.registry().add(person("Ковальчук", "Олександр", "Петрович", "12.03.1998"), TODAY, "r");
    app.registry().add(person("Шевченко", "Тарас", "Григорович", "1961"), TODAY, "r");
    for (String query :
        List.of(
            "Ковальчук Александр",
            "KOVALCHUK OLEKSANDR",
            "Kowalczuk",
            "Kovalchuk Aleksandr",
            "Koval'chuk",
            "Ковальчук Петрович",
            "Kovalchuk Petrovich")) {
      assertThat(names(query)).as(query).containsExactly("Ковальчук Олександр Петрович");
    }
  }

  @Test
  void searchWordsMadeAnotherWayAreRebuiltOnOpen() {
    app.registry().add(person("Ковальчук", "Юрій", "Петрович", "12.03.1998"), TODAY, "r");
    app.database()
        .jdbi()
        .useHandle(
            h -> {
              h.execute("DELETE FROM person_words");
              h.execute(
                  "UPDATE settings SET setting_value = 'old' WHERE setting_name = 'search_tokens'");
            });
    assertThat(names("Kovalchuk")).isEmpty();
    assertThat(SearchIndex.ensureCurrent(app.database().jdbi())).isEqualTo(1);
    assertThat(names("Kovalchuk")).containsExactly("Ковальчук Юрій Петрович");
    assertThat(SearchIndex.ensureCurrent(app.database().jdbi())).isZero();
  }

  @Test
  void findsByDateOrYearOfBirthAndServiceNumber() {
    app.registry()
        .add(
            person("Ковальчук", "Юрій", "Петрович", "12.03.1998", "service_number", "АБ 123-456"),
            TODAY,
            "r");
    app.registry().add(person("Ковальчук", "Андрій", "Іванович", "1990"), TODAY, "r");
    assertThat(names("Ковальчук 1998")).containsExactly("Ковальчук Юрій Петрович");
    assertThat(names("Ковальчук 12.03.1998")).containsExactly("Ковальчук Юрій Петрович");
    assertThat(names("1990")).containsExactly("Ковальчук Андрій Іванович");
    assertThat(names("аб123456")).containsExactly("Ковальчук Юрій Петрович");
  }

  @Test
  void sortsByTheUkrainianAlphabet() {
    for (String family :
        List.of("Ґудзь", "Гнатюк", "Їжак", "Іванов", "Єрмоленко", "Еней", "Яценко", "Абрамов")) {
      app.registry().add(person(family, "Іван", "", "1990"), TODAY, "r");
    }
    List<String> families = names("").stream().map(n -> n.split(" ")[0]).toList();
    assertThat(families)
        .containsExactly(
            "Абрамов", "Гнатюк", "Ґудзь", "Еней", "Єрмоленко", "Іванов", "Їжак", "Яценко");
  }

  @Test
  void pagesThroughResults() {
    app.registry().addAll(new DemoPeople(3, TODAY).generate(60), TODAY, "demo");
    Registry.Page first = app.registry().search(Search.parse(""), "uk", 1, 25);
    Registry.Page third = app.registry().search(Search.parse(""), "uk", 3, 25);
    assertThat(first.total()).isEqualTo(60);
    assertThat(first.pages()).isEqualTo(3);
    assertThat(third.hits()).hasSize(10);
  }

  @Test
  void anUpdateChangesFieldsAddsStatusHistoryAndJournalsBeforeAndAfter() {
    long id = app.registry().add(person("Ковальчук", "Юрій", "Петрович", "1998"), TODAY, "r");
    Person changed = person("Ковальчук", "Юрій", "Петрович", "12.03.1998", "status", "returned");
    app.registry().update(id, 1, changed, TODAY.plusDays(1), "reviewer");
    Registry.Versioned after = app.registry().find(id).orElseThrow();
    assertThat(after.person().status()).isEqualTo(Status.RETURNED);
    assertThat(after.version()).isEqualTo(2);
    assertThat(after.history())
        .extracting(c -> c.status())
        .containsExactly(Status.MISSING, Status.RETURNED);
    var entries = app.journal().find(Journal.Filter.forEntity("person", String.valueOf(id)), 0, 10);
    assertThat(entries)
        .extracting(e -> e.action())
        .containsExactly("person.update", "person.create");
    assertThat(entries.get(0).before()).contains("\"birth_date\":\"1998\"");
    assertThat(entries.get(0).after())
        .contains("\"birth_date\":\"12.03.1998\"")
        .contains("\"status\":\"returned\"");
    assertThat(entries.get(0).actor()).isEqualTo("reviewer");
  }

  @Test
  void aRenamedPersonIsFoundByTheNewNameOnly() {
    long id = app.registry().add(person("Ковальчук", "Юрій", "Петрович", "1998"), TODAY, "r");
    app.registry().add(person("Ковальчук", "Іван", "Петрович", "1990"), TODAY, "r");
    app.registry().update(id, 1, person("Шевчук", "Юрій", "Петрович", "1998"), TODAY, "r");
    assertThat(names("Ковальчук")).containsExactly("Ковальчук Іван Петрович");
    assertThat(names("Shevchuk Yurii")).containsExactly("Шевчук Юрій Петрович");
  }

  @Test
  void aPrefixOfManyWordsFindsEveryoneItStartsAndLeavesTheTransactionAsItWas() {
    // more words than one query asks for: the words are asked in several queries
    for (int i = 0; i < 70; i++) {
      String family = "Ко" + "бвгдклмнпр".charAt(i / 7) + "аеиоуяю".charAt(i % 7) + "нко";
      app.registry().add(person(family, "Юрій", "", "1990"), TODAY, "r");
    }
    app.registry().add(person("Шевчук", "Іван", "", "1990"), TODAY, "r");
    long words =
        app.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM search_words WHERE word LIKE 'к%'")
                        .mapTo(Long.class)
                        .one());
    assertThat(words).isGreaterThan(64);
    assertThat(app.registry().search(Search.parse("К"), "uk", 1, 10).total()).isEqualTo(70);
    String after =
        app.database()
            .jdbi()
            .inTransaction(
                h -> {
                  PersonFinder.find(h, Search.parse("Ков"), "uk", 1, 10);
                  return h.createQuery("SHOW enable_seqscan").mapTo(String.class).one();
                });
    assertThat(after).isEqualTo("on");
  }

  @Test
  void aPersonWithoutWordsKeepsNone() {
    long id = app.registry().add(person("Ковальчук", "Юрій", "Петрович", "1998"), TODAY, "r");
    app.database().jdbi().useTransaction(h -> SearchWords.store(h, id, java.util.Set.of()));
    assertThat(names("Ковальчук")).isEmpty();
    long rows =
        app.database()
            .jdbi()
            .withHandle(
                h -> h.createQuery("SELECT count(*) FROM person_words").mapTo(Long.class).one());
    assertThat(rows).isZero();
  }

  @Test
  void aStaleUpdateIsRefusedAndChangesNothing() {
    long id = app.registry().add(person("Ковальчук", "Юрій", "Петрович", "1998"), TODAY, "r");
    app.registry().update(id, 1, person("Ковальчук", "Юрій", "Петрович", "1999"), TODAY, "a");
    long journalBefore = app.journal().verify().count();
    assertThatThrownBy(
            () -> app.registry().update(id, 1, person("Коваль", "Юрій", "", "2000"), TODAY, "b"))
        .isInstanceOf(StaleRecordException.class);
    assertThat(app.registry().find(id).orElseThrow().person().primaryName().family())
        .isEqualTo("Ковальчук");
    assertThat(app.journal().verify().count()).isEqualTo(journalBefore);
  }

  @Test
  void whenTheJournalCannotBeWrittenNothingIsStored() {
    app.registry().add(person("Бойко", "Іван", "", "1990"), TODAY, "r");
    app.database().jdbi().useHandle(h -> h.execute("ALTER TABLE journal RENAME TO journal_away"));
    try {
      assertThatThrownBy(
              () -> app.registry().addAll(new DemoPeople(5, TODAY).generate(10), TODAY, "demo"))
          .isNotNull();
      assertThatThrownBy(
              () -> app.registry().add(person("Мельник", "Іван", "", "1990"), TODAY, "r"))
          .isNotNull();
    } finally {
      app.database().jdbi().useHandle(h -> h.execute("ALTER TABLE journal_away RENAME TO journal"));
    }
    assertThat(app.registry().count()).isEqualTo(1);
    assertThat(names("")).containsExactly("Бойко Іван");
    assertThat(app.journal().verify().intact()).isTrue();
  }

  /**
   * Two imports of one file started together: the second waits for the first and is refused,
   * nothing of it stored (both had passed the check made before either began).
   */
  @Test
  @org.junit.jupiter.api.Timeout(120)
  void ofTwoImportsOfOneFileStartedTogetherTheSecondIsRefused() throws Exception {
    String sha = "ab".repeat(32);
    List<Registry.Imported> persons =
        List.of(
            new Registry.Imported(
                person("Ковальчук", "Юрій", "Петрович", "12.03.1998"),
                StatusBasis.since(TODAY),
                ReleaseFacts.none()),
            new Registry.Imported(
                person("Шевчук", "Іван", "", "1990"),
                StatusBasis.since(TODAY),
                ReleaseFacts.none()));
    assertThat(app.registry().importedBefore(sha)).isEmpty();
    java.util.concurrent.CountDownLatch secondWaits = new java.util.concurrent.CountDownLatch(1);
    Registry.Reading first =
        new Registry.Reading() {
          private final Registry.Reading all = Registry.Reading.of(persons);

          @Override
          public List<Registry.Imported> next() {
            try {
              secondWaits.await(); // the first import holds its lock until the second waits on it
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
            return all.next();
          }

          @Override
          public long expected() {
            return persons.size();
          }
        };
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    List<String> firstHeard = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> secondHeard = new java.util.concurrent.CopyOnWriteArrayList<>();
    try {
      var one =
          pool.submit(
              () ->
                  app.registry()
                      .importAll(
                          first, "a.csv", sha, false, "olena", (st, n) -> firstHeard.add(st)));
      while (importLocks(sha, true) == 0) {
        assertThat(one.isDone()).as("the first import takes its lock and reads").isFalse();
        Thread.sleep(20);
      }
      var two =
          pool.submit(
              () ->
                  app.registry()
                      .importAll(
                          Registry.Reading.of(persons),
                          "b.csv",
                          sha,
                          false,
                          "petro",
                          (st, n) -> secondHeard.add(st)));
      while (importLocks(sha, false) == 0) {
        assertThat(two.isDone()).as("the second import waits for the first").isFalse();
        Thread.sleep(20);
      }
      // the second said that it waits, before it waited
      assertThat(secondHeard).containsExactly(Registry.Progress.WAITING);
      secondWaits.countDown();
      assertThat(one.get()).isEqualTo(2);
      assertThat(firstHeard).doesNotContain(Registry.Progress.WAITING).isNotEmpty();
      assertThatThrownBy(two::get)
          .hasCauseInstanceOf(Registry.ImportedBefore.class)
          .cause()
          .satisfies(
              e -> {
                Registry.Earlier earlier = ((Registry.ImportedBefore) e).earlier();
                assertThat(earlier.actor()).isEqualTo("olena");
                assertThat(earlier.file()).isEqualTo("a.csv");
              });
    } finally {
      secondWaits.countDown();
      pool.shutdownNow();
    }
    assertThat(app.registry().count()).isEqualTo(2);
    // asked again, the file goes in a second time
    assertThat(
            app.registry()
                .importAll(
                    Registry.Reading.of(persons), "a.csv", sha, true, "olena", (st, n) -> {}))
        .isEqualTo(2);
    assertThat(app.registry().count()).isEqualTo(4);
  }

  /** Sessions holding ({@code granted}) or waiting for the lock on this file's SHA-256. */
  private long importLocks(String sha, boolean granted) {
    return app.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted = :g"
                            + " AND database = (SELECT oid FROM pg_database WHERE datname ="
                            + " current_database()) AND ((classid::bigint << 32) | objid::bigint)"
                            + " = hashtextextended(:key, 0)")
                    .bind("g", granted)
                    .bind("key", "registry import " + sha)
                    .mapTo(Long.class)
                    .one());
  }
}
