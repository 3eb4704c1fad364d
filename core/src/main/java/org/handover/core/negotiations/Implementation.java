package org.handover.core.negotiations;

import org.handover.core.Keys;

/**
 * How far a commitment is carried out, on the scale of the Peace Accords Matrix (Kroc Institute):
 * not initiated, minimal, intermediate, full.
 */
public enum Implementation {
  NOT_INITIATED,
  MINIMAL,
  INTERMEDIATE,
  FULL;

  public String key() {
    return Keys.of(this);
  }

  /**
   * The state a counted share gives: nothing done is not initiated; all of it full; at least {@code
   * intermediate} of it (a share, one half by default) intermediate; anything less minimal.
   */
  public static Implementation of(long done, long due, double intermediate) {
    if (due < 1) {
      throw new IllegalArgumentException("due: " + due + " is nothing to count against");
    }
    if (!(intermediate > 0 && intermediate < 1)) {
      throw new IllegalArgumentException(
          "intermediate: " + intermediate + " is not a share between 0 and 1");
    }
    if (done <= 0) {
      return NOT_INITIATED;
    }
    if (done >= due) {
      return FULL;
    }
    return (double) done / due >= intermediate ? INTERMEDIATE : MINIMAL;
  }
}
