package org.handover.server.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.handover.core.registry.Name;
import org.handover.core.registry.Script;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Keeps the search words current: when the way {@link SearchKeys} makes them has changed since they
 * were stored, they are rebuilt from the stored spellings. Derived data only, so not journaled.
 */
public final class SearchIndex {
  private static final String SETTING = "search_tokens";
  private static final int BATCH = 2000;

  private SearchIndex() {}

  /**
   * Rebuilds the tokens if they were made by another version; returns how many persons were
   * reindexed.
   */
  public static long ensureCurrent(Jdbi jdbi) {
    Optional<String> stored =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT setting_value FROM settings WHERE setting_name = :n")
                    .bind("n", SETTING)
                    .mapTo(String.class)
                    .findOne());
    if (stored.isPresent() && stored.get().equals(SearchKeys.VERSION)) {
      return 0;
    }
    return jdbi.inTransaction(
        h -> {
          // emptied rather than deleted from, so that no search reads past a million dead rows;
          // the words themselves stay: see SearchWords
          h.execute("TRUNCATE person_words");
          h.createQuery("SELECT id, reference FROM persons WHERE reference <> ''")
              .map(
                  (rs, ctx) ->
                      h.createUpdate("UPDATE persons SET reference_key = :k WHERE id = :id")
                          .bind("k", SearchKeys.serviceNumber(rs.getString("reference")))
                          .bind("id", rs.getLong("id"))
                          .execute())
              .forEach(x -> {});
          long done = 0;
          long after = 0;
          while (true) {
            Map<Long, List<Name>> names = new TreeMap<>();
            h.createQuery(
                    "SELECT n.* FROM person_names n WHERE n.person_id IN (SELECT id FROM persons WHERE id > :after AND merged_into IS NULL"
                        + " ORDER BY id LIMIT :batch) ORDER BY n.person_id, n.position")
                .bind("after", after)
                .bind("batch", BATCH)
                .map(
                    (rs, ctx) -> {
                      names
                          .computeIfAbsent(rs.getLong("person_id"), k -> new ArrayList<>())
                          .add(
                              new Name(
                                  Script.fromKey(rs.getString("script")),
                                  rs.getString("system"),
                                  rs.getString("family"),
                                  rs.getString("given"),
                                  rs.getString("patronymic"),
                                  rs.getString("source")));
                      return 0;
                    })
                .forEach(x -> {});
            if (names.isEmpty()) {
              break;
            }
            write(h, names);
            done += names.size();
            after = ((TreeMap<Long, List<Name>>) names).lastKey();
          }
          h.createUpdate("DELETE FROM settings WHERE setting_name = :n")
              .bind("n", SETTING)
              .execute();
          h.createUpdate("INSERT INTO settings (setting_name, setting_value) VALUES (:n, :v)")
              .bind("n", SETTING)
              .bind("v", SearchKeys.VERSION)
              .execute();
          return done;
        });
  }

  private static void write(Handle h, Map<Long, List<Name>> names) {
    Map<Long, Set<String>> words = new TreeMap<>();
    names.forEach((id, list) -> words.put(id, SearchKeys.tokens(list)));
    SearchWords.store(h, words);
  }
}
