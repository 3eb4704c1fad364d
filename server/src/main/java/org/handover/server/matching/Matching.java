package org.handover.server.matching;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.handover.core.matching.Band;
import org.handover.core.matching.BlockingRule;
import org.handover.core.matching.Candidates;
import org.handover.core.matching.Linker;
import org.handover.core.matching.Model;
import org.handover.core.matching.PersonBlocking;
import org.handover.core.matching.PersonFields;
import org.handover.core.matching.PersonRecord;
import org.handover.core.matching.StreamedBlocking;
import org.handover.core.matching.Thresholds;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.rosters.Rosters;
import org.handover.server.storage.Background;
import org.handover.server.storage.CopyRows;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Jdbi;

/**
 * Match runs and review: a run links a roster to the registry and stores its links above the review
 * threshold, with the model and timings; a reviewer confirms or rejects a pair, journaled.
 * Decisions are kept per pair, so a later run shows them again instead of asking twice.
 */
public final class Matching {
  /**
   * How many bits a link must weigh more than the entry's next candidate to be sure without review.
   */
  public static final double MIN_MARGIN = Linker.MIN_MARGIN;

  private final Jdbi jdbi;
  private final Rosters rosters;
  private final Journal journal;
  private final Clock clock;
  private final MatchModels models;

  public Matching(Jdbi jdbi, Rosters rosters, Journal journal, Clock clock) {
    this.jdbi = jdbi;
    this.rosters = rosters;
    this.journal = journal;
    this.clock = clock;
    this.models = new MatchModels(jdbi, journal, clock);
    journal.audit(MatchAudit.MATCH_RUNS);
    journal.audit(MatchAudit.DECISIONS);
  }

  /** The trained models kept for this registry. */
  public MatchModels models() {
    return models;
  }

  /** What a run did: its id, the counts per band, and the engine's own result. */
  public record Run(
      long id,
      int entries,
      int persons,
      int auto,
      int review,
      int noMatch,
      Linker.Result<PersonRecord> result) {}

  public Run run(long rosterId, boolean oneToOne, Thresholds thresholds, String actor) {
    return run(rosterId, oneToOne, thresholds, PersonBlocking.rules(), actor);
  }

  /** A run with the blocking rules given (all of {@link PersonBlocking#rules()} by default). */
  public Run run(
      long rosterId,
      boolean oneToOne,
      Thresholds thresholds,
      List<BlockingRule<PersonRecord>> rules,
      String actor) {
    return run(rosterId, oneToOne, thresholds, rules, actor, step -> {});
  }

  /** The same, telling each step by its message key (a page shows it while the run goes on). */
  public Run run(
      long rosterId,
      boolean oneToOne,
      Thresholds thresholds,
      List<BlockingRule<PersonRecord>> rules,
      String actor,
      java.util.function.Consumer<String> step) {
    return run(rosterId, oneToOne, thresholds, rules, actor, step, false);
  }

  /** The same, training the model anew on this list first when {@code retrain}. */
  public Run run(
      long rosterId,
      boolean oneToOne,
      Thresholds thresholds,
      List<BlockingRule<PersonRecord>> rules,
      String actor,
      java.util.function.Consumer<String> step,
      boolean retrain) {
    return run(rosterId, oneToOne, thresholds, rules, actor, step, retrain, Linker.Progress.NONE);
  }

  /**
   * The same, {@code progress} hearing how far the step under way is: how many of the registry's
   * new and changed persons are prepared (nothing when none is), then how many of the candidate
   * pairs are compared (a command shows each as a bar, {@link MatchCommand.StepLines}).
   */
  Run run(
      long rosterId,
      boolean oneToOne,
      Thresholds thresholds,
      List<BlockingRule<PersonRecord>> rules,
      String actor,
      java.util.function.Consumer<String> step,
      boolean retrain,
      Linker.Progress progress) {
    Linked done = link(rosterId, rules, oneToOne, retrain, actor, step, progress);
    List<PersonRecord> entries = done.entries();
    StoredRecords.View persons = done.persons();
    Linker.Result<PersonRecord> r = done.result();
    step.accept("job.match.storing");
    return jdbi.inTransaction(
        h -> {
          Map<String, Object> model = new LinkedHashMap<>();
          model.put("lambda", r.model().lambda());
          // the prior its pairs weighed from (one pair's, at a registry's scale), for the record
          r.links().stream()
              .findFirst()
              .ifPresent(l -> model.put("prior_bits", l.scored().priorBits()));
          model.put("fields", r.model().tables());
          long id =
              h.createUpdate(
                      "INSERT INTO match_runs (roster_id, one_to_one, auto_threshold, review_threshold, model,"
                          + " candidates, by_rule, block_ms, train_ms, score_ms, created_by, created_at) VALUES (:roster, :one, :auto,"
                          + " :review, :model, :candidates, :rules, :b, :t, :s, :by, :at)")
                  .bind("roster", rosterId)
                  .bind("one", oneToOne)
                  .bind("auto", thresholds.auto())
                  .bind("review", thresholds.review())
                  .bind("model", StoredJson.write(model))
                  .bind("candidates", r.candidates().size())
                  .bind("rules", StoredJson.write(r.candidates().byRule()))
                  .bind("b", r.blockMillis())
                  .bind("t", r.trainMillis())
                  .bind("s", r.scoreMillis())
                  .bind("by", actor)
                  .bind("at", clock.millis())
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          // COPY: some twelve thousand links a run at a million, sent as one stream, not a batch
          CopyRows rows = new CopyRows(1 << 20);
          int sure = 0;
          int toReview = 0;
          Set<Integer> linked = new HashSet<>();
          List<Linker.Link> proposed = new ArrayList<>(r.links());
          // near-ties, for review: beside the entry's link, or beside the link that took its person
          proposed.addAll(r.alternatives());
          Band[] bands = new Band[proposed.size()];
          CopyRows[] made = new CopyRows[proposed.size()];
          // each link's row made on every core: its explanation as JSON is most of the storing
          IntStream.range(0, proposed.size())
              .parallel()
              .forEach(
                  i -> {
                    Linker.Link l = proposed.get(i);
                    bands[i] = l.band(thresholds, MIN_MARGIN);
                    if (bands[i] != Band.NONE) {
                      made[i] =
                          new CopyRows(1024)
                              .number(id)
                              .number(rosterId)
                              .number((int) entries.get(l.left()).id())
                              .number(persons.id(l.right()))
                              .number(l.scored().weight())
                              .number(l.scored().probability())
                              .text(bands[i].key())
                              .text(StoredJson.write(l.scored()))
                              .end();
                    }
                  });
          for (int i = 0; i < made.length; i++) {
            if (bands[i] == Band.NONE) {
              continue;
            }
            if (bands[i] == Band.AUTO) {
              sure++;
            } else {
              toReview++;
            }
            linked.add(proposed.get(i).left());
            rows.append(made[i]);
          }
          if (!rows.isEmpty()) {
            rows.copy(
                h,
                "COPY matches (run_id, roster_id, entry_row, person_id, weight, probability, band,"
                    + " explanation) FROM STDIN");
          }
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("roster", rosterId);
          after.put("auto", sure);
          after.put("review", toReview);
          after.put("candidates", r.candidates().size());
          journal.append(
              h,
              Change.by(actor, "match.run")
                  .on("match-run", String.valueOf(id))
                  .now(StoredJson.write(after)));
          return new Run(
              id,
              entries.size(),
              persons.size(),
              sure,
              toReview,
              entries.size() - linked.size(),
              r);
        });
  }

  /** A list linked to the registry: its entries, the registry's persons as read, the result. */
  private record Linked(
      List<PersonRecord> entries, StoredRecords.View persons, Linker.Result<PersonRecord> result) {}

  /**
   * Brings the stored records up to date, streams them past the list's keys, and links with the
   * stored model, or trains one and stores it (always with {@code train}).
   */
  private Linked link(
      long rosterId,
      List<BlockingRule<PersonRecord>> rules,
      boolean oneToOne,
      boolean train,
      String actor,
      java.util.function.Consumer<String> step,
      Linker.Progress progress) {
    step.accept("job.match.preparing");
    // the list's kept entries read and their keys indexed on another thread while the database
    // finds the registry's stale records
    record Listed(ListRecords.Kept kept, StreamedBlocking blocking) {}
    CompletableFuture<Listed> listed =
        CompletableFuture.supplyAsync(
            () -> {
              ListRecords.Kept read = ListRecords.read(jdbi, rosters, rosterId);
              Listed done = new Listed(read, StreamedBlocking.ofStored(read.probeKeys(), rules));
              // the names' dictionaries and tables loaded here, while the registry streams, and
              // not by the first comparison, which every comparing thread would wait on (70 ms)
              org.handover.names.Names.compare("Ковальчук Юрій", "Kovalchuk Yurii");
              return done;
            },
            runnable -> new Thread(runnable, "match-list").start());
    StoredRecords.refresh(jdbi, progress);
    step.accept("job.match.reading");
    // the stored model read while the list is still being read: it does not depend on it
    Optional<MatchModels.Kept> newest =
        train ? Optional.empty() : models.newest(MatchModels.Kind.MATCH);
    Listed list = Background.join(listed);
    List<PersonRecord> entries = list.kept().entries();
    StreamedBlocking blocking = list.blocking();
    Linker.Options options =
        Linker.Options.defaults().oneToOne(oneToOne).pairPrior(true).progress(progress);
    long t0 = System.nanoTime();
    List<byte[]> stored = jdbi.withHandle(h -> StoredRecords.stream(h, blocking::accept, n -> {}));
    if (entries.isEmpty() || stored.isEmpty()) {
      throw new NothingToLink(
          "nothing to link: " + entries.size() + " entries, " + stored.size() + " persons");
    }
    Candidates c = blocking.candidates(options.maxBlock());
    StoredRecords.View persons = StoredRecords.view(stored);
    long blockMillis = (System.nanoTime() - t0) / 1_000_000;
    Optional<Model<PersonRecord>> kept = newest.flatMap(k -> k.forList(entries.size()));
    step.accept(kept.isPresent() ? "job.match.comparing" : "job.match.training");
    Linker.Result<PersonRecord> r =
        Linker.link(
            entries,
            persons,
            c,
            blockMillis,
            PersonFields.all(),
            rules,
            options,
            kept.orElse(null));
    if (kept.isEmpty()) {
      step.accept("job.train.storing");
      models.save(
          new MatchModels.Trained(
              MatchModels.Kind.MATCH,
              r.model(),
              Optional.of(rosterId),
              persons.size(),
              entries.size(),
              c.size(),
              r.trainMillis()),
          actor);
    }
    // what is kept only saves the next run its preparing: a failure to keep it is logged there
    list.kept().stored().join();
    return new Linked(entries, persons, r);
  }

  /**
   * Trains a model on a list against the registry and stores it for the runs after (`model train`);
   * no run is stored. Returns the stored model's facts.
   */
  public MatchModels.Info train(
      long rosterId, String actor, java.util.function.Consumer<String> step) {
    return train(rosterId, actor, step, Linker.Progress.NONE);
  }

  MatchModels.Info train(
      long rosterId,
      String actor,
      java.util.function.Consumer<String> step,
      Linker.Progress progress) {
    link(rosterId, PersonBlocking.rules(), false, true, actor, step, progress);
    return models.latest(MatchModels.Kind.MATCH).orElseThrow();
  }

  /** One stored link, with the decision on its pair if there is one ("" if not). */
  public record StoredMatch(
      long runId,
      long rosterId,
      int entryRow,
      long personId,
      double weight,
      double probability,
      Band band,
      Model.Scored explanation,
      String decision,
      String decidedBy) {}

  /** The links of a run: undecided ones first, the least certain first; decided ones after. */
  public List<StoredMatch> matches(long runId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT m.*, d.decision, d.decided_by FROM matches m LEFT JOIN"
                        + " match_decisions d ON d.roster_id = m.roster_id AND d.entry_row = m.entry_row AND d.person_id = m.person_id"
                        + " WHERE m.run_id = :run ORDER BY CASE WHEN d.decision IS NULL THEN 0 ELSE 1 END, ABS(m.probability - 0.5),"
                        + " m.entry_row, m.person_id")
                .bind("run", runId)
                .map(
                    (rs, ctx) ->
                        new StoredMatch(
                            rs.getLong("run_id"),
                            rs.getLong("roster_id"),
                            rs.getInt("entry_row"),
                            rs.getLong("person_id"),
                            rs.getDouble("weight"),
                            rs.getDouble("probability"),
                            Band.fromKey(rs.getString("band")),
                            StoredJson.explanation(rs.getString("explanation")),
                            Optional.ofNullable(rs.getString("decision")).orElse(""),
                            Optional.ofNullable(rs.getString("decided_by")).orElse("")))
                .list());
  }

  /** One run of a roster, as its page lists it. */
  public record RunSummary(
      long id, String createdBy, long createdAt, int auto, int review, int confirmed) {}

  public List<RunSummary> runs(long rosterId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT r.id, r.created_by, r.created_at,"
                        + " (SELECT COUNT(*) FROM matches m WHERE m.run_id = r.id AND m.band = 'auto') AS auto_count,"
                        + " (SELECT COUNT(*) FROM matches m WHERE m.run_id = r.id AND m.band = 'review') AS review_count,"
                        + " (SELECT COUNT(*) FROM matches m JOIN match_decisions d ON d.roster_id = m.roster_id"
                        + " AND d.entry_row = m.entry_row AND d.person_id = m.person_id WHERE m.run_id = r.id"
                        + " AND d.decision = 'confirmed') AS confirmed_count FROM match_runs r WHERE r.roster_id = :roster ORDER BY r.id DESC")
                .bind("roster", rosterId)
                .map(
                    (rs, ctx) ->
                        new RunSummary(
                            rs.getLong("id"),
                            rs.getString("created_by"),
                            rs.getLong("created_at"),
                            rs.getInt("auto_count"),
                            rs.getInt("review_count"),
                            rs.getInt("confirmed_count")))
                .list());
  }

  /** An undecided pair of the run linked without review: it settles its entry. */
  private static final String UNDECIDED_AUTO =
      "SELECT a.entry_row FROM matches a WHERE a.run_id = :run AND a.band = 'auto' AND NOT EXISTS"
          + " (SELECT 1 FROM match_decisions d WHERE d.roster_id = a.roster_id"
          + " AND d.entry_row = a.entry_row AND d.person_id = a.person_id)";

  /**
   * The entries of a run that no reviewer needs to look at: confirmed to a person (in any run), or
   * linked without review and not rejected. The review queue, the home page and the verified list
   * all leave them out of what waits.
   */
  public java.util.Set<Integer> settled(long runId) {
    return new java.util.HashSet<>(
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT d.entry_row FROM match_decisions d JOIN match_runs r"
                            + " ON r.roster_id = d.roster_id WHERE r.id = :run"
                            + " AND d.decision = 'confirmed' UNION "
                            + UNDECIDED_AUTO)
                    .bind("run", runId)
                    .mapTo(Integer.class)
                    .list()));
  }

  /** How far a list's verification has come: its latest run, and its entries by how they stand. */
  public record Progress(long runId, int confirmed, int linkedWithoutReview, int waiting) {}

  /** The list's progress after its latest run; empty when it was never matched. */
  public Optional<Progress> progress(long rosterId) {
    Optional<Long> run =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT MAX(id) FROM match_runs WHERE roster_id = :r")
                    .bind("r", rosterId)
                    .mapTo(Long.class)
                    .findOne());
    return run.map(
        id ->
            jdbi.withHandle(
                h ->
                    new Progress(
                        id,
                        h.createQuery(
                                "SELECT COUNT(DISTINCT entry_row) FROM match_decisions"
                                    + " WHERE roster_id = :r AND decision = 'confirmed'")
                            .bind("r", rosterId)
                            .mapTo(Integer.class)
                            .one(),
                        h.createQuery(
                                "SELECT COUNT(DISTINCT entry_row) FROM ("
                                    + UNDECIDED_AUTO
                                    + ") x WHERE x.entry_row NOT IN (SELECT entry_row FROM"
                                    + " match_decisions WHERE roster_id = :r AND decision = 'confirmed')")
                            .bind("run", id)
                            .bind("r", rosterId)
                            .mapTo(Integer.class)
                            .one(),
                        waiting(id))));
  }

  /**
   * How many entries of a run wait for a reviewer: a pair in the review band not decided, on an
   * entry not {@link #settled}.
   */
  public int waiting(long runId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT COUNT(DISTINCT m.entry_row) FROM matches m WHERE m.run_id = :run AND"
                        + " m.band = 'review' AND NOT EXISTS (SELECT 1 FROM match_decisions d"
                        + " WHERE d.roster_id = m.roster_id AND d.entry_row = m.entry_row AND"
                        + " (d.person_id = m.person_id OR d.decision = 'confirmed'))"
                        + " AND m.entry_row NOT IN ("
                        + UNDECIDED_AUTO
                        + ")")
                .bind("run", runId)
                .mapTo(Integer.class)
                .one());
  }

  public Optional<Long> rosterOf(long runId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT roster_id FROM match_runs WHERE id = :id")
                .bind("id", runId)
                .mapTo(Long.class)
                .findOne());
  }

  /**
   * Confirms or rejects the pair (entry, person) of a roster; journaled with the decision it
   * replaces. A person already linked to another row of the list is refused ({@link
   * ConfirmedElsewhere}).
   */
  public void decide(long rosterId, int entryRow, long personId, String decision, String actor) {
    decide(rosterId, entryRow, personId, decision, actor, 0);
  }

  /**
   * As {@link #decide(long, int, long, String, String)}; {@code seenLinkedTo} is the other row the
   * reviewer saw the person linked to, holding that the list names them twice (journaled): asked
   * again if the person now stands linked to another row than that.
   */
  public void decide(
      long rosterId, int entryRow, long personId, String decision, String actor, int seenLinkedTo) {
    if (!decision.equals("confirmed") && !decision.equals("rejected")) {
      throw new IllegalArgumentException(
          "decision: unknown value '" + decision + "' (confirmed or rejected)");
    }
    String importedBy = rosters.find(rosterId).map(Rosters.Summary::importedBy).orElse("");
    if (decision.equals("confirmed") && fourEyes() && importedBy.equals(actor)) {
      throw new SameHands(importedBy);
    }
    jdbi.useTransaction(
        h -> {
          long known =
              h.createQuery(
                      "SELECT COUNT(*) FROM matches WHERE roster_id = :r AND entry_row = :e AND person_id = :p")
                  .bind("r", rosterId)
                  .bind("e", entryRow)
                  .bind("p", personId)
                  .mapTo(Long.class)
                  .one();
          if (known == 0) {
            throw new IllegalArgumentException(
                "no run proposed entry "
                    + entryRow
                    + " of roster "
                    + rosterId
                    + " with person "
                    + personId);
          }
          // decisions on one list one at a time: two reviewers cannot both confirm an entry
          h.createQuery("SELECT id FROM rosters WHERE id = :r FOR UPDATE")
              .bind("r", rosterId)
              .mapTo(Long.class)
              .findOne();
          if (decision.equals("confirmed")) {
            // one entry, one person: a second reviewer on a page shown before the first decided
            long elsewhere =
                h.createQuery(
                        "SELECT COUNT(*) FROM match_decisions WHERE roster_id = :r AND entry_row = :e"
                            + " AND person_id <> :p AND decision = 'confirmed'")
                    .bind("r", rosterId)
                    .bind("e", entryRow)
                    .bind("p", personId)
                    .mapTo(Long.class)
                    .one();
            if (elsewhere > 0) {
              throw new org.handover.server.storage.StaleRecordException(
                  "entry "
                      + entryRow
                      + " of roster "
                      + rosterId
                      + " is confirmed to another person");
            }
          }
          // one person, one row, unless the reviewer saw the other and holds the list names them
          // twice: a second row confirmed by a slip would report one man found as two
          Optional<Integer> otherRow =
              decision.equals("confirmed")
                  ? EntryLinks.otherRowLinkedTo(h, rosterId, personId, entryRow)
                  : Optional.empty();
          if (otherRow.isPresent() && otherRow.get() != seenLinkedTo) {
            throw new ConfirmedElsewhere(otherRow.get());
          }
          Optional<String> before = forget(h, rosterId, entryRow, personId);
          h.createUpdate(
                  "INSERT INTO match_decisions (roster_id, entry_row, person_id, decision, decided_by, decided_at)"
                      + " VALUES (:r, :e, :p, :d, :by, :at)")
              .bind("r", rosterId)
              .bind("e", entryRow)
              .bind("p", personId)
              .bind("d", decision)
              .bind("by", actor)
              .bind("at", clock.millis())
              .execute();
          String id = rosterId + "/" + entryRow + "/" + personId;
          journal.append(
              h,
              Change.by(actor, "match.decide")
                  .on("match", id)
                  .was(before.map(b -> Json.write(Map.of("decision", b))).orElse(""))
                  .now(Json.write(decided(decision, importedBy, otherRow))));
        });
  }

  /** Removes the decision on a pair, returning what it was (empty when there was none). */
  private static Optional<String> forget(
      org.jdbi.v3.core.Handle h, long rosterId, int entryRow, long personId) {
    Optional<String> before =
        h.createQuery(
                "SELECT decision FROM match_decisions WHERE roster_id = :r AND"
                    + " entry_row = :e AND person_id = :p FOR UPDATE")
            .bind("r", rosterId)
            .bind("e", entryRow)
            .bind("p", personId)
            .mapTo(String.class)
            .findOne();
    before.ifPresent(
        b ->
            h.createUpdate(
                    "DELETE FROM match_decisions WHERE roster_id = :r AND entry_row = :e AND"
                        + " person_id = :p")
                .bind("r", rosterId)
                .bind("e", entryRow)
                .bind("p", personId)
                .execute());
    return before;
  }

  /** A decision as journaled: what was decided, and who imported the list (four eyes). */
  private static Map<String, Object> decided(
      String decision, String importedBy, Optional<Integer> alsoLinkedTo) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("decision", decision);
    after.put("imported_by", importedBy);
    alsoLinkedTo.ifPresent(row -> after.put("also_linked_to_row", row));
    return after;
  }

  /** The person stands linked to another row of the list: confirmed again only if told twice. */
  public static final class ConfirmedElsewhere extends RuntimeException {
    private final int row;

    public ConfirmedElsewhere(int row) {
      super("the person is already linked to row " + row + " of this list");
      this.row = row;
    }

    /** The list's row the person is linked to. */
    public int row() {
      return row;
    }
  }

  /**
   * Four eyes (env HANDOVER_FOUR_EYES, on unless "off"): who imported a list does not also confirm
   * its links; a second person does, and the journal names both.
   */
  public static boolean fourEyes() {
    return org.handover.core.accounts.FourEyes.on();
  }

  /** A list or a registry with nothing in it to compare. */
  public static final class NothingToLink extends IllegalArgumentException {
    public NothingToLink(String what) {
      super(what);
    }
  }

  /** A confirmation refused: the one who imported the list may not confirm its links. */
  public static final class SameHands extends RuntimeException {
    public SameHands(String importer) {
      super(importer + " imported this list: a second person confirms its links (four eyes)");
    }
  }

  /**
   * Takes a decision back: the pair is proposed again as its run proposed it (in review, or linked
   * without review). Journaled with the decision taken back; false if there was none.
   */
  public boolean undo(long rosterId, int entryRow, long personId, String actor) {
    return jdbi.inTransaction(
        h -> {
          Optional<String> before = forget(h, rosterId, entryRow, personId);
          if (before.isEmpty()) {
            return false;
          }
          journal.append(
              h,
              Change.by(actor, "match.undo")
                  .on("match", rosterId + "/" + entryRow + "/" + personId)
                  .was(Json.write(Map.of("decision", before.get())))
                  .now(""));
          return true;
        });
  }
}
