package org.handover.server;

import java.util.List;
import java.util.Map;
import org.handover.server.web.Nav;
import org.handover.server.web.Routes;
import org.handover.server.web.Section;
import org.handover.server.web.WebServer;

/**
 * What a feature adds to Handover: its web routes, its commands and its links in the navigation.
 * Each feature is listed once, in {@link App#FEATURES}; the web server and the command line take
 * that list.
 *
 * <pre>{@code
 * public List<Object> commands() { return List.of(new RosterCommand()); }
 * public void routes(App app, WebServer web, Routes routes) { new RosterRoutes(app, web).register(routes); }
 * }</pre>
 */
public interface Feature {
  /** The picocli commands this feature adds to {@code handover}. */
  default List<Object> commands() {
    return List.of();
  }

  /**
   * Commands this feature adds under another feature's command, by that command's name: rosters
   * adds {@code registry import}, which reads spreadsheets with the roster readers.
   */
  default Map<String, List<Object>> subcommands() {
    return Map.of();
  }

  /** Registers this feature's pages and actions, each with the permission it needs. */
  default void routes(App app, WebServer web, Routes routes) {}

  /** What this feature adds to the pages of features below it. */
  default List<Section> sections(App app, WebServer web) {
    return List.of();
  }

  /** This feature's links in the navigation bar, in order. */
  default List<Nav> navigation() {
    return List.of();
  }
}
