package org.handover.server.tracing;

import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.handover.core.accounts.Permission;
import org.handover.core.rosters.RosterFileException;
import org.handover.server.App;
import org.handover.server.web.Guard;
import org.handover.server.web.Routes;
import org.handover.server.web.Upload;
import org.handover.server.web.View;
import org.handover.server.web.WebServer;

/** Importing relatives' requests from the browser, as {@code tracing import} does. */
final class ImportRoutes {
  private final App app;
  private final WebServer web;

  ImportRoutes(App app, WebServer web) {
    this.app = app;
    this.web = web;
  }

  void register(Routes routes) {
    routes.get("/tracing/import", Permission.MANAGE_TRACING, ctx -> form(ctx, List.of(), 200));
    routes.post("/tracing/import", Permission.MANAGE_TRACING, this::upload);
  }

  private void form(Context ctx, List<String> errors, int status) {
    View v = web.guard().view(ctx);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("errors", errors);
    model.put("maxMb", Math.max(1, web.maxUploadBytes() >> 20));
    ctx.status(status);
    web.render(ctx, "tracing/import.jte", v, model);
  }

  private void upload(Context ctx) throws IOException {
    View v = web.guard().view(ctx);
    try (Upload u = Upload.take(ctx, web.maxUploadBytes(), v)) {
      try {
        RequestReader.Read read =
            RequestReader.read(u.file(), u.name(), v.messages(), LocalDate.now(app.clock()));
        if (!read.problems().isEmpty()) {
          form(ctx, read.problems(), 422);
          return;
        }
        app.tracing().importRequests(read.requests(), Guard.current(ctx).username());
        ctx.redirect("/tracing");
      } catch (RosterFileException e) {
        form(ctx, List.of(u.name() + ": " + v.messages().get(e.key(), e.args().toArray())), 422);
      }
    } catch (Upload.Rejected r) {
      form(ctx, List.of(r.getMessage()), r.status());
    } catch (IllegalArgumentException e) {
      form(ctx, List.of(v.messages().refusal(e)), 422);
    }
  }
}
