package org.handover.server.matching;

import io.javalin.http.Context;
import java.util.Optional;
import org.handover.core.matching.Thresholds;

/**
 * The thresholds a user sets on a form; the defaults where left empty; empty when they break the
 * rule.
 */
final class ThresholdsForm {
  private ThresholdsForm() {}

  static Optional<Thresholds> read(Context ctx) {
    try {
      double auto = value(ctx.formParam("auto"), Thresholds.DEFAULT.auto());
      double review = value(ctx.formParam("review"), Thresholds.DEFAULT.review());
      return Thresholds.of(auto, review);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static double value(String text, double otherwise) {
    return text == null || text.isBlank()
        ? otherwise
        : Double.parseDouble(text.strip().replace(',', '.'));
  }
}
