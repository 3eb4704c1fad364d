package org.handover.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.util.Map;
import org.handover.server.accounts.Accounts;
import org.handover.server.journal.Journal;
import org.handover.server.registry.Registry;
import org.handover.server.storage.StaleRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web interface: server-rendered jte pages, htmx where it helps, every page in uk/en/ru.
 *
 * <pre>{@code
 * Javalin app = app.web().create();
 * app.start("127.0.0.1", 7070);
 * }</pre>
 */
public final class WebServer {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  private static final long MAX_REQUEST_BYTES = 1_000_000;

  private final Registry registry;
  private final Accounts accounts;
  private final Journal journal;
  private final Clock clock;
  private final org.handover.server.lists.Rosters rosters;
  private final org.handover.server.matching.Matching matching;
  private final org.handover.server.matching.Duplicates duplicates;
  private final long maxUploadBytes;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  public WebServer(Registry registry, Accounts accounts, Journal journal, org.handover.server.lists.Rosters rosters,
                   org.handover.server.matching.Matching matching, org.handover.server.matching.Duplicates duplicates,
                   Clock clock, long maxUploadBytes) {
    this.matching = matching;
    this.duplicates = duplicates;
    this.registry = registry;
    this.accounts = accounts;
    this.journal = journal;
    this.rosters = rosters;
    this.clock = clock;
    this.maxUploadBytes = maxUploadBytes;
  }

  public Javalin create() {
    Sessions sessions = new Sessions(clock);
    Guard guard = new Guard(sessions, accounts, this);
    LoginRoutes login = new LoginRoutes(sessions, accounts, guard, this);
    RegistryRoutes persons = new RegistryRoutes(registry, journal, guard, this, clock);
    JournalRoutes journalRoutes = new JournalRoutes(journal, guard, this);
    RosterRoutes rosterRoutes = new RosterRoutes(rosters, matching, guard, this, clock, maxUploadBytes);
    MatchRoutes matchRoutes = new MatchRoutes(matching, rosters, registry, guard, this);
    DuplicateRoutes duplicateRoutes = new DuplicateRoutes(duplicates, registry, guard, this);
    return Javalin.create(config -> {
      config.http.maxRequestSize = MAX_REQUEST_BYTES;
      config.jetty.multipartConfig.maxFileSize(maxUploadBytes, io.javalin.config.SizeUnit.BYTES);
      config.jetty.multipartConfig.maxTotalRequestSize(maxUploadBytes + MAX_REQUEST_BYTES, io.javalin.config.SizeUnit.BYTES);
      config.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
      config.staticFiles.add(files -> {
        files.hostedPath = "/static";
        files.directory = "/static";
        files.location = Location.CLASSPATH;
      });
      config.staticFiles.enableWebjars();
      config.startup.showJavalinBanner = false;
      config.routes.before(guard::before);
      login.register(config.routes);
      persons.register(config.routes);
      journalRoutes.register(config.routes);
      rosterRoutes.register(config.routes);
      matchRoutes.register(config.routes);
      duplicateRoutes.register(config.routes);
      config.routes.get("/", ctx -> ctx.redirect("/persons"));
      config.routes.exception(StaleRecordException.class, (e, ctx) ->
          error(ctx, 409, guard.view(ctx).t("error.stale")));
      config.routes.exception(Forbidden.class, (e, ctx) -> error(ctx, 403, guard.view(ctx).t("error.forbidden")));
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
        error(ctx, 500, guard.view(ctx).t("error.internal"));
      });
      config.routes.error(404, ctx -> error(ctx, 404, guard.view(ctx).t("error.not-found")));
    });
  }

  /** Renders a page template with the view and the given model. */
  void render(Context ctx, String template, View view, Map<String, Object> model) {
    Map<String, Object> params = new java.util.HashMap<>(model);
    params.put("v", view);
    StringOutput out = new StringOutput();
    templates.render(template, params, out);
    ctx.contentType("text/html; charset=utf-8").result(out.toString());
  }

  long maxUploadBytes() {
    return maxUploadBytes;
  }

  void error(Context ctx, int status, String message) {
    View view = new View(Guard.messages(ctx), Guard.user(ctx), Guard.csrf(ctx), ctx.path());
    ctx.status(status);
    render(ctx, "error.jte", view, Map.of("status", status, "message", message));
  }

  /** The user may not do this; the server checked, whatever the page showed. */
  static final class Forbidden extends RuntimeException {
    Forbidden(String what) {
      super(what);
    }
  }
}
