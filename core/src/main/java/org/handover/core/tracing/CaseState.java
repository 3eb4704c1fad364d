package org.handover.core.tracing;

import java.util.Set;
import org.handover.core.Keys;

/**
 * Where a child's reunification stands. It moves forward one step at a time — located, verified
 * (identity and relationship), handover agreed (only after a best-interests assessment and the
 * child's own views: Inter-agency Guiding Principles, 2004), reunified, follow-up, closed — and can
 * be closed from any state with a reason, or go back to open when a located child turns out not to
 * be the one sought.
 */
public enum CaseState {
  OPEN,
  LOCATED,
  VERIFIED,
  HANDOVER_AGREED,
  REUNIFIED,
  FOLLOW_UP,
  CLOSED;

  public String key() {
    return Keys.of(this);
  }

  public static CaseState fromKey(String key) {
    return Keys.parse(CaseState.class, key, "state");
  }

  /** Whether a case can go from this state to {@code next}. */
  public boolean canGo(CaseState next) {
    if (this == CLOSED) {
      return false;
    }
    if (next == CLOSED) {
      return true;
    }
    if (next == OPEN) {
      return Set.of(LOCATED, VERIFIED).contains(this);
    }
    return next.ordinal() == ordinal() + 1;
  }

  /** Closing anywhere but after follow-up needs a reason. */
  public boolean closingNeedsReason() {
    return this != FOLLOW_UP;
  }
}
