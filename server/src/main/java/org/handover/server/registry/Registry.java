package org.handover.server.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.registry.PartialDate;
import org.handover.core.registry.Person;
import org.handover.core.registry.PersonForm;
import org.handover.core.registry.StatusChange;
import org.handover.server.journal.Journal;
import org.handover.server.storage.StaleRecordException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The registry of persons: every change goes through here and is journaled in its own transaction.
 *
 * <pre>{@code
 * long id = registry.add(person, LocalDate.now(), "registrar1");
 * registry.update(id, version, changed, LocalDate.now(), "registrar1");
 * }</pre>
 */
public final class Registry {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Jdbi jdbi;
  private final Journal journal;
  private final Clock clock;

  public Registry(Jdbi jdbi, Journal journal, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.clock = clock;
  }

  /** Stores a new person with its first status, and journals it. Returns the id. */
  public long add(Person p, LocalDate statusSince, String actor) {
    return jdbi.inTransaction(h -> add(h, p, statusSince, actor));
  }

  /** Adds many persons in one transaction (demo data, imports): all or none. */
  public void addAll(List<Person> persons, LocalDate statusSince, String actor) {
    jdbi.useTransaction(h -> {
      for (Person p : persons) {
        add(h, p, statusSince, actor);
      }
    });
  }

  private long add(Handle h, Person p, LocalDate statusSince, String actor) {
    long now = clock.millis();
    long id = PersonRows.insert(h, p, now);
    PersonRows.addStatus(h, id, new StatusChange(p.status(), statusSince, "", actor, Instant.ofEpochMilli(now)));
    journal.append(h, actor, "person.create", "person", String.valueOf(id), "", json(p.withId(id)));
    return id;
  }

  /**
   * Replaces a person's fields when nobody saved since {@code version} was read; a new status is
   * added to the history as of {@code statusSince}.
   *
   * @throws StaleRecordException when the person changed since, or does not exist
   */
  public void update(long id, int version, Person changed, LocalDate statusSince, String actor) {
    jdbi.useTransaction(h -> {
      PersonRows.Stored before = PersonRows.find(h, id)
          .orElseThrow(() -> new StaleRecordException("person " + id + " does not exist"));
      Person after = changed.withId(id);
      long now = clock.millis();
      if (!PersonRows.update(h, id, version, after, now)) {
        throw new StaleRecordException("person " + id + " was changed by someone else since version " + version);
      }
      if (before.person().status() != after.status()) {
        PersonRows.addStatus(h, id, new StatusChange(after.status(), statusSince, "", actor, Instant.ofEpochMilli(now)));
      }
      journal.append(h, actor, "person.update", "person", String.valueOf(id), json(before.person()), json(after));
    });
  }

  /** A person as stored, with the version an edit must name. */
  public record Versioned(Person person, int version, List<StatusChange> history) {}

  public Optional<Versioned> find(long id) {
    return jdbi.withHandle(h -> PersonRows.find(h, id)
        .map(s -> new Versioned(s.person(), s.version(), PersonRows.history(h, id))));
  }

  /** One line of a search result. */
  public record Hit(long id, String name, String born, String serviceNumber, String reference, String status,
                    String kind) {}

  /** A page of hits, and how many there are in all. */
  public record Page(List<Hit> hits, long total, int page, int pageSize) {
    public long pages() {
      return total == 0 ? 1 : (total + pageSize - 1) / pageSize;
    }
  }

  /**
   * Finds persons by any spelling (each word a prefix of a word of some spelling, in its own script or
   * romanized), by date or year of birth, by service number or reference; sorted by the user's collation.
   */
  public Page search(Search s, String locale, int page, int pageSize) {
    String sortColumn = switch (locale) {
      case "uk" -> "sort_uk";
      case "ru" -> "sort_ru";
      default -> "sort_en";
    };
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> binds = new LinkedHashMap<>();
    if (!s.words().isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < s.words().size(); i++) {
        String w = s.words().get(i);
        String r = Search.romanized(w);
        parts.add("SELECT person_id FROM person_tokens WHERE token LIKE :w" + i
            + (r.equals(w) ? "" : " OR token LIKE :r" + i));
        binds.put("w" + i, escapeLike(w) + "%");
        binds.put("r" + i, escapeLike(r) + "%");
      }
      where.append(" AND p.id IN (").append(String.join(" INTERSECT ", parts)).append(")");
    }
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
      where.append(" AND (p.service_number_key = :n").append(i).append(" OR LOWER(p.reference) = :n").append(i).append(")");
      binds.put("n" + i, s.numbers().get(i));
    }
    int offset = Math.max(0, page - 1) * pageSize;
    return jdbi.withHandle(h -> {
      Query count = h.createQuery("SELECT COUNT(*) FROM persons p" + where);
      binds.forEach(count::bind);
      long total = count.mapTo(Long.class).one();
      Query q = h.createQuery("SELECT p.id, p.display_name, p.birth_year, p.birth_month, p.birth_day,"
          + " p.service_number, p.reference, p.status, p.kind FROM persons p" + where
          + " ORDER BY p." + sortColumn + ", p.id LIMIT :limit OFFSET :offset");
      binds.forEach(q::bind);
      List<Hit> hits = q.bind("limit", pageSize).bind("offset", offset).map((rs, ctx) -> {
        int y = rs.getInt("birth_year");
        String born = "";
        if (!rs.wasNull()) {
          int m = rs.getInt("birth_month");
          boolean hasM = !rs.wasNull();
          int d = rs.getInt("birth_day");
          boolean hasD = !rs.wasNull();
          born = new PartialDate(y, hasM ? Optional.of(m) : Optional.empty(), hasD ? Optional.of(d) : Optional.empty())
              .toString();
        }
        return new Hit(rs.getLong("id"), rs.getString("display_name"), born, rs.getString("service_number"),
            rs.getString("reference"), rs.getString("status"), rs.getString("kind"));
      }).list();
      return new Page(hits, total, Math.max(1, page), pageSize);
    });
  }

  public long count() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM persons").mapTo(Long.class).one());
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** The journal's picture of a person: the form's fields, in a fixed order, and the id. */
  static String json(Person p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.putAll(PersonForm.of(p));
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write person " + p.id() + " as JSON", e);
    }
  }
}
