package org.handover.server.matching;

import java.util.List;
import java.util.Map;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.Feature;
import org.handover.server.web.Nav;
import org.handover.server.web.Routes;
import org.handover.server.web.Section;
import org.handover.server.web.WebServer;

/**
 * Matching: linking a roster to the registry and its review, registry duplicates, {@code handover
 * match} and {@code handover duplicates}; adds its form and runs to a roster's page.
 */
public final class MatchingFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new MatchCommand(), new DuplicatesCommand(), new ModelCommand());
  }

  @Override
  public Map<String, List<Object>> subcommands() {
    return Map.of("roster", List.of(new VerifiedCommand()));
  }

  @Override
  public void routes(App app, WebServer web, Routes routes) {
    new MatchRoutes(app.matching(), app.rosters(), app.registry(), web.guard(), web)
        .register(routes);
    new VerifiedRoutes(app, web).register(routes);
    new DuplicateRoutes(app.duplicates(), app.registry(), web.guard(), web).register(routes);
  }

  @Override
  public List<Section> sections(App app, WebServer web) {
    return List.of(
        new Section(
            "roster",
            (ctx, view, roster) ->
                web.fragment(
                    "matching/roster_matching.jte",
                    view,
                    Map.of(
                        "rosterId",
                        roster,
                        "runs",
                        app.matching().runs(roster),
                        "model",
                        app.matching().models().status()))),
        new Section(
            "person",
            (ctx, view, person) ->
                web.fragment(
                    "matching/person_lists.jte",
                    view,
                    Map.of("lists", new EntryLinks(app.database().jdbi()).of(person)))));
  }

  @Override
  public List<Nav> navigation() {
    return List.of(new Nav("/duplicates", "nav.duplicates", Permission.READ));
  }
}
