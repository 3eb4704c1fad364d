package org.handover.server.retention;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.handover.core.Keys;
import org.handover.server.App;
import org.handover.server.journal.Journal.Change;
import org.handover.server.storage.Json;

/**
 * Retention periods per kind of record, and the deletion of what has been kept past its period,
 * each journaled. The journal never held a relative's contact or a DNA donor's name, so nothing of
 * them stays behind; it does keep the laboratory's reference it recorded with each sample.
 */
public final class Retention {
  /** A kind of personal data kept only while it serves, with Handover's default period. */
  public enum Kind {
    /** A relative's contact on a tracing request, after every child's case is closed. */
    TRACING_CONTACT(730),
    /** Relatives' DNA reference samples, after the person is identified. */
    DNA_SAMPLE(1825);

    private final int defaultDays;

    Kind(int defaultDays) {
      this.defaultDays = defaultDays;
    }

    public String key() {
      return Keys.of(this);
    }

    public static Kind fromKey(String key) {
      return Keys.parse(Kind.class, key, "kind");
    }

    public int defaultDays() {
      return defaultDays;
    }
  }

  private final App app;

  public Retention(App app) {
    this.app = app;
  }

  /** The period of each kind, in days: set by an administrator, else the default. */
  public Map<Kind, Integer> periods() {
    Map<String, Integer> set =
        app
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT kind, days FROM retention_periods")
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                        .list())
            .stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    Map<Kind, Integer> out = new LinkedHashMap<>();
    for (Kind k : Kind.values()) {
      out.put(k, set.getOrDefault(k.key(), k.defaultDays()));
    }
    return out;
  }

  /** Sets a kind's period; journaled with the period before. */
  public void set(Kind kind, int days, String actor) {
    if (days < 0 || days > 36_500) {
      throw new IllegalArgumentException(String.valueOf(days));
    }
    int before = periods().get(kind);
    app.database()
        .jdbi()
        .useTransaction(
            h -> {
              h.createUpdate(
                      "INSERT INTO retention_periods (kind, days, set_by, set_at) VALUES (:k, :d,"
                          + " :by, :at) ON CONFLICT (kind) DO UPDATE SET days = :d, set_by = :by,"
                          + " set_at = :at")
                  .bind("k", kind.key())
                  .bind("d", days)
                  .bind("by", actor)
                  .bind("at", app.clock().millis())
                  .execute();
              app.journal()
                  .append(
                      h,
                      Change.by(actor, "retention.period")
                          .on("retention", kind.key())
                          .was(Json.write(Map.of("days", before)))
                          .now(Json.write(Map.of("days", days))));
            });
  }

  /** What is kept past its period on {@code asOf}: per kind, the records (requests, persons). */
  public Map<Kind, List<Long>> due(LocalDate asOf) {
    return due(asOf, periods());
  }

  private Map<Kind, List<Long>> due(LocalDate asOf, Map<Kind, Integer> periods) {
    Map<Kind, List<Long>> out = new LinkedHashMap<>();
    out.put(
        Kind.TRACING_CONTACT,
        app.tracing().contactsServed(asOf.minusDays(periods.get(Kind.TRACING_CONTACT))));
    out.put(
        Kind.DNA_SAMPLE,
        app.evidence().samplesServed(asOf.minusDays(periods.get(Kind.DNA_SAMPLE))));
    return out;
  }

  /** Deletes what is due on {@code asOf}, each record in its own journaled transaction. */
  public Map<Kind, Integer> apply(LocalDate asOf, String actor) {
    Map<Kind, Integer> periods = periods();
    Map<Kind, Integer> done = new LinkedHashMap<>();
    due(asOf, periods)
        .forEach(
            (kind, ids) -> {
              LocalDate cutoff = asOf.minusDays(periods.get(kind));
              for (long id : ids) {
                switch (kind) {
                  case TRACING_CONTACT ->
                      app.tracing().forgetContact(id, cutoff, kind.key(), actor);
                  case DNA_SAMPLE -> app.evidence().forgetSamples(id, cutoff, kind.key(), actor);
                }
              }
              done.put(kind, ids.size());
            });
    return done;
  }
}
