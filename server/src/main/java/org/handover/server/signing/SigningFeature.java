package org.handover.server.signing;

import java.util.List;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.Feature;
import org.handover.server.web.Routes;
import org.handover.server.web.WebServer;

/**
 * The installation's signing key: {@code handover key}, and the journal's signed head to download.
 */
public final class SigningFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new KeyCommand());
  }

  @Override
  public void routes(App app, WebServer web, Routes routes) {
    // the checkpoint to keep with a download from the web, as the CLI writes one beside its exports
    routes.get(
        "/checkpoint.txt",
        Permission.READ,
        ctx -> {
          ctx.contentType("text/plain; charset=utf-8");
          ctx.header(
              "Content-Disposition",
              "attachment; filename=\"handover-checkpoint-"
                  + app.clock().instant().toString().substring(0, 10)
                  + ".txt\"");
          ctx.result(app.journal().checkpoint(app.key()) + "\n");
        });
  }
}
