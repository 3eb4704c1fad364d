package org.handover.server.matching;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.matching.FieldComparison;
import org.handover.core.matching.Model;
import org.handover.core.matching.NamesTogether;
import org.handover.core.matching.PersonFields;
import org.handover.core.matching.PersonRecord;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Trained models kept, so that training is not part of every run: a model is trained once per
 * registry (when none is stored, when the engine's features changed, or when more than {@link
 * #RETRAIN_SHARE} of the registry was added or changed since) and reused, only its prior share of
 * matches estimated again on each run's candidates. Two kinds are kept apart: a list's entries
 * against the registry, and the registry against itself (a search for duplicates). Storing one is
 * journaled.
 */
public final class MatchModels {
  /**
   * The share of the registry added or changed since training beyond which a model is retrained.
   */
  public static final double RETRAIN_SHARE = 0.10;

  private final Jdbi jdbi;
  private final Journal journal;
  private final Clock clock;

  MatchModels(Jdbi jdbi, Journal journal, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.clock = clock;
  }

  /** What a model links: a list against the registry, or the registry with itself. */
  public enum Kind {
    MATCH,
    DUPLICATES;

    /** As stored. */
    String column() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A stored model's facts, as `model show` and the page print them. */
  public record Info(
      long id,
      String features,
      String version,
      long trainedAt,
      String trainedBy,
      Optional<Long> rosterId,
      int persons,
      int entries,
      long pairs,
      long trainMillis,
      double lambda) {}

  /** Why the newest model cannot be used: a message key's last word. */
  public enum Stale {
    NONE,
    NO_MODEL,
    FEATURES,
    REGISTRY;

    public String key() {
      return "model.stale." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** The newest model and whether it can be used, with how many persons changed since. */
  public record Status(Optional<Info> latest, Stale stale, long changedSince, long persons) {
    public boolean usable() {
      return stale == Stale.NONE;
    }
  }

  /** The newest match model and whether it can be used. */
  public Status status() {
    return status(Kind.MATCH);
  }

  public Status status(Kind kind) {
    List<FieldComparison<PersonRecord>> fields = PersonFields.all();
    return jdbi.withHandle(
        h -> {
          Optional<Info> latest = latest(h, kind);
          // both counts in one pass over the registry (a quarter of a second at a million)
          long[] counts =
              h.createQuery(
                      "SELECT COUNT(*) FILTER (WHERE merged_into IS NULL) AS persons,"
                          + " COUNT(*) FILTER (WHERE updated_at > :t) AS changed FROM persons")
                  .bind("t", latest.map(Info::trainedAt).orElse(Long.MAX_VALUE))
                  .map((rs, ctx) -> new long[] {rs.getLong("persons"), rs.getLong("changed")})
                  .one();
          long persons = counts[0];
          if (latest.isEmpty()) {
            return new Status(latest, Stale.NO_MODEL, 0, persons);
          }
          long changed = counts[1];
          Stale stale =
              !latest.get().features().equals(Model.features(fields))
                  ? Stale.FEATURES
                  : changed > RETRAIN_SHARE * Math.max(1, latest.get().persons())
                      ? Stale.REGISTRY
                      : Stale.NONE;
          return new Status(latest, stale, changed, persons);
        });
  }

  /** The newest model's facts, without counting the registry as {@link #status} does. */
  public Optional<Info> latest(Kind kind) {
    return jdbi.withHandle(h -> latest(h, kind));
  }

  private static Optional<Info> latest(Handle h, Kind kind) {
    // the facts alone: the model itself (m, u, term frequencies) is read when applied
    return h.createQuery(
            "SELECT id, features, handover_version, trained_at, trained_by, roster_id,"
                + " persons, entries, pairs, train_ms, lambda FROM match_models WHERE kind = :kind"
                + " ORDER BY id DESC LIMIT 1")
        .bind("kind", kind.column())
        .map(
            (rs, ctx) ->
                new Info(
                    rs.getLong("id"),
                    rs.getString("features"),
                    rs.getString("handover_version"),
                    rs.getLong("trained_at"),
                    rs.getString("trained_by"),
                    Optional.ofNullable((Long) rs.getObject("roster_id", Long.class)),
                    rs.getInt("persons"),
                    rs.getInt("entries"),
                    rs.getLong("pairs"),
                    rs.getLong("train_ms"),
                    rs.getDouble("lambda")))
        .findOne();
  }

  /**
   * A model learnt from fewer entries than this gives way to one learnt from a larger list: a
   * handful of entries teaches EM little, and the typical m it then falls back to would stand for
   * every later list.
   */
  public static final int MIN_TRAINING_ENTRIES = 1_000;

  /**
   * The model to apply to a list of {@code entries}, when the newest stored one is usable and was
   * not learnt from a small list where this one is larger.
   */
  Optional<Model<PersonRecord>> usable(int entries) {
    return usable(Kind.MATCH, entries);
  }

  /** The same for a kind of model; a deduplication model's entries are the persons it saw. */
  Optional<Model<PersonRecord>> usable(Kind kind, int entries) {
    return newest(kind).flatMap(k -> k.forList(entries));
  }

  /**
   * The newest stored model of a kind while usable, read before the list it is for is known (a
   * match reads it while the list is read).
   */
  Optional<Kept> newest(Kind kind) {
    Status s = status(kind);
    if (!s.usable()) {
      return Optional.empty();
    }
    return Optional.of(new Kept(restore(s.latest().get().id()), s.latest().get().entries()));
  }

  /** A stored model and how many entries it learnt from. */
  record Kept(Model<PersonRecord> model, int entries) {
    /**
     * The model for a list of {@code listed} entries: not one learnt from a small list where this
     * one is larger.
     */
    Optional<Model<PersonRecord>> forList(int listed) {
      return entries < MIN_TRAINING_ENTRIES && listed > entries
          ? Optional.empty()
          : Optional.of(model);
    }
  }

  /** A stored model's m and u, per field and level. */
  public Map<String, Map<String, double[]>> tables(long id) {
    return jdbi.withHandle(
        h ->
            tables(
                Json.<Map<String, Object>>read(
                        h.createQuery("SELECT model FROM match_models WHERE id = :id")
                            .bind("id", id)
                            .mapTo(String.class)
                            .one(),
                        new TypeReference<>() {})
                    .get("fields")));
  }

  private Model<PersonRecord> restore(long id) {
    return jdbi.withHandle(
        h -> {
          Map<String, Object> row =
              h.createQuery("SELECT model, lambda, counts FROM match_models WHERE id = :id")
                  .bind("id", id)
                  .mapToMap()
                  .one();
          Map<String, Object> stored =
              Json.read((String) row.get("model"), new TypeReference<>() {});
          double lambda = ((Number) row.get("lambda")).doubleValue();
          if (row.get("counts") instanceof byte[] counts) {
            ModelCounts.Read read = ModelCounts.read(counts);
            return Model.restore(
                PersonFields.all(),
                tables(stored.get("fields")),
                lambda,
                read.terms(),
                read.together());
          }
          // stored before the counts were kept as bytes
          @SuppressWarnings("unchecked")
          List<Map<String, Double>> tf =
              ((List<Map<String, Number>>) stored.get("terms"))
                  .stream()
                      .map(
                          m -> {
                            Map<String, Double> out = new java.util.HashMap<>();
                            m.forEach((k, v) -> out.put(k, v.doubleValue()));
                            return out;
                          })
                      .toList();
          return Model.restore(
              PersonFields.all(), tables(stored.get("fields")), lambda, tf, together(stored));
        });
  }

  /** The registry's names counted together, as a model stored them. */
  @SuppressWarnings("unchecked")
  private static NamesTogether together(Map<String, Object> stored) {
    Map<String, Object> t = (Map<String, Object>) stored.get("together");
    if (t == null) {
      return NamesTogether.none(); // stored before names were counted together: trained again
    }
    List<Map<String, Number>> counts = (List<Map<String, Number>>) t.get("counts");
    List<Map<String, Integer>> ints =
        counts.stream()
            .map(
                c -> {
                  Map<String, Integer> out = new java.util.HashMap<>();
                  c.forEach((k, v) -> out.put(k, v.intValue()));
                  return out;
                })
            .toList();
    return NamesTogether.restore(
        PersonFields.all(),
        ints,
        ((Number) t.get("registry")).intValue(),
        Boolean.TRUE.equals(t.get("one_list")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, double[]>> tables(Object stored) {
    Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
    ((Map<String, Map<String, List<Number>>>) stored)
        .forEach(
            (field, levels) -> {
              Map<String, double[]> l = new LinkedHashMap<>();
              levels.forEach(
                  (level, mu) ->
                      l.put(
                          level, new double[] {mu.get(0).doubleValue(), mu.get(1).doubleValue()}));
              out.put(field, l);
            });
    return out;
  }

  /** What a training saw and took. */
  record Trained(
      Kind kind,
      Model<PersonRecord> model,
      Optional<Long> rosterId,
      int persons,
      int entries,
      long pairs,
      long trainMillis) {}

  /** Stores a trained model, journaled; returns its id. */
  long save(Trained t, String actor) {
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("fields", t.model().tables());
    byte[] counts = ModelCounts.write(t.model());
    String features = Model.features(PersonFields.all());
    String version =
        Optional.ofNullable(MatchModels.class.getPackage().getImplementationVersion())
            .orElse("development");
    return jdbi.inTransaction(
        h -> {
          long id =
              h.createUpdate(
                      "INSERT INTO match_models (kind, features, handover_version, trained_at,"
                          + " trained_by, roster_id, persons, entries, pairs, train_ms, lambda, model,"
                          + " counts) VALUES (:kind, :f, :v, :at, :by, :roster, :persons, :entries,"
                          + " :pairs, :ms, :lambda, :model, :counts)")
                  .bind("kind", t.kind().column())
                  .bind("f", features)
                  .bind("v", version)
                  .bind("at", clock.millis())
                  .bind("by", actor)
                  .bind("roster", t.rosterId().orElse(null))
                  .bind("persons", t.persons())
                  .bind("entries", t.entries())
                  .bind("pairs", t.pairs())
                  .bind("ms", t.trainMillis())
                  .bind("lambda", t.model().lambda())
                  .bind("model", Json.write(stored))
                  .bind("counts", counts)
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("kind", t.kind().column());
          after.put("roster", t.rosterId().orElse(null));
          after.put("persons", t.persons());
          after.put("entries", t.entries());
          after.put("pairs", t.pairs());
          after.put("version", version);
          journal.append(
              h,
              Change.by(actor, "match.model")
                  .on("match-model", String.valueOf(id))
                  .now(Json.write(after)));
          return id;
        });
  }
}
