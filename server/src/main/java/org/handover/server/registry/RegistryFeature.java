package org.handover.server.registry;

import java.util.List;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.Feature;
import org.handover.server.web.Nav;
import org.handover.server.web.Routes;
import org.handover.server.web.WebServer;

/** The registry of persons: search, a person's page and form, {@code handover registry}. */
public final class RegistryFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new RegistryCommand());
  }

  @Override
  public void routes(App app, WebServer web, Routes routes) {
    new RegistryRoutes(app.registry(), app.journal(), web.guard(), web, app.clock())
        .register(routes);
  }

  @Override
  public List<Nav> navigation() {
    return List.of(
        new Nav("/registry", "nav.registry", Permission.READ),
        new Nav("/registry/new", "nav.add-person", Permission.EDIT_REGISTRY));
  }
}
