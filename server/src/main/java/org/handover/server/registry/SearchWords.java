package org.handover.server.registry;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The numbers of search words ({@code search_words}): a person's words are stored as one array of
 * their numbers ({@code person_words}, found by its inverted index), each word once. Words are
 * never removed (a number another transaction holds stays good); one no person has any more is a
 * row of no weight.
 */
final class SearchWords {
  private SearchWords() {}

  /** Each word's number, the words not yet kept added, in the handle's transaction. */
  static Map<String, Integer> ids(Handle h, Collection<String> asked) {
    Set<String> words = new HashSet<>(asked);
    Map<String, Integer> out = new HashMap<>();
    if (words.isEmpty()) {
      return out;
    }
    find(h, words, out);
    if (out.size() < words.size()) {
      // only the missing: each try draws a number, found or not. A word another transaction is
      // adding waits for it, then is found; added in order, so two loads never wait in a circle
      String[] missing = words.stream().filter(w -> !out.containsKey(w)).toArray(String[]::new);
      h.createUpdate(
              "INSERT INTO search_words (word) SELECT w FROM unnest(:words) AS w ORDER BY w"
                  + " ON CONFLICT (word) DO NOTHING")
          .bindArray("words", String.class, (Object[]) missing)
          .execute();
      find(h, List.of(missing), out);
    }
    if (out.size() < words.size()) {
      throw new IllegalStateException("search words could not be numbered"); // none is removed
    }
    return out;
  }

  private static void find(Handle h, Collection<String> words, Map<String, Integer> out) {
    h.createQuery("SELECT id, word FROM search_words WHERE word = ANY(:words)")
        .bindArray("words", String.class, words.toArray())
        .map((rs, ctx) -> out.put(rs.getString("word"), rs.getInt("id")))
        .forEach(previous -> {});
  }

  /** Stores the person's words by their numbers. */
  static void store(Handle h, long personId, Set<String> words) {
    store(h, Map.of(personId, words));
  }

  /**
   * Stores each person's words by their numbers (in place of those stored before), the numbers
   * looked up once for all.
   */
  static void store(Handle h, Map<Long, ? extends Set<String>> words) {
    Set<String> all = new HashSet<>();
    words.values().forEach(all::addAll);
    Map<String, Integer> ids = ids(h, all);
    var batch =
        h.prepareBatch(
            "INSERT INTO person_words (person_id, word_ids) VALUES (:p, :w) ON CONFLICT"
                + " (person_id) DO UPDATE SET word_ids = EXCLUDED.word_ids");
    words.forEach(
        (p, ws) -> {
          if (ws.isEmpty()) {
            remove(h, p);
          } else {
            batch.bind("p", p).bindArray("w", Integer.class, (Object[]) numbers(ws, ids)).add();
          }
        });
    if (batch.size() > 0) {
      batch.execute();
    }
  }

  /** The words' numbers, in order (as an array's text for COPY, or bound). */
  static Integer[] numbers(Set<String> words, Map<String, Integer> ids) {
    Integer[] numbers = new Integer[words.size()];
    int i = 0;
    for (String w : words) {
      numbers[i++] = ids.get(w);
    }
    Arrays.sort(numbers);
    return numbers;
  }

  /** Removes the person's words (the words themselves stay, for others). */
  static void remove(Handle h, long personId) {
    h.createUpdate("DELETE FROM person_words WHERE person_id = :id").bind("id", personId).execute();
  }
}
