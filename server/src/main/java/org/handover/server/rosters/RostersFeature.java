package org.handover.server.rosters;

import java.util.List;
import java.util.Map;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.Feature;
import org.handover.server.registry.RegistryCommand;
import org.handover.server.web.Nav;
import org.handover.server.web.Routes;
import org.handover.server.web.WebServer;

/**
 * Rosters: lists received and sent, their import, pages, downloads and exports, {@code handover
 * roster}.
 */
public final class RostersFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new RosterCommand());
  }

  @Override
  public Map<String, List<Object>> subcommands() {
    return Map.of(RegistryCommand.NAME, List.of(new RegistryImportCommand()));
  }

  @Override
  public void routes(App app, WebServer web, Routes routes) {
    new RosterRoutes(app.rosters(), web.guard(), web, app.clock(), web.maxUploadBytes())
        .register(routes);
    new RosterDownloads(
            app.rosters(),
            app.parties(),
            () -> app.journal().checkpoint(app.key()).toString(),
            bytes -> app.key().sign(bytes),
            app.journal())
        .register(routes);
  }

  @Override
  public List<Nav> navigation() {
    return List.of(new Nav("/rosters", "nav.rosters", Permission.READ));
  }
}
