package org.handover.server.negotiations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.handover.core.agreements.Provision;
import org.handover.core.negotiations.AgreementRecord;
import org.handover.core.negotiations.Commitment;
import org.handover.core.negotiations.Implementation;
import org.handover.core.negotiations.RoundRecord;
import org.handover.core.parties.Party;
import org.handover.core.parties.PartyBook;
import org.handover.server.agreements.Agreement;
import org.handover.server.agreements.Agreements;
import org.handover.server.i18n.Days;
import org.handover.server.i18n.Messages;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.storage.Json;
import org.handover.server.storage.StorageException;
import org.handover.server.tracing.ChildCards;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Rounds and their records: imported whole (an item known by its key; the same file again changes
 * nothing), the agreements a record states made once, and commitments' progress recorded by hand —
 * each change in one transaction with its journal entry.
 */
public final class Negotiations {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long LOCK = 0x4E45474FL; // one import at a time

  private final Jdbi jdbi;
  private final Journal journal;
  private final Agreements agreements;
  private final Clock clock;

  public Negotiations(Jdbi jdbi, Journal journal, Agreements agreements, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.agreements = agreements;
    this.clock = clock;
    journal.audit(RecordAudit.ROUNDS);
  }

  /** What an import did: items added, changed and removed, by key, and agreements created. */
  public record Imported(
      long round,
      String key,
      List<String> added,
      List<String> changed,
      List<String> removed,
      int agreementsCreated) {
    public boolean unchanged() {
      return added.isEmpty() && changed.isEmpty() && removed.isEmpty() && agreementsCreated == 0;
    }
  }

  /**
   * Stores a round's record, replacing the one imported before under its key.
   *
   * @throws NegotiationException for a party this installation does not know, an agreement that
   *     differs from the one the record made before, or a commitment removed with progress recorded
   */
  public Imported importRecord(RoundRecord r, JsonNode document, PartyBook book, String actor) {
    for (Party p : partiesOf(r)) {
      if (!book.knows(p)) {
        throw new NegotiationException("record.party-unknown", p.code());
      }
    }
    String canonical = Json.write(document);
    return jdbi.inTransaction(
        h -> {
          h.execute("SELECT pg_advisory_xact_lock(?)", LOCK);
          Optional<Map<String, Object>> before =
              h.createQuery("SELECT id, record FROM rounds WHERE round_key = :k")
                  .bind("k", r.round().key())
                  .mapToMap()
                  .findOne();
          Map<String, JsonNode> old = new LinkedHashMap<>();
          long id;
          if (before.isPresent()) {
            id = ((Number) before.get().get("id")).longValue();
            items(read((String) before.get().get("record")), old);
          } else {
            id =
                h.createUpdate(
                        "INSERT INTO rounds (round_key, number, held_on, record, imported_by,"
                            + " imported_at) VALUES (:k, :n, :d, '', :by, :at)")
                    .bind("k", r.round().key())
                    .bind("n", r.round().number())
                    .bind("d", r.round().date())
                    .bind("by", actor)
                    .bind("at", clock.millis())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
          }
          Map<String, JsonNode> now = new LinkedHashMap<>();
          items(document, now);
          List<String> added = new ArrayList<>();
          List<String> changed = new ArrayList<>();
          List<String> removed = new ArrayList<>();
          now.forEach(
              (k, v) -> {
                if (!old.containsKey(k)) {
                  added.add(k);
                } else if (!old.get(k).equals(v)) {
                  changed.add(k);
                }
              });
          old.keySet().stream().filter(k -> !now.containsKey(k)).forEach(removed::add);
          for (String k :
              h.createQuery(
                      "SELECT DISTINCT commitment_key FROM commitment_progress WHERE round_id = :r")
                  .bind("r", id)
                  .mapTo(String.class)
                  .list()) {
            Optional<Commitment> kept =
                r.commitments().stream().filter(c -> c.key().equals(k)).findFirst();
            if (kept.isEmpty()) {
              throw new NegotiationException("record.commitment-has-progress", k);
            }
            // progress was recorded against what it was: by hand, with or without a quantity
            JsonNode was = old.get(k);
            if (!(kept.get().link() instanceof Commitment.Link.ByHand)
                || was != null && was.has("quantity") != kept.get().quantity().isPresent()) {
              throw new NegotiationException("record.commitment-progress-changed", k);
            }
          }
          int created = agreements(h, id, r, actor);
          Imported result = new Imported(id, r.round().key(), added, changed, removed, created);
          if (before.isPresent() && result.unchanged()) {
            return result;
          }
          h.createUpdate(
                  "UPDATE rounds SET number = :n, held_on = :d, record = :rec, imported_by = :by,"
                      + " imported_at = :at WHERE id = :id")
              .bind("n", r.round().number())
              .bind("d", r.round().date())
              .bind("rec", canonical)
              .bind("by", actor)
              .bind("at", clock.millis())
              .bind("id", id)
              .execute();
          Map<String, Object> state = new LinkedHashMap<>();
          state.put("key", r.round().key());
          state.put("added", added);
          state.put("changed", changed);
          state.put("removed", removed);
          journal.append(
              h,
              Change.by(actor, before.isPresent() ? "round.update" : "round.import")
                  .on("round", String.valueOf(id))
                  .now(Json.write(state)));
          return result;
        });
  }

  /**
   * Creates the agreements the record states that it has not made before; refuses a changed one.
   */
  private int agreements(Handle h, long round, RoundRecord r, String actor) {
    int created = 0;
    for (AgreementRecord a : r.agreements()) {
      Optional<Long> made =
          h.createQuery(
                  "SELECT agreement_id FROM round_agreements WHERE round_id = :r AND"
                      + " agreement_key = :k")
              .bind("r", round)
              .bind("k", a.key())
              .mapTo(Long.class)
              .findOne();
      if (made.isPresent()) {
        Agreement stored = Agreements.find(h, made.get()).orElseThrow();
        List<Provision> provisions =
            stored.provisions().stream().map(Agreement.Numbered::provision).toList();
        if (!stored.title().equals(a.storedTitle())
            || !stored.signedOn().equals(a.date())
            || !stored.parties().equals(List.copyOf(new LinkedHashSet<>(a.parties())))
            || !provisions.equals(a.provisions())) {
          throw new NegotiationException(
              "record.agreement-changed", a.key(), String.valueOf(made.get()));
        }
        continue;
      }
      long id =
          agreements.add(
              h, a.storedTitle(), a.date(), List.copyOf(new LinkedHashSet<>(a.parties())), actor);
      for (Provision p : a.provisions()) {
        agreements.addProvision(h, id, p, actor);
      }
      h.createUpdate(
              "INSERT INTO round_agreements (round_id, agreement_key, agreement_id)"
                  + " VALUES (:r, :k, :a)")
          .bind("r", round)
          .bind("k", a.key())
          .bind("a", id)
          .execute();
      created++;
    }
    return created;
  }

  /** The record's items by key (the round itself under its own key). */
  private static void items(JsonNode doc, Map<String, JsonNode> into) {
    into.put(doc.get("round").get("key").asText(), doc.get("round"));
    for (String list :
        List.of(
            "delegations",
            "documents",
            "proposals",
            "positions",
            "agreements",
            "commitments",
            "figures")) {
      doc.path(list).forEach(n -> into.put(n.get("key").asText(), n));
    }
  }

  private static Set<Party> partiesOf(RoundRecord r) {
    Set<Party> all = new LinkedHashSet<>();
    r.round().host().ifPresent(all::add);
    all.addAll(r.round().mediators());
    r.delegations().forEach(d -> all.add(d.party()));
    r.documents().forEach(d -> all.addAll(List.of(d.from(), d.to())));
    r.proposals().forEach(p -> all.add(p.by()));
    r.positions().forEach(p -> all.add(p.party()));
    r.commitments().forEach(c -> all.add(c.party()));
    r.figures().forEach(f -> f.statements().forEach(s -> all.add(s.party())));
    for (AgreementRecord a : r.agreements()) {
      all.addAll(a.parties());
      a.provisions().stream()
          .filter(p -> p instanceof Provision.Unilateral)
          .forEach(p -> all.add(((Provision.Unilateral) p).from()));
    }
    return all;
  }

  private static JsonNode read(String stored) {
    try {
      return MAPPER.readTree(stored);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new StorageException("a stored round's record is not JSON: " + e.getMessage(), e);
    }
  }

  /** A round by its key, or "latest" (the one held last), or its id in the database. */
  public Optional<StoredRound> find(String keyOrId) {
    return jdbi.withHandle(
        h -> {
          // a key first: a round may be keyed "2025"; then the latest; then the id stored
          Optional<Map<String, Object>> row =
              h.createQuery("SELECT id, record FROM rounds WHERE round_key = :k")
                  .bind("k", keyOrId)
                  .mapToMap()
                  .findOne();
          if (row.isEmpty() && keyOrId.equals("latest")) {
            row =
                h.createQuery(
                        "SELECT id, record FROM rounds ORDER BY held_on DESC, id DESC LIMIT 1")
                    .mapToMap()
                    .findOne();
          }
          if (row.isEmpty() && keyOrId.matches("\\d{1,18}")) {
            row =
                h.createQuery("SELECT id, record FROM rounds WHERE id = :id")
                    .bind("id", Long.parseLong(keyOrId))
                    .mapToMap()
                    .findOne();
          }
          return row.map(r -> stored(h, r));
        });
  }

  private static StoredRound stored(Handle h, Map<String, Object> row) {
    long id = ((Number) row.get("id")).longValue();
    JsonNode doc = read((String) row.get("record"));
    RecordReader.Read read =
        RecordReader.read(
            Json.write(doc).getBytes(java.nio.charset.StandardCharsets.UTF_8), Messages.of("en"));
    RoundRecord record =
        read.record()
            .orElseThrow(
                () ->
                    new StorageException(
                        "round " + id + ": the stored record no longer reads: " + read.problems()));
    Map<String, Long> made = new HashMap<>();
    h.createQuery("SELECT agreement_key, agreement_id FROM round_agreements WHERE round_id = :r")
        .bind("r", id)
        .mapToMap()
        .forEach(
            m ->
                made.put(
                    (String) m.get("agreement_key"), ((Number) m.get("agreement_id")).longValue()));
    return new StoredRound(id, record, doc, made);
  }

  /** The commitments of every round whose fulfilment counts reunified children. */
  public ChildCards.Commitments reunificationCommitments() {
    return () ->
        rounds().stream()
            .flatMap(
                r ->
                    r.record().commitments().stream()
                        .filter(c -> c.link() instanceof Commitment.Link.ToReunifications)
                        .map(
                            c ->
                                new ChildCards.Commitment(
                                    r.key() + "/" + c.key(),
                                    Map.of(
                                        "uk", c.what().uk(),
                                        "en", c.what().en(),
                                        "ru", c.what().ru()))))
            .toList();
  }

  /** Every round, the latest held first. */
  public List<StoredRound> rounds() {
    return jdbi.withHandle(
        h ->
            h
                .createQuery("SELECT id, record FROM rounds ORDER BY held_on DESC, id DESC")
                .mapToMap()
                .list()
                .stream()
                .map(row -> stored(h, row))
                .toList());
  }

  /** One entry of a commitment's progress recorded by hand. */
  public record Progress(
      long id,
      String commitment,
      LocalDate on,
      OptionalLong done,
      Optional<Implementation> state,
      String evidence,
      String recordedBy) {}

  /** The progress recorded by hand on a round's commitments, in the order recorded. */
  public List<Progress> progress(long round) {
    return jdbi.withHandle(
        h ->
            h
                .createQuery(
                    "SELECT * FROM commitment_progress WHERE round_id = :r ORDER BY on_date, id")
                .bind("r", round)
                .mapToMap()
                .list()
                .stream()
                .map(
                    m ->
                        new Progress(
                            ((Number) m.get("id")).longValue(),
                            (String) m.get("commitment_key"),
                            ((java.sql.Date) m.get("on_date")).toLocalDate(),
                            m.get("done") == null
                                ? OptionalLong.empty()
                                : OptionalLong.of(((Number) m.get("done")).longValue()),
                            Optional.ofNullable((String) m.get("state"))
                                .map(
                                    s ->
                                        org.handover.core.Keys.parse(
                                            Implementation.class, s, "state")),
                            (String) m.get("evidence"),
                            (String) m.get("recorded_by")))
                .toList());
  }

  /**
   * Records how far a commitment kept by hand has come: a quantity done (when it has a quantity) or
   * a state, with the evidence.
   *
   * @throws NegotiationException for an unknown commitment, one counted from a ledger, no evidence,
   *     a date in the future, or a quantity for a commitment without one
   */
  public long recordProgress(
      StoredRound round,
      String commitmentKey,
      LocalDate on,
      OptionalLong done,
      Optional<Implementation> state,
      String evidence,
      String actor) {
    Commitment c =
        round.record().commitments().stream()
            .filter(x -> x.key().equals(commitmentKey))
            .findFirst()
            .orElseThrow(
                () -> new NegotiationException("record.no-commitment", commitmentKey, round.key()));
    if (!(c.link() instanceof Commitment.Link.ByHand)) {
      throw new NegotiationException("record.progress-counted", commitmentKey);
    }
    String e = evidence == null ? "" : evidence.strip();
    if (e.isEmpty()) {
      throw new NegotiationException("record.progress-evidence");
    }
    if (e.length() > 400) {
      throw new NegotiationException("record.progress-evidence-long", 400);
    }
    if (on.isAfter(LocalDate.now(clock))) {
      throw new NegotiationException("record.progress-future", Days.written(on));
    }
    if (done.isPresent() == state.isPresent()) {
      throw new NegotiationException("record.progress-one");
    }
    if (done.isPresent() && c.quantity().isEmpty()) {
      throw new NegotiationException("record.progress-no-quantity", commitmentKey);
    }
    if (done.isPresent() && (done.getAsLong() < 0 || done.getAsLong() > c.quantity().get())) {
      throw new NegotiationException(
          "record.progress-range", String.valueOf(done.getAsLong()), c.quantity().get());
    }
    return jdbi.inTransaction(
        h -> {
          // an import may have changed the record since it was read: as the import, one at a time
          h.execute("SELECT pg_advisory_xact_lock(?)", LOCK);
          String now =
              h.createQuery("SELECT record FROM rounds WHERE id = :r")
                  .bind("r", round.id())
                  .mapTo(String.class)
                  .one();
          if (!read(now).equals(round.document())) {
            throw new NegotiationException("record.changed-meanwhile", round.key());
          }
          long id =
              h.createUpdate(
                      "INSERT INTO commitment_progress (round_id, commitment_key, on_date, done,"
                          + " state, evidence, recorded_by, recorded_at) VALUES (:r, :k, :on, :d,"
                          + " :s, :e, :by, :at)")
                  .bind("r", round.id())
                  .bind("k", commitmentKey)
                  .bind("on", on)
                  .bind("d", done.isPresent() ? done.getAsLong() : null)
                  .bind("s", state.map(Implementation::key).orElse(null))
                  .bind("e", e)
                  .bind("by", actor)
                  .bind("at", clock.millis())
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          Map<String, Object> s = new LinkedHashMap<>();
          s.put("commitment", commitmentKey);
          s.put("on", on.toString());
          done.ifPresent(d -> s.put("done", d));
          state.ifPresent(x -> s.put("state", x.key()));
          s.put("evidence", e);
          journal.append(
              h,
              Change.by(actor, "commitment.progress")
                  .on("round", String.valueOf(round.id()))
                  .now(Json.write(s)));
          return id;
        });
  }
}
