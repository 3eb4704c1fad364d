package org.handover.server.briefing;

import java.util.List;
import org.handover.server.App;
import org.handover.server.Feature;
import org.handover.server.web.Routes;
import org.handover.server.web.WebServer;

/** The briefing: its page with downloads, and {@code handover briefing}. */
public final class BriefingFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new BriefingCommand());
  }

  @Override
  public void routes(App app, WebServer web, Routes routes) {
    new BriefingRoutes(app, web).register(routes);
  }
}
