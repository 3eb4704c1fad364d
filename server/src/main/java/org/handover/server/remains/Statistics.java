package org.handover.server.remains;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.handover.core.remains.Figures;
import org.handover.core.remains.Place;
import org.jdbi.v3.core.Jdbi;

/**
 * The register's figures as of a day, read in one pass over the cases with their standing
 * identification, and the cases nobody moved for a while.
 */
public final class Statistics {
  /** A case that has stayed where it is longer than it should. */
  public record Waiting(long id, String tag, Optional<Place> place, LocalDate since, long days) {}

  private Statistics() {}

  public static Figures.Result figures(Jdbi jdbi, LocalDate asOf) {
    List<Figures.Case> cases = new ArrayList<>();
    jdbi.useHandle(
        h -> {
          h.begin();
          try {
            h.createQuery(
                    // each case's strongest standing identification as of the day (a primary
                    // method first, then the earliest), in one pass over each table
                    "WITH best AS (SELECT DISTINCT ON (x.case_id) x.case_id, x.on_date,"
                        + " x.person_id, x.methods FROM remains_identifications x WHERE"
                        + " (x.revoked_on IS NULL OR x.revoked_on > :asOf) AND x.on_date <= :asOf"
                        + " ORDER BY x.case_id, x.methods ~ '(fingerprints|dental|dna)' DESC,"
                        + " x.on_date, x.id) SELECT c.received_on, c.claimed_name <> '' AS"
                        + " claimed, i.on_date, i.person_id, i.methods FROM remains_cases c LEFT"
                        + " JOIN best i ON i.case_id = c.id")
                .bind("asOf", asOf)
                .setFetchSize(10_000)
                .map(
                    (rs, ctx) -> {
                      LocalDate on = rs.getObject("on_date", LocalDate.class);
                      var methods =
                          on == null
                              ? java.util.Set.<org.handover.core.remains.Method>of()
                              : Register.methods(rs.getString("methods"));
                      return new Figures.Case(
                          rs.getObject("received_on", LocalDate.class),
                          rs.getBoolean("claimed"),
                          org.handover.core.remains.Method.establishes(methods),
                          Optional.ofNullable(on),
                          on == null ? Optional.empty() : Optional.of(rs.getLong("person_id")),
                          methods);
                    })
                .forEach(cases::add);
          } finally {
            h.rollback();
          }
        });
    return Figures.of(cases, asOf);
  }

  /** The attention list: its first cases, the longest waiting first, and how many there are. */
  public record Attention(List<Waiting> first, long count) {}

  /**
   * Cases not with a family nor buried, whose last movement (or receipt) is more than {@code days}
   * before {@code asOf}, in one pass: the first {@code limit} and the count.
   */
  public static Attention waiting(Jdbi jdbi, LocalDate asOf, int days, int limit) {
    long[] count = {0};
    List<Waiting> first =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "WITH last AS (SELECT DISTINCT ON (x.case_id) x.case_id, x.place,"
                            + " x.on_date FROM remains_custody x WHERE x.on_date <= :asOf ORDER BY"
                            + " x.case_id, x.on_date DESC, x.id DESC) SELECT c.id, c.tag, m.place,"
                            + " COALESCE(m.on_date, c.received_on) AS since, count(*) OVER () AS"
                            + " total FROM remains_cases c LEFT JOIN last m ON m.case_id = c.id"
                            + " WHERE c.received_on <= :asOf AND c.returned_in IS NULL AND"
                            + " c.belongs_to IS NULL AND COALESCE(m.place, '') NOT IN"
                            + " ('family', 'cemetery') AND COALESCE(m.on_date, c.received_on) <"
                            + " :before ORDER BY since, c.id LIMIT :limit")
                    .bind("asOf", asOf)
                    .bind("before", asOf.minusDays(days))
                    .bind("limit", limit)
                    .map(
                        (rs, ctx) -> {
                          count[0] = rs.getLong("total");
                          LocalDate since = rs.getObject("since", LocalDate.class);
                          String place = rs.getString("place");
                          return new Waiting(
                              rs.getLong("id"),
                              rs.getString("tag"),
                              place == null ? Optional.empty() : Optional.of(Place.fromKey(place)),
                              since,
                              since.until(asOf, java.time.temporal.ChronoUnit.DAYS));
                        })
                    .list());
    return new Attention(first, count[0]);
  }

  /** Cases received by then that turned out to be the sending side's own or a third country's. */
  public static long disputed(Jdbi jdbi, LocalDate asOf) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT count(*) FROM remains_cases WHERE belongs_to IS NOT NULL AND"
                        + " disputed_on <= :asOf")
                .bind("asOf", asOf)
                .mapTo(Long.class)
                .one());
  }
}
