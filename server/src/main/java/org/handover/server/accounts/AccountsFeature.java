package org.handover.server.accounts;

import java.util.List;
import org.handover.server.App;
import org.handover.server.Feature;
import org.handover.server.web.Routes;
import org.handover.server.web.WebServer;

/** Accounts: logging in and out, the language switch, {@code handover user}. */
public final class AccountsFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new UserCommand());
  }

  @Override
  public void routes(App app, WebServer web, Routes routes) {
    new LoginRoutes(web.guard().sessions(), app.accounts(), web.guard(), web, app.journal())
        .register(routes);
    new AccountRoutes(app.accounts(), web).register(routes);
  }

  @Override
  public List<org.handover.server.web.Nav> navigation() {
    return List.of(
        new org.handover.server.web.Nav(
            "/users", "nav.users", org.handover.core.accounts.Permission.MANAGE_ACCOUNTS));
  }
}
