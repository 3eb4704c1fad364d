package org.handover.server.exchanges;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.agreements.Decision;
import org.handover.core.agreements.Health;
import org.handover.core.agreements.Reason;
import org.handover.core.exchanges.Direction;
import org.handover.core.exchanges.Outcome;
import org.handover.core.exchanges.Planner;
import org.handover.core.parties.Party;
import org.handover.core.registry.ReleaseFacts;
import org.handover.core.registry.StatusBasis;
import org.handover.core.registry.StatusSource;
import org.handover.server.agreements.Agreement;
import org.handover.server.agreements.EligibilityRun;
import org.handover.server.i18n.Days;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.registry.Registry;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Plans exchanges, keeps their ledger, and moves the registry's statuses with it. */
public final class Exchanges {
  private final Jdbi jdbi;
  private final Journal journal;
  private final Registry registry;
  private final Clock clock;

  public Exchanges(Jdbi jdbi, Journal journal, Registry registry, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.registry = registry;
    this.clock = clock;
    journal.audit(ExchangeAudit.EXCHANGES);
  }

  /** Where and how an exchange is to happen. */
  public record Request(
      Agreement agreement,
      int provision,
      LocalDate on,
      String place,
      Optional<Party> intermediary,
      int batchSize) {}

  /** What a plan stored. */
  public record Planned(long id, Planner.Plan plan) {}

  /**
   * Plans an exchange: eligibility on its date, the planner's batches, stored with who was left out
   * and why; journaled.
   *
   * @throws ExchangeException for a date before the agreement, a batch size below 1
   */
  public Planned plan(Request r, Party own, String actor) {
    // one plan at a time: what is pending elsewhere is read, then stored, with no plan between
    return jdbi.withHandle(
        h -> {
          h.execute("SELECT pg_advisory_lock(?, ?)", PLAN_LOCK, 1);
          try {
            return planAlone(r, own, actor);
          } finally {
            h.execute("SELECT pg_advisory_unlock(?, ?)", PLAN_LOCK, 1);
          }
        });
  }

  /** The advisory lock that lets one plan run at a time ("HoXP"). */
  static final int PLAN_LOCK = 0x486f5850;

  private Planned planAlone(Request r, Party own, String actor) {
    Agreement a = r.agreement();
    Agreement.Numbered n = a.provision(r.provision());
    if (r.on().isBefore(a.signedOn())) {
      throw new ExchangeException(
          "error.exchange.before-agreement", Days.written(r.on()), Days.written(a.signedOn()));
    }
    if (r.batchSize() < 1) {
      throw new ExchangeException("error.exchange.batch-size", r.batchSize());
    }
    if (r.place().length() > 200) {
      throw new ExchangeException("error.exchange.place-long", 200);
    }
    Map<Long, Long> planned = plannedElsewhere();
    java.util.Set<Long> refused = refusedBefore();
    List<EligibilityRun.Row> rows = new ArrayList<>();
    EligibilityRun.run(
        jdbi,
        n.provision(),
        r.on(),
        own,
        row -> {
          if (row.verdict().decision() != Decision.NOT_ELIGIBLE) {
            rows.add(row);
          }
        });
    Map<Long, LocalDate> since =
        heldSince(rows.stream().map(EligibilityRun.Row::personId).toList());
    List<Planner.Candidate> candidates = new ArrayList<>();
    for (EligibilityRun.Row row : rows) {
      candidates.add(
          new Planner.Candidate(
              row.personId(),
              row.side() == EligibilityRun.Side.US ? Direction.OUT : Direction.IN,
              row.verdict().decision(),
              row.verdict().reasons(),
              row.candidate().health().contains(Health.SEVERELY_WOUNDED)
                  || row.candidate().health().contains(Health.SERIOUSLY_SICK),
              row.capturedOn().or(() -> Optional.ofNullable(since.get(row.personId()))),
              row.candidate().born(),
              planned.getOrDefault(row.personId(), 0L),
              // a refusal at an earlier handover stands as the person's will
              refused.contains(row.personId()) ? ReleaseFacts.Consent.NO : row.consent(),
              row.candidate().health().contains(Health.REPATRIATION_DECIDED),
              row.acknowledged()));
    }
    Planner.Plan plan =
        Planner.plan(candidates, n.provision(), r.batchSize(), used(a.id(), r.provision()));
    long id = jdbi.inTransaction(h -> store(h, r, plan, actor));
    return new Planned(id, plan);
  }

  private long store(Handle h, Request r, Planner.Plan plan, String actor) {
    long id =
        h.createUpdate(
                "INSERT INTO exchanges (agreement_id, provision, on_date, place, intermediary,"
                    + " batch_size, held_back_out, held_back_in, created_by, created_at) VALUES"
                    + " (:a, :n, :on, :place, :via, :size, :backOut, :backIn, :by, :at)")
            .bind("a", r.agreement().id())
            .bind("n", r.provision())
            .bind("on", r.on())
            .bind("place", r.place())
            .bind("via", r.intermediary().map(Party::code).orElse(null))
            .bind("size", r.batchSize())
            .bind("backOut", plan.heldBack(Direction.OUT))
            .bind("backIn", plan.heldBack(Direction.IN))
            .bind("by", actor)
            .bind("at", clock.millis())
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    PreparedBatch members =
        h.prepareBatch(
            "INSERT INTO exchange_persons (exchange_id, person_id, direction, batch, position)"
                + " VALUES (:x, :p, :d, :b, :pos)");
    for (Planner.Placed p : plan.placed()) {
      members
          .bind("x", id)
          .bind("p", p.personId())
          .bind("d", p.direction().key())
          .bind("b", p.batch())
          .bind("pos", p.position())
          .add();
    }
    if (members.size() > 0) {
      members.execute();
    }
    PreparedBatch left =
        h.prepareBatch(
            "INSERT INTO exchange_left_out (exchange_id, person_id, direction, reason)"
                + " VALUES (:x, :p, :d, :r)");
    for (Planner.LeftOut l : plan.leftOut()) {
      left.bind("x", id)
          .bind("p", l.personId())
          .bind("d", l.direction().key())
          .bind(
              "r",
              Json.write(
                  new StoredReason(
                      stored(l.reason()), l.detail().stream().map(Exchanges::stored).toList())))
          .add();
    }
    if (left.size() > 0) {
      left.execute();
    }
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("agreement", r.agreement().id());
    state.put("provision", r.provision());
    state.put("on", r.on().toString());
    state.put("batches", plan.batches());
    state.put("out", plan.count(Direction.OUT));
    state.put("in", plan.count(Direction.IN));
    state.put("left_out", plan.leftOut().size());
    state.put("held_back", plan.heldBack().size());
    journal.append(
        h,
        Change.by(actor, "exchange.plan")
            .on("exchange", String.valueOf(id))
            .now(Json.write(state)));
    return id;
  }

  /** A reason as the table keeps it. */
  record StoredReason(Reason reason, List<Reason> detail) {}

  /** Dates as ISO text, which JSON keeps and the reason's words read back. */
  private static Reason stored(Reason r) {
    return new Reason(
        r.key(),
        r.args().stream().map(a -> a instanceof LocalDate d ? (Object) d.toString() : a).toList());
  }

  /** Persons who refused repatriation at an earlier handover. */
  private java.util.Set<Long> refusedBefore() {
    return new java.util.HashSet<>(
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT person_id FROM exchange_persons WHERE outcome = 'refused'")
                    .mapTo(Long.class)
                    .list()));
  }

  /**
   * How many each way earlier exchanges under this provision carried out or still plan: the larger
   * of the two, which the rest of an N-for-N quota is counted from.
   */
  private int used(long agreementId, int provision) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM exchange_persons p"
                        + " JOIN exchanges x ON x.id = p.exchange_id WHERE x.agreement_id = :a AND"
                        + " x.provision = :n AND p.outcome IN ('', 'handed-over', 'received')"
                        + " GROUP BY p.direction) d")
                .bind("a", agreementId)
                .bind("n", provision)
                .mapTo(Integer.class)
                .one());
  }

  /** Persons in a plan whose outcome is not recorded yet, with that exchange. */
  private Map<Long, Long> plannedElsewhere() {
    Map<Long, Long> m = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT person_id, exchange_id FROM exchange_persons WHERE outcome = ''")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> m.put(e.getKey(), e.getValue())));
    return m;
  }

  /**
   * Since when each of these persons has been held: the date of their latest captive or detained
   * status.
   */
  private Map<Long, LocalDate> heldSince(List<Long> ids) {
    Map<Long, LocalDate> m = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT DISTINCT ON (person_id) person_id, since FROM status_history"
                        + " WHERE person_id = ANY(:ids) AND status IN ('captive', 'detained')"
                        + " ORDER BY person_id, id DESC")
                .bindArray("ids", Long.class, ids)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getDate(2).toLocalDate()))
                .forEach(e -> m.put(e.getKey(), e.getValue())));
    return m;
  }

  /**
   * Records what happened to one person of an exchange, and moves their status in the registry
   * (released, returned, deceased) in the same transaction; journaled.
   *
   * @throws ExchangeException for a person not in the exchange, one recorded already, or an outcome
   *     that does not fit the direction
   */
  public void record(
      long exchangeId, long personId, Outcome outcome, Optional<Party> witness, String actor) {
    jdbi.useTransaction(h -> record(h, exchangeId, personId, outcome, witness, actor));
  }

  private void record(
      Handle h,
      long exchangeId,
      long personId,
      Outcome outcome,
      Optional<Party> witness,
      String actor) {
    if (h.createQuery("SELECT count(*) FROM exchanges WHERE id = :x")
            .bind("x", exchangeId)
            .mapTo(Long.class)
            .one()
        == 0) {
      throw new ExchangeException("error.exchange.none", String.valueOf(exchangeId));
    }
    if (witness.isPresent()
        && h.createQuery("SELECT count(*) FROM parties WHERE code = :c")
                .bind("c", witness.get().code())
                .mapTo(Long.class)
                .one()
            == 0) {
      throw new ExchangeException("error.exchange.witness-unknown", witness.get().code());
    }
    Optional<Map<String, Object>> row =
        h.createQuery(
                "SELECT p.direction, p.outcome, p.batch, x.on_date FROM exchange_persons p"
                    + " JOIN exchanges x ON x.id = p.exchange_id WHERE p.exchange_id = :x"
                    + " AND p.person_id = :p FOR UPDATE")
            .bind("x", exchangeId)
            .bind("p", personId)
            .mapToMap()
            .findOne();
    if (row.isEmpty()) {
      throw new ExchangeException(
          "error.exchange.not-in", String.valueOf(personId), String.valueOf(exchangeId));
    }
    Direction d = Direction.fromKey((String) row.get().get("direction"));
    if (!((String) row.get().get("outcome")).isEmpty()) {
      throw new ExchangeException(
          "error.exchange.recorded-twice", String.valueOf(personId), String.valueOf(exchangeId));
    }
    if (!outcome.fits(d)) {
      throw new ExchangeException(
          "error.exchange.outcome-direction", outcome.key(), d.key(), String.valueOf(personId));
    }
    // how the person stood, so that a wrong record can be undone
    Registry.Standing before = registry.standing(h, personId);
    h.createUpdate(
            "UPDATE exchange_persons SET outcome = :o, witnessed_by = :w, recorded_by = :by,"
                + " recorded_at = :at, status_before = :sb, held_by_before = :hb"
                + " WHERE exchange_id = :x AND person_id = :p")
        .bind("sb", before.status().key())
        .bind("hb", before.holder().map(Party::code).orElse(null))
        .bind("o", outcome.key())
        .bind("w", witness.map(Party::code).orElse(null))
        .bind("by", actor)
        .bind("at", clock.millis())
        .bind("x", exchangeId)
        .bind("p", personId)
        .execute();
    LocalDate on = ((java.sql.Date) row.get().get("on_date")).toLocalDate();
    outcome
        .status(d)
        .ifPresent(
            s ->
                registry.changeStatus(
                    h,
                    personId,
                    s,
                    StatusBasis.noted(on, StatusSource.EXCHANGE, "№ " + exchangeId),
                    actor));
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("person", personId);
    state.put("batch", row.get().get("batch"));
    state.put("outcome", outcome.key());
    witness.ifPresent(w -> state.put("witnessed_by", w.code()));
    journal.append(
        h,
        Change.by(actor, "exchange.record")
            .on("exchange", String.valueOf(exchangeId))
            .now(Json.write(state)));
  }

  /** What an act of transfer did: recorded from it, left to review, and planned but absent. */
  public record ActResult(
      int rows, List<String> recorded, List<String> toReview, List<Exchange.Member> absent) {}

  /**
   * Records a batch's outcomes from an act of transfer: each row is linked to the batch's persons
   * of that direction by the matching engine; a sure link records the row's outcome, anything less
   * is left to review; persons planned but absent from the act are named. One transaction.
   */
  public ActResult recordAct(
      long exchangeId,
      int batch,
      Direction direction,
      List<Acts.Row> rows,
      Optional<Party> witness,
      String actor) {
    Exchange x =
        find(exchangeId)
            .orElseThrow(
                () -> new ExchangeException("error.exchange.none", String.valueOf(exchangeId)));
    List<Exchange.Member> members =
        x.batch(batch).stream()
            .filter(m -> m.direction() == direction && m.outcome().isEmpty())
            .toList();
    if (x.batch(batch).isEmpty()) {
      throw new ExchangeException("error.exchange.no-batch", batch, String.valueOf(exchangeId));
    }
    List<org.handover.core.matching.PersonRecord> right = new ArrayList<>();
    for (Exchange.Member m : members) {
      right.add(
          org.handover.server.matching.MatchRecords.of(
              m.personId(), registry.find(m.personId()).orElseThrow().person()));
    }
    List<org.handover.core.matching.PersonRecord> left =
        rows.stream().map(Acts.Row::record).toList();
    Map<Integer, Long> sure = new HashMap<>();
    if (!left.isEmpty() && !right.isEmpty()) {
      var result =
          org.handover.core.matching.Linker.link(
              left,
              right,
              org.handover.core.matching.PersonFields.all(),
              org.handover.core.matching.PersonBlocking.rules(),
              org.handover.core.matching.Linker.Options.defaults().oneToOne(true));
      for (var link : result.links()) {
        if (link.band(
                org.handover.core.matching.Thresholds.DEFAULT,
                org.handover.core.matching.Linker.MIN_MARGIN)
            == org.handover.core.matching.Band.AUTO) {
          sure.put(link.left(), right.get(link.right()).id());
        }
      }
    }
    List<String> recorded = new ArrayList<>();
    List<String> review = new ArrayList<>();
    jdbi.useTransaction(
        h -> {
          for (int i = 0; i < rows.size(); i++) {
            Acts.Row r = rows.get(i);
            Long person = sure.get(i);
            if (person == null) {
              review.add(r.row() + ": " + r.name());
              continue;
            }
            // "handed over" in their act is "received" in our ledger, and the other way round
            Outcome o =
                r.outcome().carriedOut()
                    ? (direction == Direction.OUT ? Outcome.HANDED_OVER : Outcome.RECEIVED)
                    : r.outcome();
            record(h, exchangeId, person, o, witness, actor);
            recorded.add(r.row() + ": " + r.name() + " → " + person);
          }
        });
    List<Exchange.Member> absent =
        members.stream().filter(m -> !sure.containsValue(m.personId())).toList();
    return new ActResult(rows.size(), recorded, review, absent);
  }

  public Optional<Exchange> find(long id) {
    return jdbi.withHandle(
        h -> {
          Optional<Map<String, Object>> x =
              h.createQuery("SELECT * FROM exchanges WHERE id = :id")
                  .bind("id", id)
                  .mapToMap()
                  .findOne();
          if (x.isEmpty()) {
            return Optional.<Exchange>empty();
          }
          Map<String, Object> r = x.get();
          List<Exchange.Member> members =
              h.createQuery(
                      "SELECT e.*, p.display_name, p.reference, p.birth_year, p.birth_month,"
                          + " p.birth_day FROM exchange_persons e JOIN persons"
                          + " p ON p.id = e.person_id WHERE e.exchange_id = :id ORDER BY e.batch,"
                          + " e.direction DESC, e.position")
                  .bind("id", id)
                  .map(
                      (rs, ctx) ->
                          new Exchange.Member(
                              rs.getLong("person_id"),
                              rs.getString("display_name"),
                              rs.getString("reference"),
                              org.handover.server.storage.Columns.birthDate(rs)
                                  .map(Object::toString)
                                  .orElse(""),
                              Direction.fromKey(rs.getString("direction")),
                              rs.getInt("batch"),
                              rs.getInt("position"),
                              rs.getString("outcome").isEmpty()
                                  ? Optional.empty()
                                  : Optional.of(Outcome.fromKey(rs.getString("outcome"))),
                              Optional.ofNullable(rs.getString("witnessed_by")).map(Party::of)))
                  .list();
          List<Exchange.Left> left =
              h.createQuery(
                      "SELECT l.*, p.display_name FROM exchange_left_out l JOIN persons p ON p.id ="
                          + " l.person_id WHERE l.exchange_id = :id ORDER BY l.direction DESC,"
                          + " l.person_id")
                  .bind("id", id)
                  .map(
                      (rs, ctx) -> {
                        StoredReason s =
                            Json.read(rs.getString("reason"), new TypeReference<StoredReason>() {});
                        return new Exchange.Left(
                            rs.getLong("person_id"),
                            rs.getString("display_name"),
                            Direction.fromKey(rs.getString("direction")),
                            s.reason(),
                            s.detail());
                      })
                  .list();
          return Optional.of(
              new Exchange(
                  id,
                  ((Number) r.get("agreement_id")).longValue(),
                  ((Number) r.get("provision")).intValue(),
                  ((java.sql.Date) r.get("on_date")).toLocalDate(),
                  (String) r.get("place"),
                  Optional.ofNullable((String) r.get("intermediary")).map(Party::of),
                  ((Number) r.get("batch_size")).intValue(),
                  ((Number) r.get("held_back_out")).longValue(),
                  ((Number) r.get("held_back_in")).longValue(),
                  members,
                  left));
        });
  }

  /** Exchanges of an agreement, the latest first: id, provision, date. */
  public List<Map<String, Object>> of(long agreementId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT x.id, x.provision, x.on_date, x.place,"
                        + " (SELECT count(*) FROM exchange_persons p WHERE p.exchange_id = x.id"
                        + " AND p.direction = 'out') AS out_count,"
                        + " (SELECT count(*) FROM exchange_persons p WHERE p.exchange_id = x.id"
                        + " AND p.direction = 'in') AS in_count"
                        + " FROM exchanges x WHERE x.agreement_id = :a ORDER BY x.on_date DESC, x.id DESC")
                .bind("a", agreementId)
                .mapToMap()
                .list());
  }

  /**
   * Carried out under a provision, across its exchanges, per direction: persons handed over by us
   * (out) and received by us (in).
   */
  public Map<Direction, Long> carriedOut(long agreementId, int provision) {
    Map<Direction, Long> m = new LinkedHashMap<>();
    for (Direction d : Direction.values()) {
      m.put(
          d,
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "SELECT count(*) FROM exchange_persons p JOIN exchanges x ON x.id ="
                              + " p.exchange_id WHERE x.agreement_id = :a AND x.provision = :n"
                              + " AND p.direction = :d AND p.outcome IN ('handed-over', 'received')")
                      .bind("a", agreementId)
                      .bind("n", provision)
                      .bind("d", d.key())
                      .mapTo(Long.class)
                      .one()));
    }
    return m;
  }
}
