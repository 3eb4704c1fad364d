package org.handover.server.agreements;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.handover.core.parties.Party;
import org.handover.core.registry.StatusSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Our people the other side holds, and whether it has acknowledged holding them: by a capture card,
 * a notification of its Information Bureau, an ICRC visit recorded on the status, or by naming them
 * on a list it handed over (linked by a confirmed match). Those it has not acknowledged are what a
 * negotiator raises.
 */
public final class Held {
  /** What shows that the holding side knows it holds the person. */
  public record Acknowledgement(StatusSource source, LocalDate on, String note, long rosterId) {}

  /** One person held by the other side. */
  public record Row(
      long personId,
      String reference,
      String name,
      Party heldBy,
      Optional<LocalDate> since,
      Optional<Acknowledgement> acknowledged) {}

  /** Per holding party: how many held, how many of them acknowledged. */
  public record Count(long held, long acknowledged) {
    public long notAcknowledged() {
      return held - acknowledged;
    }
  }

  /** The sources that acknowledge holding, as an SQL list: ('capture-card', ...). */
  static final String ACKNOWLEDGING =
      java.util.Arrays.stream(StatusSource.values())
          .filter(StatusSource::acknowledges)
          .map(x -> "'" + x.key() + "'")
          .collect(java.util.stream.Collectors.joining(", ", "(", ")"));

  /**
   * An acknowledgement row {@code s} of the present captivity: no status other than held was
   * recorded after it (one from a captivity that ended does not count for a new one).
   */
  static final String SINCE_LAST_RELEASE =
      "NOT EXISTS (SELECT 1 FROM status_history t WHERE t.person_id = s.person_id AND t.status"
          + " NOT IN ('captive', 'detained') AND (t.since, t.id) > (s.since, s.id))";

  private static final String SQL =
      "SELECT p.id, p.reference, p.display_name, p.holding_party, cur.since,"
          + " a.source AS ack_source, a.since AS ack_on, a.note AS ack_note, l.roster_id,"
          + " l.received_on FROM persons p JOIN parties pa ON pa.code = p.holding_party"
          + " LEFT JOIN LATERAL (SELECT s.since FROM status_history s WHERE s.person_id = p.id"
          + " ORDER BY s.since DESC, s.id DESC LIMIT 1) cur ON TRUE"
          + " LEFT JOIN LATERAL (SELECT s.source, s.since, s.note FROM status_history s"
          + " WHERE s.person_id = p.id AND s.status IN ('captive', 'detained') AND s.source IN "
          + ACKNOWLEDGING
          + " AND "
          + SINCE_LAST_RELEASE
          + " ORDER BY s.since DESC, s.id DESC LIMIT 1) a ON TRUE"
          + " LEFT JOIN LATERAL (SELECT r.id AS roster_id, r.received_on FROM match_decisions d"
          + " JOIN rosters r ON r.id = d.roster_id WHERE d.person_id = p.id"
          + " AND d.decision = 'confirmed' AND r.from_party = p.holding_party"
          + " AND r.purpose IN ('exchange', 'information')"
          + " ORDER BY r.received_on DESC, r.id DESC LIMIT 1) l ON TRUE"
          + " WHERE p.merged_into IS NULL AND p.status IN ('captive', 'detained')"
          + " AND pa.kind = 'belligerent' AND p.holding_party <> :own"
          + " AND (:by = '' OR p.holding_party = :by) ORDER BY p.holding_party, p.id";

  private Held() {}

  /** Streams every person held by parties other than ours (or by {@code by}), counted per party. */
  public static Map<Party, Count> run(
      Jdbi jdbi, Party own, Optional<Party> by, Consumer<Row> each) {
    Map<Party, long[]> counts = new LinkedHashMap<>();
    jdbi.useHandle(
        h -> {
          h.begin(); // a cursor needs a transaction
          try {
            h.createQuery(SQL)
                .bind("own", own.code())
                .bind("by", by.map(Party::code).orElse(""))
                .setFetchSize(5000)
                .map(
                    (rs, ctx) -> {
                      Optional<Acknowledgement> ack = Optional.empty();
                      String source = rs.getString("ack_source");
                      long roster = rs.getLong("roster_id");
                      if (source != null) {
                        ack =
                            Optional.of(
                                new Acknowledgement(
                                    StatusSource.fromKey(source),
                                    rs.getObject("ack_on", LocalDate.class),
                                    rs.getString("ack_note"),
                                    0));
                      } else if (roster != 0) {
                        ack =
                            Optional.of(
                                new Acknowledgement(
                                    StatusSource.THEIR_LIST,
                                    rs.getObject("received_on", LocalDate.class),
                                    "",
                                    roster));
                      }
                      return new Row(
                          rs.getLong("id"),
                          rs.getString("reference"),
                          rs.getString("display_name"),
                          Party.of(rs.getString("holding_party")),
                          Optional.ofNullable(rs.getObject("since", LocalDate.class)),
                          ack);
                    })
                .forEach(
                    r -> {
                      long[] c = counts.computeIfAbsent(r.heldBy(), k -> new long[2]);
                      c[0]++;
                      if (r.acknowledged().isPresent()) {
                        c[1]++;
                      }
                      each.accept(r);
                    });
          } finally {
            h.rollback();
          }
        });
    Map<Party, Count> result = new LinkedHashMap<>();
    counts.forEach((p, c) -> result.put(p, new Count(c[0], c[1])));
    return result;
  }
}
