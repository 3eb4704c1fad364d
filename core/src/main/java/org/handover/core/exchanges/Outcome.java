package org.handover.core.exchanges;

import org.handover.core.Keys;
import org.handover.core.registry.Status;

/** What happened to one person of a batch at the handover point. */
public enum Outcome {
  HANDED_OVER,
  RECEIVED,
  /** Refused repatriation, as stated to the intermediary (GC III Art. 109). */
  REFUSED,
  DID_NOT_APPEAR,
  DIED;

  public String key() {
    return Keys.of(this);
  }

  public static Outcome fromKey(String key) {
    return Keys.parse(Outcome.class, key, "outcome");
  }

  /** Handed over fits a person we hold; received, one of ours. */
  public boolean fits(Direction d) {
    return switch (this) {
      case HANDED_OVER -> d == Direction.OUT;
      case RECEIVED -> d == Direction.IN;
      default -> true;
    };
  }

  /** Whether the person crossed: what the exchange counts as carried out. */
  public boolean carriedOut() {
    return this == HANDED_OVER || this == RECEIVED;
  }

  /** The person's status after it, if it changes. */
  public java.util.Optional<Status> status(Direction d) {
    return switch (this) {
      case HANDED_OVER -> java.util.Optional.of(Status.RELEASED);
      case RECEIVED -> java.util.Optional.of(Status.RETURNED);
      case DIED -> java.util.Optional.of(Status.DECEASED);
      default -> java.util.Optional.empty();
    };
  }
}
