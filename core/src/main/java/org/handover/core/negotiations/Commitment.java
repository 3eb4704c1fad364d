package org.handover.core.negotiations;

import java.time.LocalDate;
import java.util.Optional;
import org.handover.core.parties.Party;
import org.handover.core.rosters.Purpose;

/**
 * Who does what by when (some commitments name no date). Where it is linked to a ledger, its
 * fulfilment is counted there; otherwise it is recorded by hand with evidence.
 */
public record Commitment(
    String key,
    Party party,
    Text what,
    Optional<Long> quantity,
    Optional<LocalDate> deadline,
    Link link) {
  public Commitment {
    Item.key(key);
    if (quantity.isPresent() && quantity.get() < 1) {
      throw new IllegalArgumentException("quantity: " + quantity.get() + " is not a quantity");
    }
  }

  /** Where a commitment's fulfilment is counted. */
  public sealed interface Link {
    /** Recorded by hand, with evidence. */
    record ByHand() implements Link {}

    /** Persons carried out under a provision of an agreement of the record. */
    record ToProvision(String agreement, int number) implements Link {
      public ToProvision {
        Item.key(agreement);
        if (number < 1) {
          throw new IllegalArgumentException("provision: " + number + " is not a provision");
        }
      }
    }

    /** Remains handed over by the committed party after the round (received, when theirs). */
    record ToRemains() implements Link {}

    /** Children sought who were reunified after the round. */
    record ToReunifications() implements Link {}

    /** Lists of a purpose handed over by the committed party after the round. */
    record ToRosters(Purpose purpose) implements Link {}
  }
}
