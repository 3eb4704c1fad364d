package org.handover.server.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.handover.core.accounts.Permission;
import org.handover.core.parties.PartyBook;
import org.handover.server.accounts.Accounts;
import org.handover.server.accounts.User;
import org.handover.server.i18n.Messages;

/**
 * Runs before every request: finds the session and its user, picks the language, refuses a form
 * post whose CSRF token does not match, sends anonymous visitors to the login page, and sets the
 * headers that keep pages out of frames and scripts to our own origin.
 */
public final class Guard {
  private static final String SESSION = "session";
  private static final String USER = "user";
  private static final String MESSAGES = "messages";
  private static final String PARTIES = "parties";

  private final Sessions sessions;
  private final Accounts accounts;
  private final WebServer web;

  Guard(Sessions sessions, Accounts accounts, WebServer web) {
    this.sessions = sessions;
    this.accounts = accounts;
    this.web = web;
  }

  void before(Context ctx) {
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    if (ClientAddress.https(ctx)) {
      ctx.header("Strict-Transport-Security", "max-age=31536000");
    }
    ctx.header(
        "Content-Security-Policy",
        "default-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
    String path = ctx.path();
    if (path.startsWith("/static/") || path.startsWith("/webjars/")) {
      return;
    }
    Sessions.Session session = sessions.find(token(ctx)).orElse(null);
    boolean open = path.equals("/login") || path.equals("/lang");
    if (session == null && open) {
      session = sessions.create(0, fromAcceptLanguage(ctx.header("Accept-Language")));
      setCookie(ctx, session);
    } else if (session == null) {
      // a visitor sent to the login page: nothing is kept of it (a crawler fills no memory), and
      // its empty token matches no form
      session =
          new Sessions.Session("", 0, "", fromAcceptLanguage(ctx.header("Accept-Language")), 0, 0);
    }
    Optional<User> user =
        session.userId() == 0
            ? Optional.empty()
            : accounts.find(session.userId(), session.openedMillis());
    String language = user.map(User::locale).orElse(session.language());
    String asked = ctx.queryParam("lang");
    if (ctx.method() == HandlerType.GET && asked != null && Messages.LANGUAGES.contains(asked)) {
      language = asked; // a page asked for in a language (a link sent to a colleague)
    }
    ctx.attribute(SESSION, session);
    ctx.attribute(USER, user.orElse(null));
    ctx.attribute(MESSAGES, Messages.of(language));
    if (ctx.method() == HandlerType.POST
        && ctx.isMultipartFormData()
        && ctx.contentLength() > web.maxUploadBytes()) {
      // refused without parsing; the body is read off (up to a bound) so that the client, still
      // sending,
      // is not cut off before it can read the refusal
      drain(ctx, DRAIN_LIMIT);
      ctx.header("Connection", "close");
      web.error(
          ctx,
          413,
          Messages.of(language)
              .get("error.upload.too-large", Messages.of(language).size(web.maxUploadBytes())));
      ctx.skipRemainingHandlers();
      return;
    }
    if (ctx.method() == HandlerType.POST
        && !ctx.isMultipartFormData()
        && ctx.contentLength() > WebServer.MAX_REQUEST_BYTES) {
      // a form this large cannot be read, nor its token: say so rather than "expired"
      drain(ctx, DRAIN_LIMIT);
      web.error(
          ctx,
          413,
          Messages.of(language).get("error.form.too-large", WebServer.MAX_REQUEST_BYTES / 1000));
      ctx.skipRemainingHandlers();
      return;
    }
    if (ctx.method() == HandlerType.POST && !csrfMatches(ctx, session)) {
      web.error(ctx, 403, Messages.of(language).get("error.csrf"));
      ctx.skipRemainingHandlers();
      return;
    }
    if (user.isPresent()) {
      ctx.header("Cache-Control", "no-store"); // pages of persons stay out of shared caches
    }
    if (user.isEmpty() && !open) {
      if (ctx.method() == HandlerType.GET) {
        ctx.redirect("/login");
      } else {
        web.error(ctx, 401, Messages.of(language).get("error.login-required"));
      }
      ctx.skipRemainingHandlers();
    }
  }

  static final long DRAIN_LIMIT = 64L * 1024 * 1024;

  private static void drain(Context ctx, long limit) {
    try {
      InputStream in = ctx.req().getInputStream();
      byte[] buffer = new byte[64 * 1024];
      long read = 0;
      for (int n = in.read(buffer); n > 0 && read < limit; n = in.read(buffer)) {
        read += n;
      }
    } catch (IOException e) {
      // the client went away: there is nobody left to tell
    }
  }

  private static boolean csrfMatches(Context ctx, Sessions.Session session) {
    String sent;
    try {
      sent = ctx.formParam("csrf");
    } catch (RuntimeException e) {
      return false; // a body that cannot be read as a form carries no token
    }
    if (sent == null) {
      sent = ctx.header("X-CSRF-Token");
    }
    return sent != null
        && !session.csrf().isEmpty()
        && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), session.csrf().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The session's cookie's name: over HTTPS with the __Host- prefix, which a browser accepts only
   * Secure, for this host alone and the whole site, so that no neighbour on the domain can plant
   * one.
   */
  public static String cookieName(Context ctx) {
    return ClientAddress.https(ctx) ? "__Host-" + Sessions.COOKIE : Sessions.COOKIE;
  }

  /** The session's token the browser sent, under the name this connection uses. */
  public static String token(Context ctx) {
    return ctx.cookie(cookieName(ctx));
  }

  /**
   * The session's cookie: HttpOnly, SameSite=Strict, and Secure whenever the page came over HTTPS.
   */
  public static void setCookie(Context ctx, Sessions.Session s) {
    ctx.cookie(
        new Cookie(
            cookieName(ctx),
            s.token(),
            "/",
            -1,
            ClientAddress.https(ctx),
            true,
            null,
            SameSite.STRICT));
  }

  static String fromAcceptLanguage(String header) {
    if (header != null) {
      for (String part : header.toLowerCase(Locale.ROOT).split(",")) {
        String lang = part.strip().split("[-;]")[0];
        if (Messages.LANGUAGES.contains(lang)) {
          return lang;
        }
      }
    }
    return "uk";
  }

  public Sessions sessions() {
    return sessions;
  }

  public static Sessions.Session session(Context ctx) {
    return ctx.attribute(SESSION);
  }

  public static Optional<User> user(Context ctx) {
    return Optional.ofNullable(ctx.attribute(USER));
  }

  public static Messages messages(Context ctx) {
    Messages m = ctx.attribute(MESSAGES);
    return m == null ? Messages.of("uk") : m;
  }

  public static String csrf(Context ctx) {
    Sessions.Session s = session(ctx);
    return s == null ? "" : s.csrf();
  }

  public View view(Context ctx) {
    return new View(messages(ctx), user(ctx), csrf(ctx), back(ctx), web.navigation(), parties(ctx));
  }

  /** A form's result that a link can show again names that link here (an upload's preview). */
  public static final String BACK = "handover.back";

  /**
   * Where the language switch comes back to: the page itself, or for a form's result (a POST, which
   * no link can repeat) the page above it: /rosters/upload -> /rosters.
   */
  static String back(Context ctx) {
    String page = ctx.attribute(BACK);
    if (page != null) {
      return page;
    }
    String path = ctx.path();
    if (ctx.method() == HandlerType.GET) {
      // without ?lang=, which would override the language the switch is about to choose
      String query =
          ctx.queryString() == null
              ? ""
              : ctx.queryString().replaceAll("(^|&)lang=[^&]*", "").replaceAll("^&", "");
      return query.isEmpty() ? path : path + "?" + query;
    }
    int cut = path.lastIndexOf('/');
    return cut > 0 ? path.substring(0, cut) : "/registry";
  }

  /** The parties, read once per request however many views it renders. */
  private PartyBook parties(Context ctx) {
    PartyBook book = ctx.attribute(PARTIES);
    if (book == null) {
      book = web.parties();
      ctx.attribute(PARTIES, book);
    }
    return book;
  }

  /** The logged-in user; a route's permission was checked before its handler runs. */
  public static User current(Context ctx) {
    return user(ctx).orElseThrow(() -> new WebServer.Forbidden("not logged in"));
  }

  /**
   * The logged-in user, if their role holds the permission; otherwise the request is refused with
   * 403.
   */
  public static User require(Context ctx, Permission permission) {
    User u = user(ctx).orElseThrow(() -> new WebServer.Forbidden("not logged in"));
    if (!u.role().permits(permission)) {
      throw new WebServer.Forbidden(
          u.username() + " (" + u.role().key() + ") may not " + ctx.method() + " " + ctx.path());
    }
    return u;
  }
}
