package org.handover.server.matching;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.handover.core.matching.Band;
import org.handover.core.matching.Candidates;
import org.handover.core.matching.DuplicateBlocking;
import org.handover.core.matching.DuplicateGroups;
import org.handover.core.matching.Linker;
import org.handover.core.matching.Model;
import org.handover.core.matching.PersonBlocking;
import org.handover.core.matching.PersonFields;
import org.handover.core.matching.PersonRecord;
import org.handover.core.matching.Thresholds;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.registry.Registry;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Persons recorded twice in the registry. A search stores its groups (every member linked to every
 * other: nobody is chained to a stranger through a third) with the pairs' explanations; a reviewer
 * merges a group into one person or marks two persons as different people, and a later search
 * leaves such a pair alone. Every decision is journaled.
 */
public final class Duplicates {
  private final Jdbi jdbi;
  private final Registry registry;
  private final Journal journal;
  private final Clock clock;
  private final MatchModels models;

  public Duplicates(
      Jdbi jdbi, Registry registry, Journal journal, MatchModels models, Clock clock) {
    this.jdbi = jdbi;
    this.models = models;
    this.registry = registry;
    this.journal = journal;
    this.clock = clock;
    journal.audit(MatchAudit.DUPLICATE_RUNS);
    journal.audit(MatchAudit.DIFFERENT);
  }

  /** A stored search. */
  public record RunSummary(
      long id, long persons, long candidates, int groups, String createdBy, long createdAt) {}

  /** Two persons of a group, how alike they are, and why. */
  public record Pair(
      long personId,
      long otherId,
      double weight,
      double probability,
      Band band,
      Model.Scored explanation) {}

  /** A group of persons that may be one, with the pairs between them. */
  public record Group(long runId, int number, List<Long> persons, List<Pair> pairs) {}

  /**
   * A stored search: its id, every proposed pair (by person id), how many were sure, the groups,
   * the engine's result.
   */
  public record Found(
      long runId,
      int persons,
      List<Pair> pairs,
      Map<Long, String> references,
      int auto,
      int review,
      int groups,
      Linker.Result<PersonRecord> result) {}

  /** The deduplication model kept, and whether the next search can use it. */
  public MatchModels.Status model() {
    return models.status(MatchModels.Kind.DUPLICATES);
  }

  /**
   * Trains the deduplication model on the registry and keeps it for the searches after (`model
   * train --duplicates`); nothing is searched.
   */
  public MatchModels.Info train(String actor, Consumer<String> step, Linker.Progress progress) {
    step.accept("job.duplicates.reading");
    List<PersonRecord> persons = StoredRecords.all(jdbi);
    if (persons.size() < 2) {
      throw new Matching.NothingToLink(
          "the registry has " + persons.size() + " persons: nothing to compare");
    }
    long t0 = System.nanoTime();
    step.accept("job.duplicates.model");
    Model<PersonRecord> model =
        Linker.dedupeModel(
            persons,
            PersonFields.all(),
            PersonBlocking.rules(),
            Linker.Options.defaults().progress(progress));
    step.accept("job.train.storing");
    save(model, persons.size(), 0, (System.nanoTime() - t0) / 1_000_000, actor);
    return models.latest(MatchModels.Kind.DUPLICATES).orElseThrow();
  }

  private void save(
      Model<PersonRecord> model, int persons, long pairs, long trainMillis, String actor) {
    models.save(
        new MatchModels.Trained(
            MatchModels.Kind.DUPLICATES,
            model,
            Optional.empty(),
            persons,
            persons,
            pairs,
            trainMillis),
        actor);
  }

  /**
   * Searches the registry for persons recorded twice and stores what it finds; returns the run's
   * id.
   */
  public long find(Thresholds thresholds, String actor) {
    return search(thresholds, actor).runId();
  }

  /**
   * Searches the registry for persons recorded twice, leaving out pairs marked as different people,
   * and stores the groups it finds with their pairs.
   */
  public Found search(Thresholds thresholds, String actor) {
    return search(thresholds, actor, step -> {});
  }

  /** The same, telling each step by its message key (a page shows it while the search runs). */
  public Found search(Thresholds thresholds, String actor, Consumer<String> step) {
    return search(thresholds, actor, step, false);
  }

  /** The same, the model trained again first when {@code retrain} (else the kept one applied). */
  public Found search(Thresholds thresholds, String actor, Consumer<String> step, boolean retrain) {
    return search(thresholds, actor, step, retrain, Linker.Progress.NONE);
  }

  /** The same, {@code progress} hearing how many of the candidate pairs are compared. */
  Found search(
      Thresholds thresholds,
      String actor,
      Consumer<String> step,
      boolean retrain,
      Linker.Progress progress) {
    step.accept("job.duplicates.reading");
    long t0 = System.nanoTime();
    DuplicateBlocking blocking = new DuplicateBlocking(PersonBlocking.dedupeRules());
    List<PersonRecord> persons = StoredRecords.all(jdbi, blocking::accept);
    if (persons.size() < 2) {
      throw new Matching.NothingToLink(
          "the registry has " + persons.size() + " persons: nothing to compare");
    }
    Set<Long> different = differentPairs();
    Linker.Options options = Linker.Options.defaults().progress(progress);
    Candidates candidates = blocking.candidates(options.maxBlock());
    long blockMillis = (System.nanoTime() - t0) / 1_000_000;
    Optional<Model<PersonRecord>> model =
        retrain ? Optional.empty() : models.usable(MatchModels.Kind.DUPLICATES, persons.size());
    step.accept(model.isPresent() ? "job.duplicates.comparing" : "job.duplicates.training");
    Linker.Result<PersonRecord> r =
        Linker.dedupe(
            persons,
            candidates,
            blockMillis,
            PersonFields.all(),
            PersonBlocking.rules(),
            options,
            model.orElse(null));
    if (model.isEmpty()) {
      step.accept("job.train.storing");
      save(r.model(), persons.size(), candidates.size(), r.trainMillis(), actor);
    }
    step.accept("job.duplicates.storing");
    List<Linker.Link> kept = new ArrayList<>();
    List<DuplicateGroups.Pair> pairs = new ArrayList<>();
    for (Linker.Link l : r.links()) {
      long a = persons.get(l.left()).id();
      long b = persons.get(l.right()).id();
      if (l.band(thresholds, Matching.MIN_MARGIN) == Band.NONE || different.contains(key(a, b))) {
        continue;
      }
      kept.add(l);
      pairs.add(new DuplicateGroups.Pair(l.left(), l.right(), l.scored().weight()));
    }
    List<Set<Integer>> groups = DuplicateGroups.of(pairs);
    List<Pair> proposed = new ArrayList<>();
    Map<Long, String> references = new HashMap<>();
    int sure = 0;
    for (Linker.Link l : kept) {
      references.put(persons.get(l.left()).id(), persons.get(l.left()).reference());
      references.put(persons.get(l.right()).id(), persons.get(l.right()).reference());
      Band band = l.band(thresholds, Matching.MIN_MARGIN);
      sure += band == Band.AUTO ? 1 : 0;
      proposed.add(
          new Pair(
              persons.get(l.left()).id(),
              persons.get(l.right()).id(),
              l.scored().weight(),
              l.scored().probability(),
              band,
              l.scored()));
    }
    int sureCount = sure;
    long runId =
        jdbi.inTransaction(
            h -> {
              long id =
                  h.createUpdate(
                          "INSERT INTO duplicate_runs (review_threshold, auto_threshold, persons, candidates,"
                              + " groups_found, created_by, created_at) VALUES (:review, :auto, :persons, :candidates, :groups, :by, :at)")
                      .bind("review", thresholds.review())
                      .bind("auto", thresholds.auto())
                      .bind("persons", persons.size())
                      .bind("candidates", r.candidates().size())
                      .bind("groups", groups.size())
                      .bind("by", actor)
                      .bind("at", clock.millis())
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              Map<Integer, Integer> groupOf = new LinkedHashMap<>();
              for (int g = 0; g < groups.size(); g++) {
                for (int member : groups.get(g)) {
                  groupOf.put(member, g + 1);
                }
              }
              PreparedBatch batch =
                  h.prepareBatch(
                      "INSERT INTO duplicate_pairs (run_id, group_no, person_id, other_id, weight,"
                          + " probability, band, explanation) VALUES (:run, :group, :a, :b, :w, :p, :band, :why)");
              for (Linker.Link l : kept) {
                Integer g = groupOf.get(l.left());
                if (g == null || !g.equals(groupOf.get(l.right()))) {
                  continue; // a pair that joined no group: its two persons belong to groups of
                  // people closer to them
                }
                batch
                    .bind("run", id)
                    .bind("group", g)
                    .bind("a", persons.get(l.left()).id())
                    .bind("b", persons.get(l.right()).id())
                    .bind("w", l.scored().weight())
                    .bind("p", l.scored().probability())
                    .bind("band", l.band(thresholds, Matching.MIN_MARGIN).key())
                    .bind("why", StoredJson.write(l.scored()))
                    .add();
              }
              if (batch.size() > 0) {
                batch.execute();
              }
              journal.append(
                  h,
                  Change.by(actor, "duplicates.find")
                      .on("duplicate-run", String.valueOf(id))
                      .now(Json.write(Map.of("persons", persons.size(), "groups", groups.size()))));
              return id;
            });
    return new Found(
        runId,
        persons.size(),
        proposed,
        references,
        sureCount,
        proposed.size() - sureCount,
        groups.size(),
        r);
  }

  public Optional<RunSummary> latest() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM duplicate_runs ORDER BY id DESC LIMIT 1")
                .map(
                    (rs, ctx) ->
                        new RunSummary(
                            rs.getLong("id"),
                            rs.getLong("persons"),
                            rs.getLong("candidates"),
                            rs.getInt("groups_found"),
                            rs.getString("created_by"),
                            rs.getLong("created_at")))
                .findOne());
  }

  /**
   * The groups of a run still open: a person merged since, or a pair marked different since, leaves
   * its group; a group left with one person is done.
   */
  public List<Group> groups(long runId) {
    Set<Long> different = differentPairs();
    Set<Long> merged =
        new HashSet<>(
            jdbi.withHandle(
                h ->
                    h.createQuery("SELECT id FROM persons WHERE merged_into IS NOT NULL")
                        .mapTo(Long.class)
                        .list()));
    Map<Integer, List<Pair>> byGroup = new LinkedHashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM duplicate_pairs WHERE run_id = :run ORDER BY group_no, weight DESC,"
                        + " person_id, other_id")
                .bind("run", runId)
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            rs.getInt("group_no"),
                            new Pair(
                                rs.getLong("person_id"),
                                rs.getLong("other_id"),
                                rs.getDouble("weight"),
                                rs.getDouble("probability"),
                                Band.fromKey(rs.getString("band")),
                                StoredJson.explanation(rs.getString("explanation")))))
                .forEach(
                    e -> {
                      Pair p = e.getValue();
                      if (!merged.contains(p.personId())
                          && !merged.contains(p.otherId())
                          && !different.contains(key(p.personId(), p.otherId()))) {
                        byGroup.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(p);
                      }
                    }));
    List<Group> out = new ArrayList<>();
    byGroup.forEach(
        (g, pairs) -> {
          Set<Long> members = new TreeSet<>();
          pairs.forEach(
              p -> {
                members.add(p.personId());
                members.add(p.otherId());
              });
          out.add(new Group(runId, g, List.copyOf(members), pairs));
        });
    return out;
  }

  public Optional<Group> group(long runId, int number) {
    return groups(runId).stream().filter(g -> g.number() == number).findFirst();
  }

  /** Records that two persons are different people: no later search proposes them together. */
  public void markDifferent(long a, long b, String actor) {
    if (a == b) {
      throw new IllegalArgumentException("a person cannot be different from itself");
    }
    long x = Math.min(a, b);
    long y = Math.max(a, b);
    jdbi.useTransaction(
        h -> {
          h.createUpdate("DELETE FROM duplicate_decisions WHERE person_id = :a AND other_id = :b")
              .bind("a", x)
              .bind("b", y)
              .execute();
          h.createUpdate(
                  "INSERT INTO duplicate_decisions (person_id, other_id, decision, decided_by, decided_at)"
                      + " VALUES (:a, :b, 'different', :by, :at)")
              .bind("a", x)
              .bind("b", y)
              .bind("by", actor)
              .bind("at", clock.millis())
              .execute();
          journal.append(
              h,
              Change.by(actor, "duplicates.different")
                  .on("person-pair", x + "/" + y)
                  .now(Json.write(Map.of("decision", "different"))));
        });
  }

  /**
   * Merges a group's other persons into {@code keep}; see {@link Registry#merge}. Under four eyes,
   * refused to whoever added one of them to the registry (by hand or with a list): a second person
   * merges.
   *
   * @throws SameHands naming the persons the actor added
   */
  public void merge(long keep, List<Long> others, String actor) {
    List<Long> all = new ArrayList<>(others);
    all.add(0, keep);
    List<Long> added = addedBy(actor, all);
    if (Matching.fourEyes() && !added.isEmpty()) {
      throw new SameHands(added);
    }
    registry.merge(keep, others, actor);
  }

  /** Of these persons, those {@code actor} added to the registry (the journal says who). */
  public List<Long> addedBy(String actor, List<Long> persons) {
    List<String> ids = persons.stream().map(String::valueOf).toList();
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT CAST(entity_id AS BIGINT) FROM journal WHERE entity = 'person'"
                        + " AND action = 'person.create' AND actor = :a AND entity_id IN (<ids>)"
                        + " UNION SELECT CAST(m.entity_id AS BIGINT) FROM journal_members m JOIN"
                        + " journal j ON j.seq = m.seq WHERE m.entity = 'person' AND j.action ="
                        + " 'person.import' AND j.actor = :a AND m.entity_id IN (<ids>)"
                        + " ORDER BY 1")
                .bind("a", actor)
                .bindList("ids", ids)
                .mapTo(Long.class)
                .list());
  }

  /** A merge refused: the one who added a person to the registry may not merge it (four eyes). */
  public static final class SameHands extends RuntimeException {
    private final List<Long> persons;

    SameHands(List<Long> persons) {
      super("added persons " + persons + " to the registry: a second person merges (four eyes)");
      this.persons = List.copyOf(persons);
    }

    public List<Long> persons() {
      return persons;
    }
  }

  private Set<Long> differentPairs() {
    Set<Long> out = new HashSet<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT person_id, other_id FROM duplicate_decisions WHERE decision = 'different'")
                .map((rs, ctx) -> key(rs.getLong("person_id"), rs.getLong("other_id")))
                .forEach(out::add));
    return out;
  }

  /**
   * Two person ids as one key, in either order (ids are far below 2^31 in any registry this
   * serves).
   */
  private static long key(long a, long b) {
    return Math.min(a, b) << 32 | Math.max(a, b);
  }
}
