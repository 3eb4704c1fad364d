package org.handover.server.tracing;

import java.util.List;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.Feature;
import org.handover.server.web.Nav;
import org.handover.server.web.Routes;
import org.handover.server.web.WebServer;

/** Tracing: its pages and {@code handover tracing}. */
public final class TracingFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new TracingCommand());
  }

  @Override
  public void routes(App app, WebServer web, Routes routes) {
    new ImportRoutes(app, web).register(routes); // before /tracing/{id}
    new TracingRoutes(app, web).register(routes);
  }

  @Override
  public List<Nav> navigation() {
    return List.of(new Nav("/tracing", "nav.tracing", Permission.READ));
  }
}
