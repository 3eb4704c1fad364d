package org.handover.server.web;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request comes from: the connection's, or, when the connection is from a reverse
 * proxy named in HANDOVER_TRUSTED_PROXIES, the last address that proxy put in X-Forwarded-For. A
 * header from anyone else is ignored: a client cannot choose the address it is counted under.
 */
public final class ClientAddress {
  private static final Set<String> TRUSTED =
      Arrays.stream(System.getenv().getOrDefault("HANDOVER_TRUSTED_PROXIES", "").split(","))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .collect(Collectors.toUnmodifiableSet());

  private ClientAddress() {}

  /**
   * Whether the browser reached Handover over HTTPS: directly, or through a trusted proxy that says
   * so in X-Forwarded-Proto.
   */
  public static boolean https(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme())
        || TRUSTED.contains(ctx.req().getRemoteAddr())
            && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }

  public static String of(Context ctx) {
    String direct = ctx.req().getRemoteAddr();
    String forwarded = ctx.header("X-Forwarded-For");
    if (forwarded == null || !TRUSTED.contains(direct)) {
      return direct;
    }
    // the rightmost hop no trusted proxy added is the client (the ones left of it it chose itself)
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.isEmpty() && !TRUSTED.contains(hop)) {
        return hop;
      }
    }
    return direct;
  }
}
