package org.handover.server.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.handover.core.registry.PartialDate;
import org.handover.server.storage.Columns;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Runs a {@link Search}. Without name words, one SQL query filters and pages through the sort-key
 * index. With name words, the persons are first found through the token index, word by word, and
 * sorted by their collation keys in memory, and only the page shown is read: a planner otherwise
 * walks the whole sort index and probes the tokens for every person.
 */
final class PersonFinder {
  private static final int CHUNK = 500;
  private static final String COLUMNS =
      "p.id, p.display_name, p.birth_year, p.birth_month, p.birth_day,"
          + " p.service_number, p.reference, p.status, p.kind";

  private PersonFinder() {}

  static Registry.Page find(Handle h, Search s, String locale, int page, int pageSize) {
    String sortColumn =
        switch (locale) {
          case "uk" -> "sort_uk";
          case "ru" -> "sort_ru";
          default -> "sort_en";
        };
    Map<String, Object> binds = new LinkedHashMap<>();
    String filters = filters(s, binds);
    if (s.words().isEmpty()) {
      Query count = h.createQuery("SELECT COUNT(*) FROM persons p WHERE 1 = 1" + filters);
      binds.forEach(count::bind);
      long total = count.mapTo(Long.class).one();
      Query q =
          h.createQuery(
              "SELECT "
                  + COLUMNS
                  + " FROM persons p WHERE 1 = 1"
                  + filters
                  + " ORDER BY p."
                  + sortColumn
                  + ", p.id LIMIT :limit OFFSET :offset");
      binds.forEach(q::bind);
      List<Registry.Hit> hits =
          q.bind("limit", pageSize)
              .bind("offset", (page - 1) * pageSize)
              .map((rs, ctx) -> hit(rs))
              .list();
      return new Registry.Page(hits, total, page, pageSize);
    }
    // ids from the token index alone, then their sort keys (and the filters) by primary key: a join
    // lets the planner start from the birth-year or sort index and probe tokens person by person
    List<Long> ids = new ArrayList<>(idsWithEveryWord(h, s.words()));
    Map<Long, byte[]> keys = new HashMap<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      Query q =
          h.createQuery(
              "SELECT p.id, p."
                  + sortColumn
                  + " AS sort_key FROM persons p WHERE p.id IN (<ids>)"
                  + filters);
      binds.forEach(q::bind);
      q.bindList("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
          .map((rs, ctx) -> keys.put(rs.getLong("id"), rs.getBytes("sort_key")))
          .forEach(x -> {});
    }
    List<Map.Entry<Long, byte[]>> sorted = new ArrayList<>(keys.entrySet());
    sorted.sort(
        Map.Entry.<Long, byte[]>comparingByValue(Arrays::compareUnsigned)
            .thenComparing(Map.Entry.comparingByKey()));
    int from = Math.min(sorted.size(), (page - 1) * pageSize);
    List<Long> pageIds =
        sorted.subList(from, Math.min(sorted.size(), from + pageSize)).stream()
            .map(Map.Entry::getKey)
            .toList();
    Map<Long, Registry.Hit> rows = new HashMap<>();
    if (!pageIds.isEmpty()) {
      h.createQuery("SELECT " + COLUMNS + " FROM persons p WHERE p.id IN (<ids>)")
          .bindList("ids", pageIds)
          .map((rs, ctx) -> hit(rs))
          .forEach(hit -> rows.put(hit.id(), hit));
    }
    return new Registry.Page(
        pageIds.stream().map(rows::get).toList(), sorted.size(), page, pageSize);
  }

  /** Persons with a word starting with each of the words (as typed, or any spelling of it). */
  private static Set<Long> idsWithEveryWord(Handle h, List<String> words) {
    Set<Long> ids = null;
    String name = String.join(" ", words);
    for (String w : words) {
      // the numbers of the words it starts, then their persons by the arrays' inverted index: a
      // join planned before a fresh registry's statistics read every word's persons
      Set<Integer> numbers = new HashSet<>();
      for (String variant : SearchKeys.variants(w, name)) {
        numbers.addAll(
            h.createQuery("SELECT id FROM search_words WHERE word LIKE :w")
                .bind("w", escapeLike(variant) + "%")
                .mapTo(Integer.class)
                .list());
      }
      Set<Long> found = withAnyWord(h, numbers);
      if (ids == null) {
        ids = found;
      } else {
        ids.retainAll(found);
      }
      if (ids.isEmpty()) {
        break;
      }
    }
    return ids == null ? Set.of() : ids;
  }

  private static String filters(Search s, Map<String, Object> binds) {
    StringBuilder where =
        new StringBuilder(
            " AND p.merged_into IS NULL"); // a merged record lives on in the one it became
    if (s.born().isPresent()) {
      PartialDate b = s.born().get();
      where.append(" AND p.birth_year = :year");
      binds.put("year", b.year());
      if (b.month().isPresent()) {
        where.append(" AND p.birth_month = :month");
        binds.put("month", b.month().get());
      }
      if (b.day().isPresent()) {
        where.append(" AND p.birth_day = :day");
        binds.put("day", b.day().get());
      }
    }
    for (int i = 0; i < s.numbers().size(); i++) {
      where
          .append(" AND (p.service_number_key = :n")
          .append(i)
          .append(" OR p.reference_key = :n")
          .append(i)
          .append(")");
      binds.put("n" + i, s.numbers().get(i));
    }
    return where.toString();
  }

  private static Registry.Hit hit(ResultSet rs) throws SQLException {
    String born = Columns.birthDate(rs).map(PartialDate::toString).orElse("");
    return new Registry.Hit(
        rs.getLong("id"),
        rs.getString("display_name"),
        born,
        rs.getString("service_number"),
        rs.getString("reference"),
        rs.getString("status"),
        rs.getString("kind"));
  }

  /**
   * Persons holding any of the words. Each word is asked of the index on its own, the answers
   * OR-ed: asked for thirty words at once, the index walked them side by side (78 ms at a million
   * for what this takes in 5; a first letter's 1,545 words 250 ms, where that took seconds). The
   * words go up to {@value #PER_QUERY} to a query whose text is one of seven (1, 2, 4 ... 64 words,
   * the last repeated to fill it), so that no statement is made and cached per prefix.
   */
  private static Set<Long> withAnyWord(Handle h, Set<Integer> numbers) {
    if (numbers.isEmpty()) {
      return new HashSet<>();
    }
    List<Integer> all = new ArrayList<>(numbers);
    return h.inTransaction(
        t -> {
          // never a scan of every person testing each word: planned so before the table has
          // statistics, 200 words took 14 s at a million (85 ms by the index). Reset at the end: a
          // caller's transaction, if any, goes on as it was
          t.execute("SET LOCAL enable_seqscan = off");
          Set<Long> found = new HashSet<>();
          for (int from = 0; from < all.size(); from += PER_QUERY) {
            List<Integer> some = all.subList(from, Math.min(all.size(), from + PER_QUERY));
            // the fewest arms that hold them (a full name's word has one to three numbers: 64
            // index scans of the same number tripled the p95 of a search by family and given name)
            int arms = Integer.highestOneBit(some.size() * 2 - 1);
            Query q = t.createQuery(anyWord(arms));
            for (int i = 0; i < arms; i++) {
              q.bind("w" + i, some.get(Math.min(i, some.size() - 1)));
            }
            found.addAll(q.mapTo(Long.class).list());
          }
          t.execute("SET LOCAL enable_seqscan TO DEFAULT");
          return found;
        });
  }

  /** Words per query at most: a power of two, as every query's number of arms. */
  private static final int PER_QUERY = 64;

  /** The query of so many words, one index scan each. */
  private static String anyWord(int arms) {
    return "SELECT person_id FROM person_words WHERE "
        + String.join(
            " OR ",
            IntStream.range(0, arms)
                .mapToObj(i -> "word_ids && ARRAY[CAST(:w" + i + " AS integer)]")
                .toList());
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
