package org.handover.server.accounts;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.handover.core.accounts.Permission;
import org.handover.core.accounts.Role;
import org.handover.server.web.Guard;
import org.handover.server.web.Params;
import org.handover.server.web.Routes;
import org.handover.server.web.View;
import org.handover.server.web.WebServer;

/**
 * Accounts for administrators on the web: every account with its role, a new one, disabling and
 * enabling, a new password. A generated password is shown once, on the page that made it.
 */
final class AccountRoutes {
  private final Accounts accounts;
  private final WebServer web;

  AccountRoutes(Accounts accounts, WebServer web) {
    this.accounts = accounts;
    this.web = web;
  }

  void register(Routes routes) {
    routes.get("/users", Permission.MANAGE_ACCOUNTS, ctx -> page(ctx, Map.of()));
    routes.post("/users", Permission.MANAGE_ACCOUNTS, this::create);
    routes.post("/users/{name}/disable", Permission.MANAGE_ACCOUNTS, ctx -> enable(ctx, false));
    routes.post("/users/{name}/enable", Permission.MANAGE_ACCOUNTS, ctx -> enable(ctx, true));
    routes.post("/users/{name}/password", Permission.MANAGE_ACCOUNTS, this::password);
  }

  private void page(Context ctx, Map<String, Object> extra) {
    View v = web.guard().view(ctx);
    Map<String, Object> model = new HashMap<>(extra);
    model.putIfAbsent("error", "");
    model.putIfAbsent("shownName", "");
    model.putIfAbsent("shownPassword", "");
    model.put("accounts", accounts.all());
    model.put("credentials", accounts.credentials().live());
    web.render(ctx, "accounts/users.jte", v, model);
  }

  private void create(Context ctx) {
    String name = Params.form(ctx, "username");
    Role role;
    try {
      role = Role.fromKey(Params.form(ctx, "role"));
    } catch (IllegalArgumentException e) {
      refuse(ctx, name, "error.unknown-value");
      return;
    }
    try {
      String password = accounts.create(name, role, Guard.current(ctx).username());
      page(ctx, Map.of("shownName", name, "shownPassword", password));
    } catch (Accounts.AccountException e) {
      refuse(ctx, name, e.key());
    }
  }

  private void enable(Context ctx, boolean enabled) {
    String name = ctx.pathParam("name");
    try {
      accounts.setEnabled(name, enabled, Guard.current(ctx).username());
      ctx.redirect("/users");
    } catch (Accounts.AccountException e) {
      refuse(ctx, name, e.key());
    }
  }

  private void password(Context ctx) {
    String name = ctx.pathParam("name");
    try {
      String password = accounts.resetPassword(name, Guard.current(ctx).username());
      page(ctx, Map.of("shownName", name, "shownPassword", password));
    } catch (Accounts.AccountException e) {
      refuse(ctx, name, e.key());
    }
  }

  private void refuse(Context ctx, String name, String key) {
    View v = web.guard().view(ctx);
    ctx.status(400);
    page(ctx, Map.of("error", v.t("login.username") + " «" + name + "»: " + v.t(key, name)));
  }
}
