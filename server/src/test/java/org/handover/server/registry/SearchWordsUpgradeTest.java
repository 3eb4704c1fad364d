package org.handover.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.handover.core.registry.Name;
import org.handover.core.registry.Script;
import org.handover.server.App;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.Test;

/** A registry whose search words were stored whole is found by the same words after the upgrade. */
class SearchWordsUpgradeTest {
  @Test
  void theSearchWordsStoredWholeAreNumberedByTheUpgradeAndFoundAsBefore() {
    String url = TestDatabases.postgres();
    Set<String> words =
        SearchKeys.tokens(List.of(new Name(Script.UK, "", "Ковальчук", "Юрій", "Петрович", "")));
    try (Database before = Database.createAt(url, "36")) {
      before
          .jdbi()
          .useHandle(
              h -> {
                // a person as the code before stored him: his row, spelling and words, current
                h.execute(
                    "INSERT INTO persons (id, kind, sex, status, display_name, sort_uk, sort_ru,"
                        + " sort_en, created_at, updated_at) VALUES (7, 'service-member', 'male',"
                        + " 'missing', 'Ковальчук Юрій Петрович', '\\x00', '\\x00', '\\x00', 0, 0)");
                h.execute(
                    "INSERT INTO person_names (person_id, position, script, family, given,"
                        + " patronymic) VALUES (7, 0, 'uk', 'Ковальчук', 'Юрій', 'Петрович')");
                for (String w : words) {
                  h.createUpdate("INSERT INTO person_tokens (token, person_id) VALUES (:w, 7)")
                      .bind("w", w)
                      .execute();
                }
                h.execute(
                    "INSERT INTO settings (setting_name, setting_value) VALUES ('search_tokens', '"
                        + SearchKeys.VERSION
                        + "')");
              });
    }
    try (App app = new App(Database.open(url), Clock.systemUTC())) {
      // the words moved, not made again: the setting said they were current
      Set<String> moved =
          app.database()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT w.word FROM person_words pw JOIN search_words w ON"
                                  + " w.id = ANY(pw.word_ids) WHERE pw.person_id = 7")
                          .mapTo(String.class)
                          .set());
      assertThat(moved).isEqualTo(words).contains("ковальчук", "kovalchuk");
      for (String typed : List.of("Kovalchuk Yurii", "Ковальч", "KOVALCHUK")) {
        assertThat(app.registry().search(Search.parse(typed), "uk", 1, 10).hits())
            .as(typed)
            .extracting(Registry.Hit::id)
            .containsExactly(7L);
      }
    }
  }
}
