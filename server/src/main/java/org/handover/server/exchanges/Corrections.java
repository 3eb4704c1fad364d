package org.handover.server.exchanges;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.handover.core.exchanges.Direction;
import org.handover.core.exchanges.Outcome;
import org.handover.core.parties.Party;
import org.handover.core.registry.Status;
import org.handover.core.registry.StatusBasis;
import org.handover.core.registry.StatusSource;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.registry.Registry;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Corrects an outcome recorded at a handover: "received" written for a man who did not come must
 * not leave him returned in the registry. The person is put back as they stood before the record,
 * then the new outcome (or none: pending again) applies; the reason is kept and journaled.
 */
public final class Corrections {
  static final int MAX_REASON = 200;

  private final Jdbi jdbi;
  private final Journal journal;
  private final Registry registry;
  private final Clock clock;

  public Corrections(Jdbi jdbi, Journal journal, Registry registry, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.registry = registry;
    this.clock = clock;
  }

  /**
   * Replaces a recorded outcome with {@code to}, or with none when empty.
   *
   * @throws ExchangeException for a person not in the exchange or not yet recorded, an outcome that
   *     does not fit or is the one recorded, a reason missing or too long, or a person whose status
   *     changed since the record
   */
  public void correct(
      long exchangeId, long personId, Optional<Outcome> to, String reason, String actor) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw new ExchangeException("error.correct.reason");
    }
    if (why.length() > MAX_REASON) {
      throw new ExchangeException("error.correct.reason-long", MAX_REASON);
    }
    jdbi.useTransaction(h -> correct(h, exchangeId, personId, to, why, actor));
  }

  private void correct(
      Handle h, long exchangeId, long personId, Optional<Outcome> to, String why, String actor) {
    Map<String, Object> row =
        h.createQuery(
                "SELECT p.direction, p.outcome, p.status_before, p.held_by_before, x.on_date"
                    + " FROM exchange_persons p JOIN exchanges x ON x.id = p.exchange_id"
                    + " WHERE p.exchange_id = :x AND p.person_id = :p FOR UPDATE")
            .bind("x", exchangeId)
            .bind("p", personId)
            .mapToMap()
            .findOne()
            .orElseThrow(
                () ->
                    new ExchangeException(
                        "error.exchange.not-in",
                        String.valueOf(personId),
                        String.valueOf(exchangeId)));
    Direction d = Direction.fromKey((String) row.get("direction"));
    String recorded = (String) row.get("outcome");
    if (recorded.isEmpty()) {
      throw new ExchangeException("error.correct.not-recorded", String.valueOf(personId));
    }
    Outcome was = Outcome.fromKey(recorded);
    if (to.equals(Optional.of(was))) {
      throw new ExchangeException("error.correct.same", String.valueOf(personId));
    }
    if (to.isPresent() && !to.get().fits(d)) {
      throw new ExchangeException(
          "error.exchange.outcome-direction", to.get().key(), d.key(), String.valueOf(personId));
    }
    LocalDate on = ((java.sql.Date) row.get("on_date")).toLocalDate();
    StatusBasis basis =
        StatusBasis.noted(on, StatusSource.EXCHANGE, "№ " + exchangeId + ": " + why);
    Optional<Status> moved = was.status(d);
    if (moved.isPresent()) {
      Registry.Standing now = registry.standing(h, personId);
      if (row.get("status_before") == null) {
        throw new ExchangeException("error.correct.before-kept");
      }
      if (now.status() != moved.get()) {
        // someone changed the person since: undoing would overwrite it
        throw new ExchangeException("error.correct.status-changed", String.valueOf(personId));
      }
      registry.restore(
          h,
          personId,
          new Registry.Standing(
              Status.fromKey((String) row.get("status_before")),
              Optional.ofNullable((String) row.get("held_by_before")).map(Party::of)),
          basis,
          actor);
    }
    Registry.Standing before = registry.standing(h, personId);
    h.createUpdate(
            "UPDATE exchange_persons SET outcome = :o, recorded_by = :by, recorded_at = :at,"
                + " witnessed_by = CASE WHEN :o = '' THEN NULL ELSE witnessed_by END,"
                + " status_before = :sb, held_by_before = :hb"
                + " WHERE exchange_id = :x AND person_id = :p")
        .bind("o", to.map(Outcome::key).orElse(""))
        .bind("by", actor)
        .bind("at", clock.millis())
        .bind("sb", to.isPresent() ? before.status().key() : null)
        .bind("hb", to.isPresent() ? before.holder().map(Party::code).orElse(null) : null)
        .bind("x", exchangeId)
        .bind("p", personId)
        .execute();
    to.flatMap(o -> o.status(d))
        .ifPresent(s -> registry.changeStatus(h, personId, s, basis, actor));
    h.createUpdate(
            "INSERT INTO exchange_corrections (exchange_id, person_id, was, now, reason,"
                + " corrected_by, corrected_at) VALUES (:x, :p, :was, :now, :why, :by, :at)")
        .bind("x", exchangeId)
        .bind("p", personId)
        .bind("was", was.key())
        .bind("now", to.map(Outcome::key).orElse(""))
        .bind("why", why)
        .bind("by", actor)
        .bind("at", clock.millis())
        .execute();
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("person", personId);
    state.put("outcome", to.map(Outcome::key).orElse(""));
    state.put("reason", why);
    journal.append(
        h,
        Change.by(actor, "exchange.correct")
            .on("exchange", String.valueOf(exchangeId))
            .was(Json.write(Map.of("person", personId, "outcome", was.key())))
            .now(Json.write(state)));
  }

  /** The last correction's reason for each corrected person of an exchange. */
  public Map<Long, String> of(long exchangeId) {
    Map<Long, String> reasons = new LinkedHashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT person_id, reason FROM exchange_corrections WHERE exchange_id = :x"
                        + " ORDER BY id")
                .bind("x", exchangeId)
                .mapToMap()
                .forEach(
                    r ->
                        reasons.put(
                            ((Number) r.get("person_id")).longValue(), (String) r.get("reason"))));
    return reasons;
  }
}
