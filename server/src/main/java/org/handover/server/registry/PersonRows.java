package org.handover.server.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.handover.core.parties.Party;
import org.handover.core.registry.Category;
import org.handover.core.registry.Kind;
import org.handover.core.registry.Name;
import org.handover.core.registry.PartialDate;
import org.handover.core.registry.Person;
import org.handover.core.registry.Script;
import org.handover.core.registry.Sex;
import org.handover.core.registry.Status;
import org.handover.core.registry.StatusChange;
import org.handover.core.registry.StatusSource;
import org.handover.server.storage.Columns;
import org.handover.server.storage.CopyRows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** The SQL behind the registry: persons, their spellings, search words and status history. */
final class PersonRows {
  private PersonRows() {}

  static final String COLUMNS =
      "reference, kind, sex, birth_year, birth_month, birth_day, birth_place,"
          + " father_name, mother_maiden_name, citizenship, depends_on, service_number, service_number_key, reference_key, rank_title,"
          + " unit, last_residence, marks, person_to_inform, categories, status, holding_party, tracing_consent, notes,"
          + " display_name, sort_uk, sort_ru, sort_en";

  static long insert(Handle h, Person p, long now) {
    String values =
        Arrays.stream(COLUMNS.split(","))
            .map(c -> ":" + c.strip())
            .collect(Collectors.joining(", "));
    Update u =
        h.createUpdate(
            "INSERT INTO persons ("
                + COLUMNS
                + ", version, created_at, updated_at) VALUES ("
                + values
                + ", 1, :now, :now)");
    bind(u, p).bind("now", now);
    long id = u.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    writeNames(h, id, p);
    return id;
  }

  /**
   * Updates when the stored version is {@code version}; returns false when someone saved in
   * between.
   */
  static boolean update(Handle h, long id, int version, Person p, long now) {
    String sets =
        Arrays.stream(COLUMNS.split(","))
            .map(c -> c.strip() + " = :" + c.strip())
            .collect(Collectors.joining(", "));
    Update u =
        h.createUpdate(
            "UPDATE persons SET "
                + sets
                + ", version = version + 1, updated_at = :now"
                + " WHERE id = :id AND version = :version");
    bind(u, p).bind("now", now).bind("id", id).bind("version", version);
    if (u.execute() != 1) {
      return false;
    }
    h.createUpdate("DELETE FROM person_names WHERE person_id = :id").bind("id", id).execute();
    writeNames(h, id, p); // its search words in place of the old ones
    return true;
  }

  private static Update bind(Update u, Person p) {
    String display = p.primaryName().full();
    return u.bind("reference", p.reference())
        .bind("kind", p.kind().key())
        .bind("sex", p.sex().key())
        .bind("birth_year", p.birthDate().map(PartialDate::year).orElse(null))
        .bind("birth_month", p.birthDate().flatMap(PartialDate::month).orElse(null))
        .bind("birth_day", p.birthDate().flatMap(PartialDate::day).orElse(null))
        .bind("birth_place", p.birthPlace())
        .bind("father_name", p.fatherName())
        .bind("mother_maiden_name", p.motherMaidenName())
        .bind("citizenship", p.citizenship())
        .bind("depends_on", p.dependsOn().map(Party::key).orElse(null))
        .bind("service_number", p.serviceNumber())
        .bind("service_number_key", SearchKeys.serviceNumber(p.serviceNumber()))
        .bind("reference_key", SearchKeys.serviceNumber(p.reference()))
        .bind("rank_title", p.rank())
        .bind("unit", p.unit())
        .bind("last_residence", p.lastResidence())
        .bind("marks", p.marks())
        .bind("person_to_inform", p.personToInform())
        .bind("categories", categories(p))
        .bind("status", p.status().key())
        .bind("holding_party", p.holdingParty().map(Party::key).orElse(null))
        .bind("tracing_consent", p.tracingConsent())
        .bind("notes", p.notes())
        .bind("display_name", display.length() > 320 ? display.substring(0, 320) : display)
        .bind("sort_uk", SearchKeys.sortKey("uk", display))
        .bind("sort_ru", SearchKeys.sortKey("ru", display))
        .bind("sort_en", SearchKeys.sortKey("en", display));
  }

  /** The person's {@link #COLUMNS} as a COPY row's values, as {@link #bind} binds them. */
  static void copy(CopyRows row, Person p) {
    String display = p.primaryName().full();
    row.text(p.reference())
        .text(p.kind().key())
        .text(p.sex().key())
        .number(p.birthDate().map(PartialDate::year).orElse(null))
        .number(p.birthDate().flatMap(PartialDate::month).orElse(null))
        .number(p.birthDate().flatMap(PartialDate::day).orElse(null))
        .text(p.birthPlace())
        .text(p.fatherName())
        .text(p.motherMaidenName())
        .text(p.citizenship())
        .text(p.dependsOn().map(Party::key).orElse(null))
        .text(p.serviceNumber())
        .text(SearchKeys.serviceNumber(p.serviceNumber()))
        .text(SearchKeys.serviceNumber(p.reference()))
        .text(p.rank())
        .text(p.unit())
        .text(p.lastResidence())
        .text(p.marks())
        .text(p.personToInform())
        .text(categories(p))
        .text(p.status().key())
        .text(p.holdingParty().map(Party::key).orElse(null))
        .bool(p.tracingConsent())
        .text(p.notes())
        .text(display.length() > 320 ? display.substring(0, 320) : display)
        .bytes(SearchKeys.sortKey("uk", display))
        .bytes(SearchKeys.sortKey("ru", display))
        .bytes(SearchKeys.sortKey("en", display));
  }

  /** The categories as stored: their keys in order, by commas. */
  static String categories(Person p) {
    return p.categories().stream().map(Category::key).sorted().collect(Collectors.joining(","));
  }

  private static void writeNames(Handle h, long id, Person p) {
    var names =
        h.prepareBatch(
            "INSERT INTO person_names (person_id, position, script, system, family, given,"
                + " patronymic, source) VALUES (:id, :pos, :script, :system, :family, :given, :patronymic, :source)");
    for (int i = 0; i < p.names().size(); i++) {
      Name n = p.names().get(i);
      names
          .bind("id", id)
          .bind("pos", i)
          .bind("script", n.script().key())
          .bind("system", n.system())
          .bind("family", n.family())
          .bind("given", n.given())
          .bind("patronymic", n.patronymic())
          .bind("source", n.source())
          .add();
    }
    names.execute();
    SearchWords.store(h, id, SearchKeys.tokens(p));
  }

  /** A stored person with its version, for optimistic updates. */
  record Stored(Person person, int version) {}

  static Optional<Stored> find(Handle h, long id) {
    List<Name> names =
        h.createQuery("SELECT * FROM person_names WHERE person_id = :id ORDER BY position")
            .bind("id", id)
            .map(
                (rs, ctx) ->
                    new Name(
                        Script.fromKey(rs.getString("script")),
                        rs.getString("system"),
                        rs.getString("family"),
                        rs.getString("given"),
                        rs.getString("patronymic"),
                        rs.getString("source")))
            .list();
    if (names.isEmpty()) {
      return Optional.empty();
    }
    return h.createQuery("SELECT * FROM persons WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> new Stored(read(rs, names), rs.getInt("version")))
        .findOne();
  }

  private static Person read(ResultSet rs, List<Name> names) throws SQLException {
    Optional<PartialDate> birth = Columns.birthDate(rs);
    Set<Category> categories = EnumSet.noneOf(Category.class);
    for (String c : rs.getString("categories").split(",")) {
      if (!c.isEmpty()) {
        categories.add(Category.fromKey(c));
      }
    }
    return new Person(
        rs.getLong("id"),
        rs.getString("reference"),
        Kind.fromKey(rs.getString("kind")),
        names,
        Sex.fromKey(rs.getString("sex")),
        birth,
        rs.getString("birth_place"),
        rs.getString("father_name"),
        rs.getString("mother_maiden_name"),
        rs.getString("citizenship"),
        party(rs.getString("depends_on")),
        rs.getString("service_number"),
        rs.getString("rank_title"),
        rs.getString("unit"),
        rs.getString("last_residence"),
        rs.getString("marks"),
        rs.getString("person_to_inform"),
        categories,
        Status.fromKey(rs.getString("status")),
        party(rs.getString("holding_party")),
        rs.getBoolean("tracing_consent"),
        rs.getString("notes"));
  }

  private static Optional<Party> party(String key) {
    return key == null ? Optional.empty() : Optional.of(Party.fromKey(key));
  }

  static void addStatus(Handle h, long personId, StatusChange c) {
    h.createUpdate(
            "INSERT INTO status_history (person_id, status, since, source, note, recorded_by,"
                + " recorded_at) VALUES (:id, :status, :since, :source, :note, :by, :at)")
        .bind("id", personId)
        .bind("status", c.status().key())
        .bind("since", c.since())
        .bind("source", c.source().key())
        .bind("note", c.note())
        .bind("by", c.recordedBy())
        .bind("at", c.recordedAt().toEpochMilli())
        .execute();
  }

  static List<StatusChange> history(Handle h, long personId) {
    return h.createQuery("SELECT * FROM status_history WHERE person_id = :id ORDER BY since, id")
        .bind("id", personId)
        .map(
            (rs, ctx) ->
                new StatusChange(
                    Status.fromKey(rs.getString("status")),
                    rs.getObject("since", LocalDate.class),
                    StatusSource.fromKey(rs.getString("source")),
                    rs.getString("note"),
                    rs.getString("recorded_by"),
                    Instant.ofEpochMilli(rs.getLong("recorded_at"))))
        .list();
  }
}
