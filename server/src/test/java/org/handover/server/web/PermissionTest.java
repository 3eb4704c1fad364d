package org.handover.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.accounts.Role;
import org.handover.server.App;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks the table of routes the features registered, for every role and for a visitor without a
 * login: each answer must be what the route's declared permission and the role's permissions say.
 */
class PermissionTest {
  static App app;
  static Javalin web;
  static List<Routes.Route> table;
  static final Map<Role, String> PASSWORDS = new EnumMap<>(Role.class);

  @BeforeAll
  static void start() {
    app = new App(Database.open(TestDatabases.postgres()), Clock.systemDefaultZone());
    for (Role r : Role.values()) {
      PASSWORDS.put(r, app.accounts().create("user-" + r.key(), r, "test"));
    }
    WebServer server = app.web();
    web = server.create().start("127.0.0.1", 0);
    // logging out ends the session the walk goes on with: it comes last
    table =
        server.routes().stream()
            .sorted(Comparator.comparing(r -> r.path().equals("/logout")))
            .toList();
  }

  @AfterAll
  static void stop() {
    web.stop();
    app.close();
  }

  @Test
  void theTableHoldsEveryFeaturesRoutes() {
    assertThat(table)
        .extracting(Routes.Route::path)
        .contains(
            "/registry",
            "/rosters",
            "/rosters/{id}",
            "/matches/{run}",
            "/duplicates",
            "/parties",
            "/journal");
  }

  @Test
  void onlyTheLoginAndTheLanguageSwitchAreOpenWithoutALogin() {
    assertThat(
            table.stream()
                .filter(r -> r.permission().isEmpty())
                .map(r -> r.method() + " " + r.path()))
        .containsExactlyInAnyOrder("GET /login", "POST /login", "POST /lang");
  }

  @Test
  void everyRoleGetsWhatItsPermissionsSay() {
    List<String> wrong = new ArrayList<>();
    for (Role role : Role.values()) {
      Browser b = new Browser(web.port());
      assertThat(b.login("user-" + role.key(), PASSWORDS.get(role)).statusCode()).isEqualTo(302);
      b.get("/registry"); // the session's CSRF token, for the posts
      for (Routes.Route route : table) {
        if (route.permission().isEmpty()) {
          continue;
        }
        boolean allowed = role.permits(route.permission().get());
        HttpResponse<String> answer = call(b, route);
        int status = answer.statusCode();
        boolean refused = status == 403;
        boolean toLogin =
            status == 401
                || (!route.path().equals("/logout")
                    && answer
                        .headers()
                        .firstValue("Location")
                        .filter(l -> l.startsWith("/login"))
                        .isPresent());
        if (allowed == refused || toLogin || status >= 500) {
          wrong.add(
              role.key()
                  + " "
                  + route.method()
                  + " "
                  + route.path()
                  + " ("
                  + route.permission().get()
                  + "): "
                  + status);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aVisitorWithoutALoginIsSentToLoginOrRefused() {
    List<String> wrong = new ArrayList<>();
    Browser b = new Browser(web.port());
    b.get("/login");
    for (Routes.Route route : table) {
      if (route.permission().isEmpty()) {
        continue;
      }
      HttpResponse<String> answer = call(b, route);
      Optional<String> location = answer.headers().firstValue("Location");
      boolean expected =
          route.method() == HandlerType.GET
              ? answer.statusCode() == 302 && location.filter(l -> l.equals("/login")).isPresent()
              : answer.statusCode() == 401;
      if (!expected) {
        wrong.add(route.method() + " " + route.path() + ": " + answer.statusCode());
      }
    }
    assertThat(wrong).isEmpty();
  }

  private static HttpResponse<String> call(Browser b, Routes.Route route) {
    String path = route.path().replace("{format}", "csv").replaceAll("\\{[a-z]+}", "1");
    return route.method() == HandlerType.GET ? b.get(path) : b.submit(path);
  }
}
