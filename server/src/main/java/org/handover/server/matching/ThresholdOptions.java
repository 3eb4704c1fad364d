package org.handover.server.matching;

import java.util.Optional;
import org.handover.core.matching.Thresholds;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.Option;

/**
 * The thresholds as options of {@code match} and {@code duplicates}; checked by {@link Thresholds}'
 * one rule.
 */
final class ThresholdOptions {
  @Option(
      names = "--auto",
      defaultValue = "0.99",
      description = "probability from which a link is sure (default ${DEFAULT-VALUE})")
  double auto;

  @Option(
      names = "--review",
      defaultValue = "0.5",
      description =
          "probability from which a candidate goes to review: its own, or its entry's of being one"
              + " of its near-tied candidates (default ${DEFAULT-VALUE})")
  double review;

  /** The thresholds, when they keep the rule; otherwise empty, the rule said on standard error. */
  Optional<Thresholds> read(Messages m) {
    Optional<Thresholds> t = Thresholds.of(auto, review);
    if (t.isEmpty()) {
      System.err.println(m.get("error.match.thresholds", review, auto));
    }
    return t;
  }
}
