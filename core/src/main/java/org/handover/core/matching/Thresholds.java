package org.handover.core.matching;

import java.util.Locale;
import java.util.Optional;

/**
 * The probabilities that split links into bands: from {@code auto} a link is made without review
 * (if it also leads its next candidate and no field weighs heavily against it), from {@code review}
 * a reviewer sees it. One rule for the command line, the web and the benchmarks: 0 &lt; review &le;
 * auto &le; 1 (auto = 1 sends every link to review; review = auto has no review band).
 *
 * <pre>{@code
 * Thresholds.DEFAULT                   // auto 0.99, review 0.5
 * new Thresholds(0.5, 0.9)             // IllegalArgumentException: thresholds: ... 0 < review (0.9) <= auto (0.5) <= 1
 * }</pre>
 */
public record Thresholds(double auto, double review) {
  public static final Thresholds DEFAULT = new Thresholds(0.99, 0.5);

  public Thresholds {
    if (!valid(auto, review)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "thresholds: need 0 < review (%s) <= auto (%s) <= 1", review, auto));
    }
  }

  /** The thresholds, when they keep the rule; empty when they do not. */
  public static Optional<Thresholds> of(double auto, double review) {
    return valid(auto, review) ? Optional.of(new Thresholds(auto, review)) : Optional.empty();
  }

  public static boolean valid(double auto, double review) {
    return review > 0 && review <= auto && auto <= 1;
  }

  /**
   * The band of a link of this probability, margin over its next candidate, and evidence against
   * it.
   */
  public Band band(
      double probability, double marginBits, double minMarginBits, boolean contradicted) {
    return band(probability, probability, marginBits, minMarginBits, contradicted);
  }

  /**
   * As {@link #band(double, double, double, boolean)}, where a link's probability is shared with
   * its entry's other candidates ({@code shared}: three namesakes a third each) while a reviewer is
   * shown every candidate likely alone or whose entry is likely one of its near-tied candidates
   * ({@code found}).
   */
  public Band band(
      double shared, double found, double marginBits, double minMarginBits, boolean contradicted) {
    if (shared >= auto && marginBits >= minMarginBits && !contradicted) {
      return Band.AUTO;
    }
    return found >= review ? Band.REVIEW : Band.NONE;
  }
}
