package org.handover.server.home;

import org.handover.server.App;
import org.handover.server.Feature;
import org.handover.server.web.Routes;
import org.handover.server.web.WebServer;

/** The home page, the first page after login. */
public final class HomeFeature implements Feature {
  @Override
  public java.util.List<org.handover.server.web.Nav> navigation() {
    return java.util.List.of(
        new org.handover.server.web.Nav(
            "/home", "nav.home", org.handover.core.accounts.Permission.READ));
  }

  @Override
  public void routes(App app, WebServer web, Routes routes) {
    new HomeRoutes(app, web).register(routes);
  }
}
