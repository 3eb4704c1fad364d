package org.handover.server.exchanges;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.handover.core.agreements.Reason;
import org.handover.core.exchanges.Direction;
import org.handover.core.exchanges.Outcome;
import org.handover.core.parties.Party;

/** A stored exchange: its batches with each person's outcome, and who was left out. */
public record Exchange(
    long id,
    long agreementId,
    int provision,
    LocalDate on,
    String place,
    Optional<Party> intermediary,
    int batchSize,
    long heldBackOut,
    long heldBackIn,
    List<Member> members,
    List<Left> leftOut) {

  /** A person of a batch; outcome empty until recorded. */
  public record Member(
      long personId,
      String name,
      String reference,
      String born,
      Direction direction,
      int batch,
      int position,
      Optional<Outcome> outcome,
      Optional<Party> witnessedBy) {}

  /** A person not planned, and why. */
  public record Left(
      long personId, String name, Direction direction, Reason reason, List<Reason> detail) {}

  public int batches() {
    return members.stream().mapToInt(Member::batch).max().orElse(0);
  }

  public List<Member> batch(int b) {
    return members.stream().filter(m -> m.batch() == b).toList();
  }

  /** Counts per direction: planned, each outcome, and still pending. */
  public long count(Direction d, Optional<Outcome> outcome) {
    return members.stream().filter(m -> m.direction() == d && m.outcome().equals(outcome)).count();
  }

  public long planned(Direction d) {
    return members.stream().filter(m -> m.direction() == d).count();
  }
}
