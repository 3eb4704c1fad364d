package org.handover.server.remains;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.parties.Party;
import org.handover.core.registry.Status;
import org.handover.core.registry.StatusBasis;
import org.handover.core.registry.StatusSource;
import org.handover.core.remains.Death;
import org.handover.core.remains.Relation;
import org.handover.server.i18n.Days;
import org.handover.server.journal.Audited;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.registry.Registry;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What identification rests on beside the remains themselves: relatives' DNA reference samples, the
 * laboratory's reports comparing a case with a person, and a death in captivity recorded on the
 * person.
 */
public final class Evidence {
  static final Audited PERSONS =
      new Audited(
          "person-evidence",
          1,
          "SELECT p.id::text AS id, "
              + Audited.digest(
                  Audited.rows(
                      "s.id, s.donor, s.relation, s.lab_reference, s.taken_on, s.recorded_by,"
                          + " s.recorded_at",
                      "FROM dna_samples s WHERE s.person_id = p.id",
                      "s.id"),
                  Audited.rows(
                      "d.died_on, d.place, d.cause, d.certificate, d.grave, d.cremated,"
                          + " d.inquiry, d.notified_on, d.recorded_by, d.recorded_at",
                      "FROM captivity_deaths d WHERE d.person_id = p.id",
                      "d.person_id"),
                  Audited.rows(
                      "r.id, r.case_id, r.reference, r.on_date, r.conclusion, r.recorded_by,"
                          + " r.recorded_at",
                      "FROM dna_reports r WHERE r.person_id = p.id",
                      "r.id"))
              + " AS digest FROM persons p WHERE (EXISTS (SELECT 1 FROM dna_samples s WHERE"
              + " s.person_id = p.id) OR EXISTS (SELECT 1 FROM captivity_deaths d WHERE d.person_id"
              + " = p.id) OR EXISTS (SELECT 1 FROM dna_reports r WHERE r.person_id = p.id)) "
              + Audited.AND,
          "p.id = CAST(:id AS BIGINT)");

  private final Jdbi jdbi;
  private final Journal journal;
  private final Registry registry;
  private final Clock clock;

  public Evidence(Jdbi jdbi, Journal journal, Registry registry, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.registry = registry;
    this.clock = clock;
    journal.audit(PERSONS);
  }

  /** A relative's reference sample. */
  public record Sample(
      long id, String donor, Relation relation, String labReference, LocalDate on) {}

  /** A laboratory's report on a case and a person: a match, or an exclusion. */
  public record Report(
      long id, long caseId, long personId, String reference, LocalDate on, boolean match) {}

  private void person(Handle h, long personId) {
    if (h.createQuery("SELECT count(*) FROM persons WHERE id = :p AND merged_into IS NULL")
            .bind("p", personId)
            .mapTo(Long.class)
            .one()
        == 0) {
      throw new RemainsException("error.remains.no-person", String.valueOf(personId));
    }
  }

  private static String text(String s, int max, String missingKey) {
    String v = s == null ? "" : s.strip();
    if (v.isEmpty()) {
      throw new RemainsException(missingKey);
    }
    if (v.length() > max) {
      throw new RemainsException("error.remains.too-long", max);
    }
    return v;
  }

  private void notFuture(LocalDate on) {
    if (on.isAfter(LocalDate.now(clock))) {
      throw new RemainsException("error.remains.future", Days.written(on));
    }
  }

  public long sample(
      long personId,
      String donor,
      Relation relation,
      String labReference,
      LocalDate on,
      String actor) {
    String who = text(donor, 200, "error.dna.donor");
    String ref = text(labReference, 100, "error.dna.reference");
    notFuture(on);
    return jdbi.inTransaction(
        h -> {
          person(h, personId);
          long id =
              h.createUpdate(
                      "INSERT INTO dna_samples (person_id, donor, relation, lab_reference,"
                          + " taken_on, recorded_by, recorded_at) VALUES (:p, :d, :r, :ref, :on,"
                          + " :by, :at)")
                  .bind("p", personId)
                  .bind("d", who)
                  .bind("r", relation.key())
                  .bind("ref", ref)
                  .bind("on", on)
                  .bind("by", actor)
                  .bind("at", clock.millis())
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          journal.append(
              h,
              Change.by(actor, "dna.sample")
                  .on("person-evidence", String.valueOf(personId))
                  .now(Json.write(Map.of("relation", relation.key(), "lab_reference", ref))));
          return id;
        });
  }

  public long report(
      String tag, long personId, String reference, boolean match, LocalDate on, String actor) {
    String ref = text(reference, 100, "error.dna.reference");
    notFuture(on);
    return jdbi.inTransaction(
        h -> {
          Map<String, Object> c =
              h.createQuery("SELECT id, received_on FROM remains_cases WHERE tag = :t")
                  .bind("t", tag.strip())
                  .mapToMap()
                  .findOne()
                  .orElseThrow(() -> new RemainsException("error.remains.no-tag", tag));
          LocalDate received = ((java.sql.Date) c.get("received_on")).toLocalDate();
          if (on.isBefore(received)) {
            throw new RemainsException(
                "error.remains.before-receipt", Days.written(on), Days.written(received));
          }
          person(h, personId);
          long id =
              h.createUpdate(
                      "INSERT INTO dna_reports (case_id, person_id, reference, on_date, conclusion,"
                          + " recorded_by, recorded_at) VALUES (:c, :p, :ref, :on, :k, :by, :at)")
                  .bind("c", ((Number) c.get("id")).longValue())
                  .bind("p", personId)
                  .bind("ref", ref)
                  .bind("on", on)
                  .bind("k", match ? "match" : "exclusion")
                  .bind("by", actor)
                  .bind("at", clock.millis())
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          journal.append(
              h,
              Change.by(actor, "dna.report")
                  .on("person-evidence", String.valueOf(personId))
                  .now(
                      Json.write(
                          Map.of(
                              "tag",
                              tag.strip(),
                              "reference",
                              ref,
                              "conclusion",
                              match ? "match" : "exclusion"))));
          return id;
        });
  }

  /**
   * Records a death in captivity on the person, who becomes deceased resting on the holding side's
   * notification (or our own record when we held them).
   */
  public void death(long personId, Death d, Party own, String actor) {
    notFuture(d.diedOn());
    d.notifiedOn().ifPresent(this::notFuture);
    jdbi.useTransaction(
        h -> {
          person(h, personId);
          if (h.createQuery("SELECT count(*) FROM captivity_deaths WHERE person_id = :p")
                  .bind("p", personId)
                  .mapTo(Long.class)
                  .one()
              > 0) {
            throw new RemainsException("error.death.twice", String.valueOf(personId));
          }
          Registry.Standing before = registry.standing(h, personId);
          if (before.status() != Status.CAPTIVE && before.status() != Status.DETAINED) {
            throw new RemainsException("error.death.not-held", String.valueOf(personId));
          }
          h.createUpdate(
                  "INSERT INTO captivity_deaths (person_id, died_on, place, cause, certificate,"
                      + " grave, cremated, inquiry, notified_on, recorded_by, recorded_at) VALUES"
                      + " (:p, :on, :place, :cause, :cert, :grave, :cremated, :inquiry,"
                      + " :notified, :by, :at)")
              .bind("p", personId)
              .bind("on", d.diedOn())
              .bind("place", d.place())
              .bind("cause", d.cause())
              .bind("cert", d.certificate())
              .bind("grave", d.grave())
              .bind("cremated", d.cremated())
              .bind("inquiry", d.inquiry())
              .bind("notified", d.notifiedOn().orElse(null))
              .bind("by", actor)
              .bind("at", clock.millis())
              .execute();
          boolean ours = before.holder().map(own::equals).orElse(false);
          registry.changeStatus(
              h,
              personId,
              Status.DECEASED,
              StatusBasis.noted(
                  d.diedOn(),
                  ours || d.notifiedOn().isEmpty()
                      ? StatusSource.UNSTATED
                      : StatusSource.NOTIFICATION,
                  d.certificate()), // the source says what it is; notes are shown in every language
              actor);
          Map<String, Object> now = new LinkedHashMap<>();
          now.put("died_on", d.diedOn().toString());
          now.put("place", d.place());
          now.put("cause", d.cause());
          journal.append(
              h,
              Change.by(actor, "death.record")
                  .on("person-evidence", String.valueOf(personId))
                  .now(Json.write(now)));
        });
  }

  public List<Sample> samples(long personId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM dna_samples WHERE person_id = :p ORDER BY id")
                .bind("p", personId)
                .map(
                    (rs, ctx) ->
                        new Sample(
                            rs.getLong("id"),
                            rs.getString("donor"),
                            Relation.fromKey(rs.getString("relation")),
                            rs.getString("lab_reference"),
                            rs.getObject("taken_on", LocalDate.class)))
                .list());
  }

  public List<Report> reports(long caseId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM dna_reports WHERE case_id = :c ORDER BY id")
                .bind("c", caseId)
                .map(
                    (rs, ctx) ->
                        new Report(
                            rs.getLong("id"),
                            rs.getLong("case_id"),
                            rs.getLong("person_id"),
                            rs.getString("reference"),
                            rs.getObject("on_date", LocalDate.class),
                            rs.getString("conclusion").equals("match")))
                .list());
  }

  public Optional<Death> death(long personId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM captivity_deaths WHERE person_id = :p")
                .bind("p", personId)
                .map(
                    (rs, ctx) ->
                        new Death(
                            rs.getObject("died_on", LocalDate.class),
                            rs.getString("place"),
                            rs.getString("cause"),
                            rs.getString("certificate"),
                            rs.getString("grave"),
                            rs.getBoolean("cremated"),
                            rs.getString("inquiry"),
                            Optional.ofNullable(rs.getObject("notified_on", LocalDate.class))))
                .findOne());
  }

  /**
   * Persons whose relatives' DNA reference samples have served: identified (by a primary method,
   * not revoked) on or before {@code cutoff}. DNA serves identification only.
   */
  public List<Long> samplesServed(LocalDate cutoff) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT DISTINCT s.person_id FROM dna_samples s WHERE "
                        + IDENTIFIED
                        + " ORDER BY s.person_id")
                .bind("cutoff", cutoff)
                .mapTo(Long.class)
                .list());
  }

  /**
   * The person of sample {@code s} stands identified by a primary method (DNA, fingerprints,
   * dental), not revoked, on or before {@code :cutoff}; a sample taken after that date is kept.
   */
  private static final String IDENTIFIED =
      "s.taken_on <= :cutoff AND EXISTS (SELECT 1 FROM remains_identifications i JOIN"
          + " remains_cases c ON c.id = i.case_id AND c.status = 'identified' WHERE i.person_id ="
          + " s.person_id AND i.revoked_on IS NULL AND i.on_date <= :cutoff AND i.methods ~"
          + " '(^|,)(dna|fingerprints|dental)(,|$)')";

  /**
   * Deletes a person's DNA reference samples whose retention period is over on {@code cutoff},
   * checked again in the deleting transaction; journaled.
   */
  public int forgetSamples(long personId, LocalDate cutoff, String retention, String actor) {
    return jdbi.inTransaction(
        h -> {
          int n =
              h.createUpdate("DELETE FROM dna_samples s WHERE s.person_id = :p AND " + IDENTIFIED)
                  .bind("p", personId)
                  .bind("cutoff", cutoff)
                  .execute();
          if (n > 0) {
            journal.append(
                h,
                Change.by(actor, "retention.delete")
                    .on("person-evidence", String.valueOf(personId))
                    .now(
                        Json.write(
                            Map.of(
                                "deleted", "dna-samples", "samples", n, "retention", retention))));
          }
          return n;
        });
  }
}
