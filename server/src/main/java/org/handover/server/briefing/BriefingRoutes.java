package org.handover.server.briefing;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.i18n.Days;
import org.handover.server.i18n.Messages;
import org.handover.server.negotiations.StoredRound;
import org.handover.server.web.Params;
import org.handover.server.web.Routes;
import org.handover.server.web.View;
import org.handover.server.web.WebServer;

/**
 * A round's briefing page, in any of the three languages whatever the reader's own, on any date;
 * and its downloads as Markdown, PDF and HTML.
 */
final class BriefingRoutes {
  private final App app;
  private final WebServer web;

  BriefingRoutes(App app, WebServer web) {
    this.app = app;
    this.web = web;
  }

  void register(Routes routes) {
    routes.get("/rounds/{key}/briefing", Permission.READ, this::page);
    routes.get("/rounds/{key}/briefing/download", Permission.READ, this::download);
  }

  /** The date asked for, or today with the reader told why not. */
  private record AsOf(LocalDate day, String error) {}

  private AsOf asOf(Context ctx, View v) {
    String on = Params.query(ctx, "as-of");
    try {
      return new AsOf(
          on.isEmpty() ? LocalDate.now(app.clock()) : Days.parse(on, v.t("round.as-of")), "");
    } catch (IllegalArgumentException e) {
      ctx.status(422);
      return new AsOf(LocalDate.now(app.clock()), v.messages().refusal(e));
    }
  }

  private Briefing briefing(Context ctx, View v, LocalDate asOf) {
    StoredRound r =
        app.negotiations().find(ctx.pathParam("key")).orElseThrow(NotFoundResponse::new);
    String lang = Params.query(ctx, "language");
    return Briefings.of(app, r, Messages.LANGUAGES.contains(lang) ? lang : v.lang(), asOf);
  }

  private void page(Context ctx) {
    View v = web.guard().view(ctx);
    AsOf on = asOf(ctx, v);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("b", briefing(ctx, v, on.day()));
    model.put("error", on.error());
    model.put("languages", Messages.LANGUAGES);
    web.render(ctx, "briefing/briefing.jte", v, model);
  }

  private void download(Context ctx) throws IOException {
    View v = web.guard().view(ctx);
    AsOf on = asOf(ctx, v);
    if (!on.error().isEmpty()) {
      ctx.result(on.error());
      return;
    }
    Briefing b = briefing(ctx, v, on.day());
    Messages m = Messages.of(b.language());
    String sources = m.get("briefing.sources");
    String overdue = m.get("commitment.overdue");
    String name = "briefing-" + b.round() + "-" + b.language() + "-" + b.asOf();
    String format = Params.query(ctx, "format");
    app.journal()
        .read(
            org.handover.server.web.Guard.current(ctx).username(),
            "download",
            "round/" + b.round(),
            java.util.Map.of(
                "format", format.equals("pdf") || format.equals("html") ? format : "md"));
    switch (format) {
      case "pdf" -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BriefingPdf.write(b, sources, overdue, out);
        ctx.contentType("application/pdf");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"");
        ctx.result(out.toByteArray());
      }
      case "html" -> {
        ctx.contentType("text/html; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".html\"");
        ctx.result(BriefingHtml.write(b, sources, overdue).getBytes(StandardCharsets.UTF_8));
      }
      default -> {
        ctx.contentType("text/markdown; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".md\"");
        ctx.result(BriefingMarkdown.write(b, sources, overdue).getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
