package org.handover.server.remains;

import java.util.List;
import java.util.Map;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.Feature;
import org.handover.server.web.Nav;
import org.handover.server.web.Routes;
import org.handover.server.web.Section;
import org.handover.server.web.WebServer;

/** Remains: their pages and {@code handover remains}. */
public final class RemainsFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new RemainsCommand());
  }

  @Override
  public void routes(App app, WebServer web, Routes routes) {
    new ReceiveRoutes(app, web).register(routes); // before /remains/{id}
    new RemainsRoutes(app, web).register(routes);
    new EvidenceRoutes(app, web).register(routes);
  }

  @Override
  public List<Section> sections(App app, WebServer web) {
    // the cases identified (or presumed) with a person, on the person's page
    return List.of(
        new Section(
            "person",
            (ctx, view, person) ->
                web.fragment(
                    "remains/person_remains.jte",
                    view,
                    Map.of(
                        "cases",
                        Cases.ofPerson(app.database().jdbi(), person),
                        "samples",
                        app.evidence().samples(person),
                        "death",
                        app.evidence().death(person),
                        "personId",
                        person,
                        "today",
                        view.date(java.time.LocalDate.now(app.clock()))))));
  }

  @Override
  public List<Nav> navigation() {
    return List.of(new Nav("/remains", "nav.remains", Permission.READ));
  }
}
