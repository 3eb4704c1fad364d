package org.handover.server.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.handover.core.Keys;
import org.handover.core.registry.ReleaseFacts;
import org.handover.server.journal.Audited;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.storage.Json;
import org.handover.server.storage.StaleRecordException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** A held person's release facts: stored, journaled, audited. */
public final class ReleaseFactsStore {
  public static final Audited AUDITED =
      new Audited(
          "release-facts",
          1,
          "SELECT r.person_id::text AS id, "
              + Audited.digest(
                  Audited.row(
                      "r.person_id, r.captured_on, r.captured_at, r.consent, r.consent_on,"
                          + " r.repatriation_decided_on, r.repatriation_by,"
                          + " r.repatriation_reference, r.obstacle, r.note, r.updated_by,"
                          + " r.updated_at"))
              + " AS digest FROM release_facts r WHERE TRUE "
              + Audited.AND,
          "r.person_id = CAST(:id AS BIGINT)");

  private final Jdbi jdbi;
  private final Journal journal;
  private final Clock clock;

  ReleaseFactsStore(Jdbi jdbi, Journal journal, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.clock = clock;
    journal.audit(AUDITED);
  }

  /** The person's facts; {@link ReleaseFacts#none()} when nothing is recorded. */
  public ReleaseFacts of(long personId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM release_facts WHERE person_id = :p")
                .bind("p", personId)
                .map((rs, ctx) -> read(rs))
                .findOne()
                .orElse(ReleaseFacts.none()));
  }

  /** Replaces the person's facts, journaled with what they were. */
  public void save(long personId, ReleaseFacts f, String actor) {
    jdbi.useTransaction(h -> save(h, personId, f, actor));
  }

  void save(Handle h, long personId, ReleaseFacts f, String actor) {
    if (h.createQuery("SELECT count(*) FROM persons WHERE id = :p")
            .bind("p", personId)
            .mapTo(Long.class)
            .one()
        == 0) {
      throw new StaleRecordException("person " + personId + " does not exist");
    }
    Optional<ReleaseFacts> before =
        h.createQuery("SELECT * FROM release_facts WHERE person_id = :p FOR UPDATE")
            .bind("p", personId)
            .map((rs, ctx) -> read(rs))
            .findOne();
    h.createUpdate("DELETE FROM release_facts WHERE person_id = :p").bind("p", personId).execute();
    h.createUpdate(
            "INSERT INTO release_facts (person_id, captured_on, captured_at, consent,"
                + " consent_on, repatriation_decided_on, repatriation_by,"
                + " repatriation_reference, obstacle, note, updated_by, updated_at) VALUES"
                + " (:p, :capturedOn, :capturedAt, :consent, :consentOn, :decidedOn, :by,"
                + " :reference, :obstacle, :note, :actor, :at)")
        .bind("p", personId)
        .bind("capturedOn", f.capturedOn().orElse(null))
        .bind("capturedAt", f.capturedAt())
        .bind("consent", f.consent().key())
        .bind("consentOn", f.consentOn().orElse(null))
        .bind("decidedOn", f.repatriation().map(ReleaseFacts.Repatriation::decidedOn).orElse(null))
        .bind("by", f.repatriation().map(r -> r.by().key()).orElse(null))
        .bind("reference", f.repatriation().map(ReleaseFacts.Repatriation::reference).orElse(""))
        .bind("obstacle", f.obstacle().map(ReleaseFacts.Obstacle::key).orElse(null))
        .bind("note", f.note())
        .bind("actor", actor)
        .bind("at", clock.millis())
        .execute();
    journal.append(
        h,
        Change.by(actor, "person.release-facts")
            .on("release-facts", String.valueOf(personId))
            .was(before.map(ReleaseFactsStore::json).orElse(""))
            .now(json(f)));
  }

  static String json(ReleaseFacts f) {
    Map<String, Object> m = new LinkedHashMap<>();
    f.capturedOn().ifPresent(d -> m.put("captured_on", d.toString()));
    m.put("captured_at", f.capturedAt());
    m.put("consent", f.consent().key());
    f.consentOn().ifPresent(d -> m.put("consent_on", d.toString()));
    f.repatriation()
        .ifPresent(
            r -> {
              m.put("repatriation_decided_on", r.decidedOn().toString());
              m.put("repatriation_by", r.by().key());
              m.put("repatriation_reference", r.reference());
            });
    f.obstacle().ifPresent(o -> m.put("obstacle", o.key()));
    m.put("note", f.note());
    return Json.write(m);
  }

  static ReleaseFacts read(ResultSet rs) throws SQLException {
    Optional<LocalDate> decidedOn = date(rs, "repatriation_decided_on");
    Optional<ReleaseFacts.Repatriation> repatriation = Optional.empty();
    if (decidedOn.isPresent()) {
      String by = rs.getString("repatriation_by");
      repatriation =
          Optional.of(
              new ReleaseFacts.Repatriation(
                  decidedOn.get(),
                  Keys.parse(ReleaseFacts.DecidedBy.class, by == null ? "commission" : by, "by"),
                  rs.getString("repatriation_reference")));
    }
    String obstacle = rs.getString("obstacle");
    return new ReleaseFacts(
        date(rs, "captured_on"),
        rs.getString("captured_at"),
        Keys.parse(ReleaseFacts.Consent.class, rs.getString("consent"), "consent"),
        date(rs, "consent_on"),
        repatriation,
        obstacle == null
            ? Optional.empty()
            : Optional.of(Keys.parse(ReleaseFacts.Obstacle.class, obstacle, "obstacle")),
        rs.getString("note"));
  }

  private static Optional<LocalDate> date(ResultSet rs, String column) throws SQLException {
    java.sql.Date d = rs.getDate(column);
    return d == null ? Optional.empty() : Optional.of(d.toLocalDate());
  }
}
