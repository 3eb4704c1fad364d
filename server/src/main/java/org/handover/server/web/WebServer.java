package org.handover.server.web;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.handover.core.parties.PartyBook;
import org.handover.server.App;
import org.handover.server.Feature;
import org.handover.server.storage.StaleRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web interface: server-rendered jte pages, htmx where it helps, every page in uk/en/ru. Each
 * feature registers its own routes, each with the permission it needs.
 *
 * <pre>{@code
 * Javalin server = app.web().create();
 * server.start("127.0.0.1", 7070);
 * }</pre>
 */
public final class WebServer {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  static final long MAX_REQUEST_BYTES = 1_000_000;

  private final App app;
  private final List<Feature> features;
  private final long maxUploadBytes;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final List<Nav> navigation = new ArrayList<>();
  private final List<Routes.Route> table = new ArrayList<>();
  private final List<Section> sections = new ArrayList<>();
  private final Jobs jobs = new Jobs();
  private Guard guard;

  public WebServer(App app, List<Feature> features, long maxUploadBytes) {
    this.app = app;
    this.features = List.copyOf(features);
    this.maxUploadBytes = maxUploadBytes;
    features.forEach(f -> navigation.addAll(f.navigation()));
    features.forEach(f -> sections.addAll(f.sections(app, this)));
  }

  public Javalin create() {
    return create(java.util.Optional.empty(), "127.0.0.1", 0);
  }

  /**
   * The server; with TLS, its one connector is HTTPS on {@code host} and {@code port} (then start
   * it with {@code start()}), otherwise {@code start(host, port)} gives it plain HTTP.
   */
  public Javalin create(java.util.Optional<Tls> tls, String host, int port) {
    guard = new Guard(new Sessions(app.clock(), app.database().jdbi()), app.accounts(), this);
    return Javalin.create(
        config -> {
          config.http.maxRequestSize = MAX_REQUEST_BYTES;
          config.jetty.multipartConfig.maxFileSize(maxUploadBytes, SizeUnit.BYTES);
          config.jetty.multipartConfig.maxTotalRequestSize(
              maxUploadBytes + MAX_REQUEST_BYTES, SizeUnit.BYTES);
          config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
          config.staticFiles.add(
              files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
              });
          config.staticFiles.enableWebjars();
          config.startup.showJavalinBanner = false;
          tls.ifPresent(
              t ->
                  config.jetty.addConnector(
                      (server, http) -> t.connector(server, http, host, port)));
          config.routes.before(guard::before);
          Routes routes = new Routes(config.routes);
          routes.get("/jobs/{id}", org.handover.core.accounts.Permission.READ, this::job);
          for (Feature f : features) {
            f.routes(app, this, routes);
          }
          table.clear();
          table.addAll(routes.table());
          config.routes.get("/", ctx -> ctx.redirect("/home"));
          config.routes.exception(
              StaleRecordException.class,
              (e, ctx) -> error(ctx, 409, guard.view(ctx).t("error.stale")));
          config.routes.exception(
              Forbidden.class, (e, ctx) -> error(ctx, 403, guard.view(ctx).t(e.key, e.args)));
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, guard.view(ctx).t("error.internal"));
              });
          config.routes.error(404, ctx -> error(ctx, 404, guard.view(ctx).t("error.not-found")));
        });
  }

  /** A long job's page: its step while it runs, then its result; its failure in words. */
  private void job(Context ctx) {
    View view = guard.view(ctx);
    Jobs.Job job =
        jobs.find(Params.id(ctx, "id"), Guard.current(ctx).id())
            .orElseThrow(io.javalin.http.NotFoundResponse::new);
    if (job.result().isPresent()) {
      ctx.redirect(job.result().get());
      return;
    }
    if (job.error().isPresent()) {
      String key = String.valueOf(job.error().get().getMessage());
      error(ctx, 422, view.messages().has(key) ? view.t(key) : view.t("error.internal"));
      return;
    }
    render(
        ctx,
        "job.jte",
        view,
        Map.of("job", job, "seconds", (System.currentTimeMillis() - job.startedMillis()) / 1000));
  }

  /** Long work started from pages, one at a time. */
  public Jobs jobs() {
    return jobs;
  }

  /** Every route the features registered, with its permission: what a test walks for every role. */
  public List<Routes.Route> routes() {
    return List.copyOf(table);
  }

  public Guard guard() {
    return guard;
  }

  /** Renders a page template with the view and the given model. */
  public void render(Context ctx, String template, View view, Map<String, Object> model) {
    Map<String, Object> params = new HashMap<>(model);
    params.put("v", view);
    StringOutput out = new StringOutput();
    templates.render(template, params, out);
    ctx.contentType("text/html; charset=utf-8").result(out.toString());
  }

  /** A template rendered to be placed inside a page, as a section of it. */
  public Content fragment(String template, View view, Map<String, Object> model) {
    Map<String, Object> params = new HashMap<>(model);
    params.put("v", view);
    StringOutput out = new StringOutput();
    templates.render(template, params, out);
    String html = out.toString();
    return output -> output.writeContent(html);
  }

  /** What other features add to a page about one subject, in the order of the features. */
  public List<Content> sections(String page, Context ctx, View view, long subject) {
    return sections.stream()
        .filter(s -> s.page().equals(page))
        .map(s -> s.renderer().render(ctx, view, subject))
        .toList();
  }

  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  List<Nav> navigation() {
    return navigation;
  }

  PartyBook parties() {
    return app.parties().book();
  }

  public void error(Context ctx, int status, String message) {
    View view = guard.view(ctx);
    ctx.status(status);
    render(ctx, "error.jte", view, Map.of("status", status, "message", message));
  }

  /** The user may not do this; the server checked, whatever the page showed. */
  public static final class Forbidden extends RuntimeException {
    private final String key;
    private final transient Object[] args;

    public Forbidden(String what) {
      this(what, "error.forbidden");
    }

    /** Refused, saying why with a message of its own. */
    public Forbidden(String what, String key, Object... args) {
      super(what);
      this.key = key;
      this.args = args.clone();
    }
  }
}
