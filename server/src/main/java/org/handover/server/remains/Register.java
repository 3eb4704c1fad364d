package org.handover.server.remains;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.handover.core.parties.Party;
import org.handover.core.registry.Status;
import org.handover.core.registry.StatusBasis;
import org.handover.core.registry.StatusSource;
import org.handover.core.remains.Identification;
import org.handover.core.remains.Method;
import org.handover.core.remains.Place;
import org.handover.server.i18n.Days;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.registry.Registry;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The cases of the register and what happens to them: custody moves, identifications and their
 * revocation, the family's notification. Each in one transaction with its journal entry and the
 * person's status: deceased once identified, remains returned once with the family.
 */
public final class Register {
  private final Jdbi jdbi;
  private final Journal journal;
  private final Registry registry;
  private final Clock clock;

  public Register(Jdbi jdbi, Journal journal, Registry registry, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.registry = registry;
    this.clock = clock;
    journal.audit(RemainsAudit.TRANSFERS);
    journal.audit(RemainsAudit.CASES);
  }

  /**
   * Remains a party moved under a provision of an agreement: the cases received from it in the
   * provision's transfers, or the bodies it handed over in them.
   */
  public long moved(long agreement, int provision, Party from) {
    return jdbi.withHandle(h -> moved(h, agreement, provision, from, LocalDate.of(9999, 12, 31)));
  }

  /** {@link #moved(long, int, Party)} up to a day, in a caller's transaction. */
  public static long moved(Handle h, long agreement, int provision, Party from, LocalDate until) {
    return h.createQuery(
            "SELECT (SELECT count(*) FROM remains_cases k JOIN remains_transfers t ON t.id ="
                + " k.transfer_id WHERE t.direction = 'in' AND t.from_party = :p AND"
                + " t.agreement_id = :a AND t.provision = :n AND t.on_date <= :until) + (SELECT"
                + " coalesce(sum(t.bodies), 0) FROM remains_transfers t WHERE t.direction = 'out'"
                + " AND t.from_party = :p AND t.agreement_id = :a AND t.provision = :n AND"
                + " t.on_date <= :until)")
        .bind("p", from.code())
        .bind("a", agreement)
        .bind("n", provision)
        .bind("until", until)
        .mapTo(Long.class)
        .one();
  }

  /** A case by its tag (as written on body, bag, effects and grave). */
  public Optional<RemainsCase> byTag(String tag) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id FROM remains_cases WHERE tag = :t")
                .bind("t", tag.strip())
                .mapTo(Long.class)
                .findOne()
                .flatMap(id -> CaseRows.find(h, id)));
  }

  public Optional<RemainsCase> find(long id) {
    return jdbi.withHandle(h -> CaseRows.find(h, id));
  }

  private RemainsCase existing(Handle h, String tag) {
    return h.createQuery("SELECT id FROM remains_cases WHERE tag = :t FOR UPDATE")
        .bind("t", tag.strip())
        .mapTo(Long.class)
        .findOne()
        .flatMap(id -> CaseRows.find(h, id))
        .orElseThrow(() -> new RemainsException("error.remains.no-tag", tag));
  }

  private void notFuture(LocalDate on) {
    if (on.isAfter(LocalDate.now(clock))) {
      throw new RemainsException("error.remains.future", Days.written(on));
    }
  }

  /**
   * Records that a case was identified with a person, and what that establishes: identified (a
   * primary method) makes the person deceased; secondary methods alone only presume.
   *
   * @return the case's status after it
   * @throws RemainsException for a date before receipt or in the future, a person who does not
   *     exist, or a case identified with someone else while that identification stands
   */
  public Identification.Status identify(
      String tag, long personId, Set<Method> methods, String act, LocalDate on, String actor) {
    Identification proposed =
        new Identification(0, personId, methods, act, on, actor, Optional.empty());
    notFuture(on);
    return jdbi.inTransaction(
        h -> {
          RemainsCase c = existing(h, tag);
          if (on.isBefore(c.receivedOn())) {
            throw new RemainsException(
                "error.remains.before-receipt", Days.written(on), Days.written(c.receivedOn()));
          }
          if (h.createQuery("SELECT count(*) FROM persons WHERE id = :p AND merged_into IS NULL")
                  .bind("p", personId)
                  .mapTo(Long.class)
                  .one()
              == 0) {
            throw new RemainsException("error.remains.no-person", String.valueOf(personId));
          }
          if (c.dispute().isPresent()) {
            throw new RemainsException("error.remains.disputed-case", tag);
          }
          for (Identification other : c.standing()) {
            if (other.personId() != personId) {
              throw new RemainsException(
                  "error.remains.identified-to", tag, String.valueOf(other.personId()));
            }
          }
          Identification.Status status = strongest(c.standing(), proposed);
          Registry.Standing before = registry.standing(h, personId);
          boolean moves =
              status == Identification.Status.IDENTIFIED
                  && before.status() != Status.DECEASED
                  && before.status() != Status.REMAINS_RETURNED;
          h.createUpdate(
                  "INSERT INTO remains_identifications (case_id, person_id, methods, act, on_date,"
                      + " identified_by, status_before, held_by_before, recorded_at) VALUES (:c,"
                      + " :p, :m, :act, :on, :by, :sb, :hb, :at)")
              .bind("c", c.id())
              .bind("p", personId)
              .bind("m", keys(proposed.methods()))
              .bind("act", proposed.act())
              .bind("on", on)
              .bind("by", actor)
              .bind("sb", moves ? before.status().key() : null)
              .bind("hb", moves ? before.holder().map(Party::code).orElse(null) : null)
              .bind("at", clock.millis())
              .execute();
          setStatus(h, c.id(), status);
          if (moves) {
            boolean withFamily = c.where().map(w -> w.place() == Place.FAMILY).orElse(false);
            registry.changeStatus(
                h,
                personId,
                withFamily ? Status.REMAINS_RETURNED : Status.DECEASED,
                StatusBasis.noted(on, StatusSource.REMAINS, remainsNote(tag, act)),
                actor);
          }
          Map<String, Object> now = new LinkedHashMap<>();
          now.put("tag", c.tag());
          now.put("person", personId);
          now.put("methods", keys(proposed.methods()));
          now.put("act", proposed.act());
          now.put("on", on.toString());
          now.put("status", status.key());
          journal.append(
              h,
              Change.by(actor, "remains.identify")
                  .on("remains-case", String.valueOf(c.id()))
                  .was(c.status().key())
                  .now(Json.write(now)));
          return status;
        });
  }

  private static String remainsNote(String tag, String act) {
    // language-neutral: the source says it is the remains register
    return (tag + (act.isEmpty() ? "" : ", " + act)).strip();
  }

  private static Identification.Status strongest(
      List<Identification> standing, Identification more) {
    List<Identification> all = new ArrayList<>(standing);
    all.add(more);
    return all.stream()
        .map(Identification::status)
        .max(Enum::compareTo)
        .orElse(Identification.Status.UNIDENTIFIED);
  }

  static String keys(Set<Method> methods) {
    return EnumSet.copyOf(methods).stream().map(Method::key).collect(Collectors.joining(","));
  }

  static Set<Method> methods(String keys) {
    return keys.isBlank()
        ? Set.of()
        : Arrays.stream(keys.split(",")).map(Method::fromKey).collect(Collectors.toSet());
  }

  private static void setStatus(Handle h, long caseId, Identification.Status status) {
    h.createUpdate("UPDATE remains_cases SET status = :s WHERE id = :c")
        .bind("s", status.key())
        .bind("c", caseId)
        .execute();
  }

  /**
   * Withdraws every standing identification of a case, with the reason; a person it had made
   * deceased stands again as before, unless another case still identifies them.
   *
   * @throws RemainsException when nothing stands, or the person's status changed since
   */
  public void revoke(String tag, String reason, LocalDate on, String actor) {
    Identification.Revocation r = new Identification.Revocation(on, reason, actor);
    notFuture(on);
    jdbi.useTransaction(
        h -> {
          RemainsCase c = existing(h, tag);
          if (c.standing().isEmpty()) {
            throw new RemainsException("error.remains.nothing-stands", tag);
          }
          for (Identification i : c.standing()) {
            if (on.isBefore(i.on())) {
              throw new RemainsException(
                  "error.remains.before-identification", Days.written(on), Days.written(i.on()));
            }
          }
          for (Map<String, Object> row :
              h.createQuery(
                      "SELECT id, person_id, status_before, held_by_before FROM"
                          + " remains_identifications WHERE case_id = :c AND revoked_on IS NULL")
                  .bind("c", c.id())
                  .mapToMap()
                  .list()) {
            long person = ((Number) row.get("person_id")).longValue();
            String statusBefore = (String) row.get("status_before");
            h.createUpdate(
                    "UPDATE remains_identifications SET revoked_on = :on, revoked_reason = :why,"
                        + " revoked_by = :by WHERE id = :id")
                .bind("on", on)
                .bind("why", r.reason())
                .bind("by", actor)
                .bind("id", ((Number) row.get("id")).longValue())
                .execute();
            boolean stillIdentified =
                h.createQuery(
                            "SELECT count(*) FROM remains_identifications i JOIN remains_cases k ON"
                                + " k.id = i.case_id WHERE i.person_id = :p AND i.revoked_on IS NULL"
                                + " AND k.status = 'identified' AND k.id <> :c")
                        .bind("p", person)
                        .bind("c", c.id())
                        .mapTo(Long.class)
                        .one()
                    > 0;
            if (statusBefore != null && stillIdentified) {
              // another case still identifies the person: it now keeps how they stood before
              // either, so that withdrawing it too puts them back
              h.createQuery(
                      "SELECT i.id, i.case_id FROM remains_identifications i JOIN remains_cases k"
                          + " ON k.id = i.case_id WHERE i.person_id = :p AND i.revoked_on IS NULL"
                          + " AND k.status = 'identified' AND k.id <> :c ORDER BY i.id LIMIT 1")
                  .bind("p", person)
                  .bind("c", c.id())
                  .mapToMap()
                  .findOne()
                  .ifPresent(
                      other -> {
                        h.createUpdate(
                                "UPDATE remains_identifications SET status_before = :sb,"
                                    + " held_by_before = :hb WHERE id = :id")
                            .bind("sb", statusBefore)
                            .bind("hb", (String) row.get("held_by_before"))
                            .bind("id", ((Number) other.get("id")).longValue())
                            .execute();
                        journal.append(
                            h,
                            Change.by(actor, "remains.carry")
                                .on("remains-case", other.get("case_id").toString())
                                .now(
                                    Json.write(
                                        Map.of("person", person, "status_before", statusBefore))));
                      });
            }
            if (statusBefore != null && !stillIdentified) {
              Registry.Standing now = registry.standing(h, person);
              if (now.status() != Status.DECEASED && now.status() != Status.REMAINS_RETURNED) {
                throw new RemainsException(
                    "error.remains.status-changed", String.valueOf(person), tag);
              }
              registry.restore(
                  h,
                  person,
                  new Registry.Standing(
                      Status.fromKey(statusBefore),
                      Optional.ofNullable((String) row.get("held_by_before")).map(Party::of)),
                  StatusBasis.noted(
                      on, StatusSource.REMAINS, remainsNote(tag, "") + ": " + r.reason()),
                  actor);
            }
          }
          setStatus(h, c.id(), Identification.Status.UNIDENTIFIED);
          journal.append(
              h,
              Change.by(actor, "remains.revoke")
                  .on("remains-case", String.valueOf(c.id()))
                  .was(c.status().key())
                  .now(
                      Json.write(
                          Map.of("tag", c.tag(), "reason", r.reason(), "on", on.toString()))));
        });
  }

  /**
   * Moves a case into someone's custody; with the family, an identified person's remains are
   * returned.
   *
   * @throws RemainsException for a date before receipt or before the last movement
   */
  public void move(String tag, Place place, String name, LocalDate on, String actor) {
    String where = name == null ? "" : name.strip();
    if (where.length() > Identification.MAX_TEXT) {
      throw new RemainsException("error.remains.too-long", Identification.MAX_TEXT);
    }
    notFuture(on);
    jdbi.useTransaction(
        h -> {
          RemainsCase c = existing(h, tag);
          if (on.isBefore(c.receivedOn())) {
            throw new RemainsException(
                "error.remains.before-receipt", Days.written(on), Days.written(c.receivedOn()));
          }
          Optional<RemainsCase.Custody> last = c.where();
          if (last.isPresent() && on.isBefore(last.get().on())) {
            throw new RemainsException(
                "error.remains.before-last-move", Days.written(on), Days.written(last.get().on()));
          }
          h.createUpdate(
                  "INSERT INTO remains_custody (case_id, place, name, on_date, recorded_by,"
                      + " recorded_at) VALUES (:c, :p, :n, :on, :by, :at)")
              .bind("c", c.id())
              .bind("p", place.key())
              .bind("n", where)
              .bind("on", on)
              .bind("by", actor)
              .bind("at", clock.millis())
              .execute();
          if (place == Place.FAMILY && c.status() == Identification.Status.IDENTIFIED) {
            for (long person :
                c.standing().stream().map(Identification::personId).distinct().toList()) {
              if (registry.standing(h, person).status() != Status.DECEASED) {
                continue; // returned already, or changed by hand since
              }
              registry.changeStatus(
                  h,
                  person,
                  Status.REMAINS_RETURNED,
                  StatusBasis.noted(on, StatusSource.REMAINS, remainsNote(tag, "") + ": " + where),
                  actor);
            }
          }
          journal.append(
              h,
              Change.by(actor, "remains.move")
                  .on("remains-case", String.valueOf(c.id()))
                  .now(
                      Json.write(
                          Map.of(
                              "tag",
                              c.tag(),
                              "place",
                              place.key(),
                              "name",
                              where,
                              "on",
                              on.toString()))));
        });
  }

  /**
   * Records that the family was told of the identification.
   *
   * @throws RemainsException when the case is not identified, or for a date before it was
   */
  public void notify(String tag, LocalDate on, String actor) {
    notFuture(on);
    jdbi.useTransaction(
        h -> {
          RemainsCase c = existing(h, tag);
          Identification i =
              c.standing().stream()
                  .filter(x -> x.status() == Identification.Status.IDENTIFIED)
                  .findFirst()
                  .orElseThrow(() -> new RemainsException("error.remains.not-identified", tag));
          if (on.isBefore(i.on())) {
            throw new RemainsException(
                "error.remains.before-identification", Days.written(on), Days.written(i.on()));
          }
          h.createUpdate(
                  "UPDATE remains_identifications SET notified_on = :on, notified_by = :by WHERE"
                      + " id = :id")
              .bind("on", on)
              .bind("by", actor)
              .bind("id", i.id())
              .execute();
          journal.append(
              h,
              Change.by(actor, "remains.notify")
                  .on("remains-case", String.valueOf(c.id()))
                  .now(Json.write(Map.of("tag", c.tag(), "notified_on", on.toString()))));
        });
  }

  /**
   * Records that a case is not one of ours but the sending side's own dead (or a third country's),
   * with what was found: what was claimed stays on the case beside it.
   *
   * @throws RemainsException while the case stands identified with someone, or for a date before
   *     receipt
   */
  public void dispute(String tag, Party belongsTo, String evidence, LocalDate on, String actor) {
    String found = evidence == null ? "" : evidence.strip();
    if (found.isEmpty()) {
      throw new RemainsException("error.remains.evidence");
    }
    if (found.length() > 400) {
      throw new RemainsException("error.remains.too-long", 400);
    }
    notFuture(on);
    jdbi.useTransaction(
        h -> {
          RemainsCase c = existing(h, tag);
          if (on.isBefore(c.receivedOn())) {
            throw new RemainsException(
                "error.remains.before-receipt", Days.written(on), Days.written(c.receivedOn()));
          }
          if (!c.standing().isEmpty()) {
            throw new RemainsException(
                "error.remains.identified-to", tag, String.valueOf(c.standing().get(0).personId()));
          }
          if (c.dispute().isPresent()) {
            throw new RemainsException("error.remains.disputed-case", tag);
          }
          String kind =
              h.createQuery("SELECT kind FROM parties WHERE code = :p")
                  .bind("p", belongsTo.code())
                  .mapTo(String.class)
                  .findOne()
                  .orElse("");
          String own =
              h.createQuery("SELECT setting_value FROM settings WHERE setting_name = 'own_party'")
                  .mapTo(String.class)
                  .findOne()
                  .orElse("");
          if (!kind.equals("belligerent") || belongsTo.code().equals(own)) {
            throw new RemainsException("error.remains.dispute-party", belongsTo.code());
          }
          if (h.createQuery("SELECT count(*) FROM parties WHERE code = :p")
                  .bind("p", belongsTo.code())
                  .mapTo(Long.class)
                  .one()
              == 0) {
            throw new org.handover.core.Refused("error.party.unknown", belongsTo.code());
          }
          h.createUpdate(
                  "UPDATE remains_cases SET belongs_to = :p, disputed_on = :on, dispute_evidence ="
                      + " :e WHERE id = :c")
              .bind("p", belongsTo.code())
              .bind("on", on)
              .bind("e", found)
              .bind("c", c.id())
              .execute();
          journal.append(
              h,
              Change.by(actor, "remains.dispute")
                  .on("remains-case", String.valueOf(c.id()))
                  .now(
                      Json.write(
                          Map.of(
                              "tag", c.tag(),
                              "belongs_to", belongsTo.code(),
                              "evidence", found,
                              "on", on.toString()))));
        });
  }
}
