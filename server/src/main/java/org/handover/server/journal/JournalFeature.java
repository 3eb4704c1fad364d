package org.handover.server.journal;

import java.util.List;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.Feature;
import org.handover.server.web.Nav;
import org.handover.server.web.Routes;
import org.handover.server.web.WebServer;

/** The journal: its page and {@code handover journal}. */
public final class JournalFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new JournalCommand());
  }

  @Override
  public void routes(App app, WebServer web, Routes routes) {
    new JournalRoutes(app.journal(), web.guard(), web).register(routes);
  }

  @Override
  public List<Nav> navigation() {
    return List.of(
        new Nav("/journal", "nav.journal", Permission.READ),
        new Nav("/access", "nav.access", Permission.MANAGE_ACCOUNTS));
  }
}
