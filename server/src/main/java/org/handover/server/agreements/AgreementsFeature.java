package org.handover.server.agreements;

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
 * Agreements: their pages, {@code handover agreement} and {@code handover eligibility}, {@code
 * handover held}.
 */
public final class AgreementsFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new AgreementCommand(), new EligibilityCommand(), new HeldCommand());
  }

  @Override
  public void routes(App app, WebServer web, Routes routes) {
    new AgreementRoutes(app, web).register(routes);
    new ReleaseRoutes(app, web).register(routes);
    new HeldRoutes(app, web).register(routes);
  }

  @Override
  public List<Section> sections(App app, WebServer web) {
    // what a release needs to know, on each person's page
    return List.of(
        new Section(
            "person",
            (ctx, view, person) ->
                web.fragment(
                    "agreements/person_release.jte",
                    view,
                    Map.of("personId", person, "f", app.releaseFacts().of(person)))));
  }

  @Override
  public List<Nav> navigation() {
    return List.of(
        new Nav("/agreements", "nav.agreements", Permission.READ),
        new Nav("/held", "nav.held", Permission.READ));
  }
}
