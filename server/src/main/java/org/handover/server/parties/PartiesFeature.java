package org.handover.server.parties;

import java.util.List;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.Feature;
import org.handover.server.web.Nav;
import org.handover.server.web.Routes;
import org.handover.server.web.WebServer;

/**
 * Parties as data: the sides and intermediaries an installation knows, and its own; {@code handover
 * party}.
 */
public final class PartiesFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new PartyCommand());
  }

  @Override
  public void routes(App app, WebServer web, Routes routes) {
    new PartyRoutes(app.parties(), app.accounts(), web.guard(), web).register(routes);
  }

  @Override
  public List<Nav> navigation() {
    return List.of(new Nav("/parties", "nav.parties", Permission.READ));
  }
}
