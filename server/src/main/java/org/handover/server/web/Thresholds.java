package org.handover.server.web;

import io.javalin.http.Context;

/**
 * The auto-link and review thresholds a user sets on a form, 0.99 and 0.5 when left empty; null
 * when they are not numbers with 0 &lt; review &lt; auto &lt; 1.
 */
record Thresholds(double auto, double review) {
  static final double AUTO = 0.99;
  static final double REVIEW = 0.5;

  static Thresholds read(Context ctx) {
    try {
      double auto = value(ctx.formParam("auto"), AUTO);
      double review = value(ctx.formParam("review"), REVIEW);
      return review > 0 && review < auto && auto < 1 ? new Thresholds(auto, review) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static double value(String text, double otherwise) {
    return text == null || text.isBlank() ? otherwise : Double.parseDouble(text.strip().replace(',', '.'));
  }
}
