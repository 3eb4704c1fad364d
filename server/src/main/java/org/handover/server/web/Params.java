package org.handover.server.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/** Reading request parameters the same way on every page. */
public final class Params {
  private Params() {}

  /** A number from a path or a form; anything else is a page that does not exist. */
  public static long number(String s) {
    try {
      return Long.parseLong(s == null ? "" : s.strip());
    } catch (NumberFormatException e) {
      throw new NotFoundResponse();
    }
  }

  /** The path parameter {@code name} as a number; anything else is a page that does not exist. */
  public static long id(Context ctx, String name) {
    return number(ctx.pathParam(name));
  }

  /**
   * A whole number of at least 1 (a page number), or {@code fallback} when absent or not a number.
   */
  public static int positive(String v, int fallback) {
    try {
      return v == null ? fallback : Math.max(1, Integer.parseInt(v.strip()));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** A form field, stripped; empty when absent. */
  public static String form(Context ctx, String field) {
    String v = ctx.formParam(field);
    return v == null ? "" : v.strip();
  }

  /** A query parameter, stripped; empty when absent. */
  public static String query(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : v.strip();
  }
}
