package org.handover.server.remains;

import java.util.List;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.Feature;
import org.handover.server.web.Nav;
import org.handover.server.web.Routes;
import org.handover.server.web.WebServer;

/** Remains: their pages and {@code handover remains}. */
public final class RemainsFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new RemainsCommand());
  }

  @Override
  public void routes(App app, WebServer web, Routes routes) {
    new RemainsRoutes(app, web).register(routes);
  }

  @Override
  public List<Nav> navigation() {
    return List.of(new Nav("/remains", "nav.remains", Permission.READ));
  }
}
