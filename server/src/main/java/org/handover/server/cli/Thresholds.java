package org.handover.server.cli;

import org.handover.server.i18n.Messages;
import picocli.CommandLine.Option;

/** The probabilities that split links into sure, to review, and none, shared by match and dedupe. */
final class Thresholds {
  @Option(names = "--auto", defaultValue = "0.99", description = "probability from which a link is sure (default ${DEFAULT-VALUE})")
  double auto;

  @Option(names = "--review", defaultValue = "0.5", description = "probability from which a link goes to review (default ${DEFAULT-VALUE})")
  double review;

  /** Whether 0 < review <= auto <= 1; says why not on standard error. */
  boolean valid(Messages m) {
    if (review > 0 && review <= auto && auto <= 1) {
      return true;
    }
    System.err.println(m.get("error.match.thresholds", review, auto));
    return false;
  }
}
