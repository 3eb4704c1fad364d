package org.handover.server.remains;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.handover.core.parties.Party;
import org.handover.core.remains.Identification;
import org.handover.core.remains.Method;
import org.handover.core.remains.Place;
import org.jdbi.v3.core.Jdbi;

/** The register's cases a page at a time, filtered by transfer, status and method. */
public final class Cases {
  /** What the list shows of a case. */
  public record Row(
      long id,
      String tag,
      long transferId,
      Party from,
      LocalDate receivedOn,
      String claimedName,
      Identification.Status status,
      Optional<Place> place) {}

  /** What a list asks for; empty parts ask for everything. */
  public record Filter(
      Optional<Long> transfer, Optional<Identification.Status> status, Optional<Method> method) {}

  private Cases() {}

  public static List<Row> page(Jdbi jdbi, Filter f, int page, int size) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT c.id, c.tag, c.transfer_id, t.from_party, c.received_on,"
                        + " c.claimed_name, c.status, (SELECT x.place FROM remains_custody x WHERE"
                        + " x.case_id = c.id ORDER BY x.on_date DESC, x.id DESC LIMIT 1) AS place"
                        + " FROM remains_cases c JOIN remains_transfers t ON t.id = c.transfer_id"
                        + " WHERE (:transfer = 0 OR c.transfer_id = :transfer)"
                        + " AND (:status = '' OR c.status = :status)"
                        + " AND (:method = '' OR EXISTS (SELECT 1 FROM remains_identifications i"
                        + " WHERE i.case_id = c.id AND i.revoked_on IS NULL AND (',' || i.methods"
                        + " || ',') LIKE '%,' || :method || ',%'))"
                        + " ORDER BY c.received_on DESC, c.id LIMIT :limit OFFSET :offset")
                .bind("transfer", f.transfer().orElse(0L))
                .bind("status", f.status().map(Identification.Status::key).orElse(""))
                .bind("method", f.method().map(Method::key).orElse(""))
                .bind("limit", size + 1)
                .bind("offset", (long) (page - 1) * size)
                .map(
                    (rs, ctx) ->
                        new Row(
                            rs.getLong("id"),
                            rs.getString("tag"),
                            rs.getLong("transfer_id"),
                            Party.of(rs.getString("from_party")),
                            rs.getObject("received_on", LocalDate.class),
                            rs.getString("claimed_name"),
                            Identification.Status.fromKey(rs.getString("status")),
                            Optional.ofNullable(rs.getString("place")).map(Place::fromKey)))
                .list());
  }

  /** The transfers both ways, the latest first: id, parties, direction, date, counts. */
  public static List<java.util.Map<String, Object>> transfers(Jdbi jdbi) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT t.id, t.from_party, t.to_party, t.direction, t.on_date, t.bodies,"
                        + " (SELECT count(*) FROM remains_cases c WHERE c.transfer_id = t.id) AS"
                        + " cases, (SELECT count(*) FROM remains_cases c WHERE c.returned_in ="
                        + " t.id) AS returned FROM remains_transfers t ORDER BY t.on_date DESC,"
                        + " t.id DESC")
                .mapToMap()
                .list());
  }

  /** The cases identified or presumed with a person, withdrawn ones marked: id, tag, status. */
  public static List<java.util.Map<String, Object>> ofPerson(Jdbi jdbi, long personId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT DISTINCT ON (c.id) c.id, c.tag, c.status, i.revoked_on FROM"
                        + " remains_identifications i JOIN remains_cases c ON c.id = i.case_id"
                        + " WHERE i.person_id = :p ORDER BY c.id, i.revoked_on NULLS FIRST")
                .bind("p", personId)
                .mapToMap()
                .list());
  }
}
