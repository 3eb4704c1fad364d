package org.handover.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.handover.core.accounts.Permission;

/**
 * Where features register their web routes, each with the permission it needs: the handler runs
 * only for a user whose role holds it; the others get 403. The table of routes is kept, so that a
 * test can walk every route for every role.
 *
 * <pre>{@code
 * routes.get("/rosters", Permission.READ, this::list);
 * routes.post("/rosters", Permission.IMPORT_ROSTERS, this::importRoster);
 * }</pre>
 */
public final class Routes {
  /** One route: its method, path and the permission it needs (none: open without a login). */
  public record Route(HandlerType method, String path, Optional<Permission> permission) {}

  private final RoutesConfig config;
  private final List<Route> table = new ArrayList<>();

  Routes(RoutesConfig config) {
    this.config = config;
  }

  public void get(String path, Permission permission, Handler handler) {
    add(HandlerType.GET, path, Optional.of(permission), handler);
  }

  public void post(String path, Permission permission, Handler handler) {
    add(HandlerType.POST, path, Optional.of(permission), handler);
  }

  /** A route anybody may use, logged in or not (the login page, the language switch). */
  public void open(HandlerType method, String path, Handler handler) {
    add(method, path, Optional.empty(), handler);
  }

  private void add(
      HandlerType method, String path, Optional<Permission> permission, Handler handler) {
    table.add(new Route(method, path, permission));
    Handler guarded =
        permission.isEmpty()
            ? handler
            : ctx -> {
              Guard.require(ctx, permission.get());
              handler.handle(ctx);
            };
    if (method == HandlerType.GET) {
      config.get(path, guarded);
    } else if (method == HandlerType.POST) {
      config.post(path, guarded);
    } else {
      throw new IllegalArgumentException("routes are GET or POST: " + method + " " + path);
    }
  }

  List<Route> table() {
    return List.copyOf(table);
  }
}
