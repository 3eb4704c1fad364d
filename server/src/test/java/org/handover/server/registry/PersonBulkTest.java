package org.handover.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.handover.core.demo.DemoPeople;
import org.handover.core.journal.JournalEntry;
import org.handover.core.registry.Person;
import org.handover.core.registry.StatusBasis;
import org.handover.core.registry.StatusChange;
import org.handover.server.App;
import org.handover.server.journal.Journal;
import org.handover.server.journal.StateAudit;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Persons stored many at once: as if added one by one, and as tamper-evident. */
class PersonBulkTest {
  static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
  App app;
  List<Person> people;
  long[] ids;

  @BeforeEach
  void open() {
    app = new App(Database.open(TestDatabases.postgres()), Clock.systemUTC());
    people = new DemoPeople(21, TODAY).generate(30);
    ids = store(people, new PersonBulk.Sizes(7, 1_000));
  }

  private long[] store(List<Person> people, PersonBulk.Sizes sizes) {
    return store(people, sizes, PersonAudit::digest);
  }

  private static StatusChange first(Person p) {
    return new StatusChange(
        p.status(),
        TODAY,
        StatusBasis.since(TODAY).source(),
        "",
        "olena",
        Instant.ofEpochMilli(1_000));
  }

  private long[] store(List<Person> people, PersonBulk.Sizes sizes, PersonBulk.Digest digest) {
    List<PersonBulk.New> news = people.stream().map(p -> new PersonBulk.New(p, first(p))).toList();
    return app.database()
        .jdbi()
        .inTransaction(
            h ->
                PersonBulk.store(
                    h, app.journal(), news, "their.csv", "olena", (stage, n) -> {}, sizes, digest));
  }

  /** Each person's digest as the audit's SQL gives it, by id. */
  private Map<String, String> databaseDigests() {
    return app.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(PersonAudit.PERSONS.digests().replace("{and}", ""))
                    .setMapKeyColumn("id")
                    .setMapValueColumn("digest")
                    .collectInto(
                        new org.jdbi.v3.core.generic.GenericType<Map<String, String>>() {}));
  }

  /** Each imported person's digest as its journal entry's member holds it, by id. */
  private Map<String, String> memberDigests() {
    return app.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT entity_id, substr(state_digest, 3) AS digest FROM journal_members"
                            + " WHERE entity = 'person'")
                    .setMapKeyColumn("entity_id")
                    .setMapValueColumn("digest")
                    .collectInto(
                        new org.jdbi.v3.core.generic.GenericType<Map<String, String>>() {}));
  }

  @Test
  void theDigestsMadeWithTheRowsAreTheDatabaseOwnWhateverTheTextHolds() {
    // every character PostgreSQL's row text quotes or doubles, ASCII and other spaces, other
    // scripts
    String[] odd = {
      "a \"quoted\" word", "back\\slash", "comma, here", "(parenthesis)", "tab\there",
      "line\nbreak", "return\rhere", "tab\u000Bvertical", "form\ffeed", "no\u00A0break",
      "next\u0085line", "em\u2003space", "Ковальчук-Шевченко", "O'Brien ’ ʼ", "\uD83D\uDE00 ok",
      "{braces}[brackets]", "semi;colon|bar"
    };
    List<Person> tricky = new java.util.ArrayList<>();
    List<Person> base = new DemoPeople(24, TODAY).generate(odd.length);
    for (int i = 0; i < odd.length; i++) {
      Person p = base.get(i);
      org.handover.core.registry.Name n = p.names().get(0);
      tricky.add(
          p.toBuilder()
              .names(
                  List.of(
                      new org.handover.core.registry.Name(
                          n.script(),
                          "",
                          "Прізвище " + odd[i],
                          odd[i],
                          "",
                          odd[(i + 1) % odd.length]),
                      n))
              .notes(odd[i])
              .birthPlace(i % 2 == 0 ? "" : odd[(i + 3) % odd.length])
              .marks(odd[(i + 5) % odd.length])
              .build());
    }
    long[] more = store(tricky, new PersonBulk.Sizes(5, 1_000));
    Map<String, String> database = databaseDigests();
    for (int i = 0; i < tricky.size(); i++) {
      long statusId =
          (Long)
              rows("SELECT id FROM status_history WHERE person_id = :id", more[i]).get(0).get("id");
      assertThat(PersonAudit.digest(more[i], tricky.get(i), 1_000, statusId, first(tricky.get(i))))
          .as(odd[i])
          .isEqualTo(database.get(String.valueOf(more[i])));
    }
    assertThat(memberDigests()).isEqualTo(database);
    assertThat(app.journal().audit().clean()).isTrue();
  }

  @Test
  void digestsMadeApartAreTrustedOnThisServerOnlyWhenTheyAreItsOwn() {
    String id = String.valueOf(ids[4]);
    String own = databaseDigests().get(id);
    Map<String, Object> one = Map.of("ids", new Long[] {ids[4]});
    app.database()
        .jdbi()
        .useHandle(
            h -> {
              // the server writes a row's text as RowDigest does, every byte of its probe alike
              assertThat(app.journal().agree(h, "person", "p.id = ANY(:ids)", one, Map.of(id, own)))
                  .isTrue();
              assertThat(
                      app.journal()
                          .agree(h, "person", "p.id = ANY(:ids)", one, Map.of(id, "0".repeat(64))))
                  .isFalse();
            });
  }

  @Test
  void digestsThatDisagreeWithTheDatabaseAreNotTrustedButMadeByIt() {
    long[] more =
        store(
            new DemoPeople(25, TODAY).generate(12),
            new PersonBulk.Sizes(5, 1_000),
            (id, p, now, statusId, s) -> "0".repeat(64));
    assertThat(more).hasSize(12);
    assertThat(memberDigests()).isEqualTo(databaseDigests()).doesNotContainValue("0".repeat(64));
    StateAudit.Result audit = app.journal().audit();
    assertThat(audit.clean()).as(audit.findings().toString()).isTrue();
    assertThat(audit.compared()).isEqualTo(42);
  }

  private String schema() {
    return app.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        // names, and the inverted index whole (its options): a partial index's
                        // condition comes back from a rebuild written otherwise, the same
                        "SELECT string_agg(d, E'\\n' ORDER BY d) FROM (SELECT tablename || ' ' || indexname ||"
                            + " CASE WHEN indexdef LIKE '%USING gin%' THEN ' ' || indexdef ELSE '' END"
                            + " AS d FROM"
                            + " pg_indexes WHERE schemaname = current_schema() UNION ALL SELECT"
                            + " conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
                            + " WHERE connamespace = CAST(current_schema() AS regnamespace)) x")
                    .mapTo(String.class)
                    .one());
  }

  @Test
  void aLoadLargerThanTheRegistryBuildsItsIndexesAgainAsTheyWere() {
    String before = schema();
    long[] more = store(new DemoPeople(22, TODAY).generate(40), new PersonBulk.Sizes(15, 35));
    assertThat(schema())
        .isEqualTo(before)
        .contains(
            "USING gin (word_ids) WITH (fastupdate=off)",
            "persons_sort_uk",
            "status_history_acknowledged");
    assertThat(more).hasSize(40);
    assertThat(more[0]).isGreaterThan(ids[29]);
    StateAudit.Result audit = app.journal().audit();
    assertThat(audit.clean()).as(audit.findings().toString()).isTrue();
    assertThat(audit.compared()).isEqualTo(70);
    // found by name through the rebuilt token index
    Person p = app.registry().find(more[17]).orElseThrow().person();
    assertThat(
            app.registry()
                .search(
                    Search.parse(p.primaryName().family() + " " + p.primaryName().given()),
                    "uk",
                    0,
                    50)
                .hits())
        .extracting(Registry.Hit::id)
        .contains(more[17]);
  }

  @Test
  void aLoadThatFailsLeavesTheRegistryAndItsIndexesAsTheyWere() {
    String before = schema();
    List<Person> people = new java.util.ArrayList<>(new DemoPeople(23, TODAY).generate(40));
    // a holder no party table knows: refused by the foreign key when it is built again
    people.set(
        33,
        people.get(33).toBuilder()
            .holdingParty(java.util.Optional.of(org.handover.core.parties.Party.of("ZZ")))
            .build());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> store(people, new PersonBulk.Sizes(15, 35)))
        .hasStackTraceContaining("persons_holding_party");
    assertThat(schema()).isEqualTo(before);
    assertThat(app.registry().count()).isEqualTo(30);
    assertThat(app.journal().audit().clean()).isTrue();
  }

  @Test
  void aLoadIsStoredBlockByBlockAsItIsReadAndNothingOfItWhenTheReadingFails() {
    String before = schema();
    List<PersonBulk.New> news =
        new DemoPeople(26, TODAY)
            .generate(50).stream().map(p -> new PersonBulk.New(p, first(p))).toList();
    List<Integer> asked = new java.util.ArrayList<>();
    class Reading implements PersonBulk.Blocks {
      final int failAt;
      int from;

      Reading(int failAt) {
        this.failAt = failAt;
      }

      @Override
      public List<PersonBulk.New> next() {
        if (from >= failAt) {
          throw new IllegalStateException("the file ends in the middle of a row");
        }
        int to = Math.min(news.size(), from + 12);
        asked.add(to - from);
        List<PersonBulk.New> block = news.subList(from, to);
        from = to;
        return block;
      }

      @Override
      public long expected() {
        // as a workbook's reader, which cannot tell: the indexes are set aside once 35 are loaded
        return from;
      }
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store(new Reading(36)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the file ends in the middle of a row");
    assertThat(asked).containsExactly(12, 12, 12);
    assertThat(schema()).isEqualTo(before);
    assertThat(app.registry().count()).isEqualTo(30);
    assertThat(app.journal().audit().clean()).isTrue();
    asked.clear();
    long[] more = store(new Reading(Integer.MAX_VALUE));
    assertThat(asked).containsExactly(12, 12, 12, 12, 2, 0); // the last: the end
    assertThat(more).hasSize(50).isSorted().doesNotHaveDuplicates();
    assertThat(more[0]).isGreaterThan(ids[29]);
    assertThat(schema()).isEqualTo(before);
    for (int i = 0; i < more.length; i += 7) {
      assertThat(app.registry().find(more[i]).orElseThrow().person().withId(0))
          .isEqualTo(news.get(i).person().withId(0));
    }
    StateAudit.Result audit = app.journal().audit();
    assertThat(audit.clean()).as(audit.findings().toString()).isTrue();
    assertThat(audit.compared()).isEqualTo(80);
  }

  private long[] store(PersonBulk.Blocks blocks) {
    return app.database()
        .jdbi()
        .inTransaction(
            h ->
                PersonBulk.store(
                    h,
                    app.journal(),
                    blocks,
                    "their.csv",
                    "",
                    "olena",
                    (stage, n) -> {},
                    new PersonBulk.Sizes(15, 35),
                    PersonAudit::digest));
  }

  @AfterEach
  void close() {
    app.close();
  }

  private List<Map<String, Object>> rows(String sql, long id) {
    return app.database()
        .jdbi()
        .withHandle(h -> h.createQuery(sql).bind("id", id).mapToMap().list());
  }

  @Test
  void aPersonStoredInBulkIsStoredAsOneAddedAlone() {
    for (int i = 0; i < people.size(); i += 6) {
      long alone = app.registry().add(people.get(i), TODAY, "olena");
      Registry.Versioned bulk = app.registry().find(ids[i]).orElseThrow();
      Registry.Versioned single = app.registry().find(alone).orElseThrow();
      assertThat(bulk.person().withId(0)).isEqualTo(single.person().withId(0));
      assertThat(bulk.version()).isEqualTo(single.version());
      assertThat(bulk.history()).hasSize(1);
      assertThat(bulk.history().get(0).status()).isEqualTo(single.history().get(0).status());
      String derived =
          "SELECT display_name, encode(sort_uk, 'hex') uk, encode(sort_ru, 'hex') ru,"
              + " encode(sort_en, 'hex') en, service_number_key, reference_key, categories"
              + " FROM persons WHERE id = :id";
      assertThat(rows(derived, ids[i])).isEqualTo(rows(derived, alone));
      String tokens =
          "SELECT w.word FROM person_words pw JOIN search_words w ON w.id = ANY(pw.word_ids)"
              + " WHERE pw.person_id = :id ORDER BY w.word";
      assertThat(rows(tokens, ids[i])).isNotEmpty().isEqualTo(rows(tokens, alone));
    }
  }

  @Test
  void eachEntryNamesItsPersonsAndTheAuditComparesThem() {
    List<JournalEntry> entries =
        app.journal().find(new Journal.Filter("", "person-import", "", 0, Long.MAX_VALUE), 0, 100);
    assertThat(entries).hasSize(5); // 30 persons, 7 to an entry
    assertThat(entries).allSatisfy(e -> assertThat(e.action()).isEqualTo("person.import"));
    assertThat(entries.get(0).after()).contains("their.csv").contains("\"persons\":2");
    StateAudit.Result audit = app.journal().audit();
    assertThat(audit.clean()).as(audit.findings().toString()).isTrue();
    assertThat(audit.compared()).isEqualTo(30);
    // a person's own history starts with the entry that imported it
    assertThat(app.journal().find(Journal.Filter.forEntity("person", String.valueOf(ids[9])), 0, 9))
        .extracting(JournalEntry::action)
        .containsExactly("person.import");
    // and whoever imported it is known for the four-eyes rule
    assertThat(app.duplicates().addedBy("olena", List.of(ids[0], ids[29])))
        .containsExactly(ids[0], ids[29]);
  }

  private List<StateAudit.Finding> tamper(String sql) {
    app.database().jdbi().useHandle(h -> h.execute(sql));
    return app.journal().audit().findings();
  }

  @Test
  void aPersonChangedOutsideHandoverIsNamed() {
    assertThat(tamper("UPDATE person_names SET family = 'Іваненко' WHERE person_id = " + ids[12]))
        .extracting(StateAudit.Finding::entityId, StateAudit.Finding::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(String.valueOf(ids[12]), StateAudit.Kind.CHANGED));
  }

  @Test
  void aMemberRemovedFromItsEntryIsNamedWithThePerson() {
    assertThat(tamper("DELETE FROM journal_members WHERE entity_id = '" + ids[3] + "'"))
        .extracting(StateAudit.Finding::entity, StateAudit.Finding::kind)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("person", StateAudit.Kind.UNJOURNALED),
            org.assertj.core.groups.Tuple.tuple("person-import", StateAudit.Kind.CHANGED));
  }

  @Test
  void aPersonSlippedInWithAMemberOfNoEntryIsNamed() {
    app.database()
        .jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "INSERT INTO journal_members (seq, entity, entity_id, state_digest) VALUES"
                      + " (999999, 'person', '424242', '2:00')");
            });
    assertThat(app.journal().audit().findings())
        .extracting(
            StateAudit.Finding::entity, StateAudit.Finding::entityId, StateAudit.Finding::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("person", "424242", StateAudit.Kind.UNJOURNALED));
  }

  @Test
  void aMemberForgedToCoverAChangeIsNamedByItsEntry() {
    // someone edits a person and rewrites its member's digest to match the edit
    app.database()
        .jdbi()
        .useHandle(
            h -> {
              h.execute("UPDATE persons SET notes = 'forged' WHERE id = " + ids[20]);
              h.execute(
                  "UPDATE journal_members m SET state_digest = '2:' || d.digest FROM ("
                      + PersonAudit.PERSONS.digests().replace("{and}", "")
                      + ") d WHERE d.id = m.entity_id AND m.entity_id = '"
                      + ids[20]
                      + "'");
            });
    assertThat(app.journal().audit().findings())
        .extracting(StateAudit.Finding::entity, StateAudit.Finding::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("person-import", StateAudit.Kind.CHANGED));
  }
}
