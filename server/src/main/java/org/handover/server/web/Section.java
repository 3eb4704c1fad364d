package org.handover.server.web;

import gg.jte.Content;
import io.javalin.http.Context;

/**
 * A part of another feature's page that a feature higher up adds, so that the lower one never
 * imports it: matching adds its form and its runs to a roster's page.
 *
 * <pre>{@code
 * new Section("roster", (ctx, view, id) -> web.fragment("matching/roster_matching.jte", view, Map.of("runs", ...)));
 * }</pre>
 */
public record Section(String page, Renderer renderer) {
  /** Renders the section for the page of one subject (a roster's id). */
  public interface Renderer {
    Content render(Context ctx, View view, long subject);
  }
}
