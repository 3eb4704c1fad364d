package org.handover.server.remains;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.handover.core.parties.Party;
import org.handover.core.remains.Identification;
import org.handover.core.remains.Place;

/**
 * A stored case: what arrived, who the other side says it is, where it is, how it was identified.
 */
public record RemainsCase(
    long id,
    String tag,
    long transferId,
    Party from,
    LocalDate receivedOn,
    String claimedName,
    String claimedBorn,
    Optional<Long> claimedPerson,
    String claimedPersonName,
    long rosterId,
    int entryRow,
    Identification.Status status,
    List<Custody> custody,
    List<Stored> identifications,
    Optional<Dispute> dispute) {

  /** The case is not ours: whose dead it is, found how, and when. */
  public record Dispute(
      Party belongsTo, String evidence, LocalDate on, Optional<Long> returnedIn) {}

  /** One movement of custody. */
  public record Custody(Place place, String name, LocalDate on, String by) {}

  /** An identification as stored, with the family's notification when recorded. */
  public record Stored(
      Identification identification,
      String personName,
      Optional<LocalDate> notifiedOn,
      Optional<String> notifiedBy) {}

  /** Where the case is now: its last movement, or the morgue it was received into. */
  public Optional<Custody> where() {
    return custody.isEmpty() ? Optional.empty() : Optional.of(custody.get(custody.size() - 1));
  }

  /** The identifications that stand (not revoked). */
  public List<Identification> standing() {
    return identifications.stream()
        .map(Stored::identification)
        .filter(Identification::stands)
        .toList();
  }
}
