package org.handover.server.negotiations;

import java.util.List;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.Feature;
import org.handover.server.web.Nav;
import org.handover.server.web.Routes;
import org.handover.server.web.WebServer;

/** The negotiation record: rounds and commitments, their pages, and their commands. */
public final class NegotiationsFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new RecordCommand(), new RoundCommand(), new CommitmentsCommand());
  }

  @Override
  public void routes(App app, WebServer web, Routes routes) {
    new RoundRoutes(app, web).register(routes);
  }

  @Override
  public List<Nav> navigation() {
    return List.of(
        new Nav("/rounds", "nav.rounds", Permission.READ),
        new Nav("/commitments", "nav.commitments", Permission.READ));
  }
}
