package org.handover.server.agreements;

import java.util.List;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.Feature;
import org.handover.server.web.Nav;
import org.handover.server.web.Routes;
import org.handover.server.web.WebServer;

/** Agreements: their pages, {@code handover agreement} and {@code handover eligibility}. */
public final class AgreementsFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new AgreementCommand(), new EligibilityCommand());
  }

  @Override
  public void routes(App app, WebServer web, Routes routes) {
    new AgreementRoutes(app, web).register(routes);
  }

  @Override
  public List<Nav> navigation() {
    return List.of(new Nav("/agreements", "nav.agreements", Permission.READ));
  }
}
