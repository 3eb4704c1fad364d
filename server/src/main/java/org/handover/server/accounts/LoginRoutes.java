package org.handover.server.accounts;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;
import org.handover.core.accounts.Permission;
import org.handover.server.i18n.Messages;
import org.handover.server.web.Guard;
import org.handover.server.web.Routes;
import org.handover.server.web.Sessions;
import org.handover.server.web.View;
import org.handover.server.web.WebServer;

/** Login, logout and the language switch. */
final class LoginRoutes {
  private final Sessions sessions;
  private final Accounts accounts;
  private final Guard guard;
  private final WebServer web;
  private final LoginThrottle throttle;
  private final org.handover.server.journal.Journal journal;

  LoginRoutes(
      Sessions sessions,
      Accounts accounts,
      Guard guard,
      WebServer web,
      org.handover.server.journal.Journal journal) {
    this.journal = journal;
    this.sessions = sessions;
    this.accounts = accounts;
    this.guard = guard;
    this.web = web;
    this.throttle = new LoginThrottle(java.time.Clock.systemUTC());
  }

  void register(Routes routes) {
    routes.open(
        HandlerType.GET,
        "/login",
        ctx -> {
          if (Guard.user(ctx).isPresent()) {
            ctx.redirect("/home");
            return;
          }
          page(ctx, "", "");
        });
    routes.open(HandlerType.POST, "/login", this::login);
    routes.post(
        "/logout",
        Permission.READ,
        ctx -> {
          sessions.remove(Guard.session(ctx).token());
          ctx.removeCookie(Guard.cookieName(ctx), "/");
          ctx.redirect("/login");
        });
    routes.open(HandlerType.POST, "/lang", this::language);
    routes.get(
        "/account/password",
        Permission.READ,
        ctx -> passwordPage(ctx, "", "1".equals(ctx.queryParam("changed"))));
    routes.post("/account/password", Permission.READ, this::changePassword);
  }

  /**
   * A user's own new password: on success this session goes on under a new token and every other
   * one of the account ends.
   */
  private void changePassword(Context ctx) {
    var user = Guard.current(ctx);
    String chosen = ctx.formParam("new") == null ? "" : ctx.formParam("new");
    View v = guard.view(ctx);
    if (!chosen.equals(ctx.formParam("repeat"))) {
      ctx.status(422);
      passwordPage(ctx, v.t("password.mismatch"), false);
      return;
    }
    String address = org.handover.server.web.ClientAddress.of(ctx);
    long wait = throttle.begin(address, user.username()); // guessing the current one is slowed too
    if (wait > 0) {
      ctx.status(429);
      ctx.header("Retry-After", String.valueOf(wait));
      passwordPage(ctx, v.t("login.wait", wait), false);
      return;
    }
    try {
      accounts.changePassword(
          user.id(), ctx.formParam("current") == null ? "" : ctx.formParam("current"), chosen);
    } catch (Accounts.AccountException e) {
      if (!e.key().equals("password.wrong-current")) {
        throttle.succeeded(address, user.username()); // the current password was right
      }
      ctx.status(e.key().equals("login.busy") ? 503 : 422);
      passwordPage(
          ctx, v.t(e.key(), PasswordRules.SHORTEST, PasswordRules.LONGEST, user.username()), false);
      return;
    }
    throttle.succeeded(address, user.username());
    Sessions.Session old = Guard.session(ctx);
    sessions.remove(old.token());
    Guard.setCookie(ctx, sessions.create(user.id(), old.language()));
    // a new page under the new session, so that its forms carry the new session's token
    ctx.redirect("/account/password?changed=1");
  }

  private void passwordPage(Context ctx, String error, boolean changed) {
    web.render(
        ctx,
        "accounts/password.jte",
        guard.view(ctx),
        Map.of("error", error, "changed", changed, "shortest", PasswordRules.SHORTEST));
  }

  private void login(Context ctx) {
    String username = value(ctx, "username");
    String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
    View view = guard.view(ctx);
    String address = org.handover.server.web.ClientAddress.of(ctx);
    long wait = throttle.begin(address, username);
    if (wait > 0) {
      ctx.status(429);
      ctx.header("Retry-After", String.valueOf(wait));
      page(ctx, username, view.t("login.wait", wait));
      return;
    }
    Accounts.Login result = accounts.login(username, password);
    if (result instanceof Accounts.Login.Ok) {
      throttle.succeeded(address, username); // counted as failed until now
    }
    if (!(result instanceof Accounts.Login.Busy)) {
      // every answered attempt, as who saw what: the throttle above bounds how many there are
      journal.read(
          result instanceof Accounts.Login.Ok ok ? ok.user().username() : "?",
          result instanceof Accounts.Login.Ok ? "login" : "login-failed",
          "user",
          java.util.Map.of(
              "username",
              username.length() > 64 ? username.substring(0, 64) : username,
              "address",
              address));
    }
    if (result instanceof Accounts.Login.Ok ok) {
      // a new session on login, so a token planted before it is worth nothing
      sessions.remove(Guard.session(ctx).token());
      Sessions.Session s = sessions.create(ok.user().id(), ok.user().locale());
      Guard.setCookie(ctx, s);
      ctx.redirect("/home");
    } else if (result instanceof Accounts.Login.Busy) {
      ctx.status(503);
      ctx.header("Retry-After", "2");
      page(ctx, username, view.t("login.busy"));
    } else {
      ctx.status(401);
      page(ctx, username, view.t("login.failed"));
    }
  }

  private void page(Context ctx, String username, String error) {
    web.render(
        ctx, "accounts/login.jte", guard.view(ctx), Map.of("username", username, "error", error));
  }

  private void language(Context ctx) {
    String lang = value(ctx, "lang");
    if (!Messages.LANGUAGES.contains(lang)) {
      web.error(ctx, 400, Guard.messages(ctx).get("error.unknown-value", lang));
      return;
    }
    var user = Guard.user(ctx);
    if (user.isPresent()) {
      accounts.setLocale(user.get().id(), lang, user.get().username());
    }
    sessions.withLanguage(Guard.session(ctx), lang);
    String back = value(ctx, "back");
    // only a path of ours: never an address elsewhere (a browser drops tabs and line breaks, so
    // "/\t/evil.example" would be "//evil.example")
    boolean ours =
        back.startsWith("/")
            && !back.startsWith("//")
            && !back.contains("\\")
            && back.chars().noneMatch(c -> c < 0x21 || c == 0x7f);
    ctx.redirect(ours ? back : "/home");
  }

  static String value(Context ctx, String field) {
    String v = ctx.formParam(field);
    return v == null ? "" : v.strip();
  }
}
