package org.handover.server.tracing;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.handover.core.accounts.Permission;
import org.handover.core.rosters.RosterFileException;
import org.handover.server.App;
import org.handover.server.web.Guard;
import org.handover.server.web.Routes;
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
    if (ctx.contentLength() > web.maxUploadBytes()) {
      form(
          ctx,
          List.of(v.t("error.upload.too-large", Math.max(1, web.maxUploadBytes() >> 20))),
          413);
      return;
    }
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null || file.filename().isBlank()) {
      form(ctx, List.of(v.t("error.upload.missing")), 400);
      return;
    }
    Path tmp = Files.createTempFile("handover-requests", ".upload");
    try {
      try (InputStream in = file.content()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      RequestReader.Read read =
          RequestReader.read(tmp, file.filename(), v.messages(), LocalDate.now(app.clock()));
      if (!read.problems().isEmpty()) {
        form(ctx, read.problems(), 422);
        return;
      }
      app.tracing().importRequests(read.requests(), Guard.current(ctx).username());
      ctx.redirect("/tracing");
    } catch (RosterFileException e) {
      form(
          ctx,
          List.of(file.filename() + ": " + v.messages().get(e.key(), e.args().toArray())),
          422);
    } catch (IllegalArgumentException e) {
      form(ctx, List.of(v.messages().refusal(e)), 422);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
