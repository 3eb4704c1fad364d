package org.handover.server.negotiations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.handover.core.Keys;
import org.handover.core.accounts.Permission;
import org.handover.core.negotiations.Implementation;
import org.handover.server.App;
import org.handover.server.i18n.Days;
import org.handover.server.web.Guard;
import org.handover.server.web.Params;
import org.handover.server.web.Routes;
import org.handover.server.web.Upload;
import org.handover.server.web.View;
import org.handover.server.web.WebServer;

/**
 * The rounds: their list with the import of a record, a round's page (delegations, documents,
 * proposals with positions, agreements, commitments), its record as JSON, and the commitments'
 * dashboard with progress recorded by hand.
 */
final class RoundRoutes {
  private final App app;
  private final WebServer web;

  RoundRoutes(App app, WebServer web) {
    this.app = app;
    this.web = web;
  }

  void register(Routes routes) {
    routes.get("/rounds", Permission.READ, ctx -> list(ctx, List.of(), "", 200));
    routes.post("/rounds/import", Permission.RECORD_NEGOTIATIONS, this::upload);
    routes.get("/commitments", Permission.READ, ctx -> dashboard(ctx, "", 200));
    routes.get("/rounds/{key}", Permission.READ, this::round);
    routes.get("/rounds/{key}/record.json", Permission.READ, this::json);
    routes.post(
        "/rounds/{key}/commitments/{commitment}/progress",
        Permission.RECORD_NEGOTIATIONS,
        this::progress);
  }

  private void list(Context ctx, List<String> errors, String done, int status) {
    View v = web.guard().view(ctx);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("rounds", app.negotiations().rounds());
    model.put("errors", errors);
    model.put("done", done);
    model.put("maxMb", RecordCommand.MAX_BYTES >> 20);
    ctx.status(status);
    web.render(ctx, "negotiations/rounds.jte", v, model);
  }

  private void upload(Context ctx) throws IOException {
    View v = web.guard().view(ctx);
    try (Upload u = Upload.take(ctx, RecordCommand.MAX_BYTES, v)) {
      if (Files.size(u.file()) > RecordCommand.MAX_BYTES) { // sent without a length
        list(ctx, List.of(v.t("record.too-large", RecordCommand.MAX_BYTES >> 20)), "", 413);
        return;
      }
      RecordReader.Read read = RecordReader.read(Files.readAllBytes(u.file()), v.messages());
      if (read.record().isEmpty()) {
        list(ctx, read.problems().stream().map(p -> u.name() + ": " + p).toList(), "", 422);
        return;
      }
      Negotiations.Imported i =
          app.negotiations()
              .importRecord(
                  read.record().get(),
                  read.document(),
                  app.parties().book(),
                  Guard.current(ctx).username());
      list(
          ctx,
          List.of(),
          i.unchanged()
              ? v.t("record.unchanged", i.key())
              : v.t(
                  "record.imported",
                  i.key(),
                  i.added().size(),
                  i.changed().size(),
                  i.removed().size(),
                  i.agreementsCreated()),
          200);
    } catch (Upload.Rejected r) {
      list(ctx, List.of(r.getMessage()), "", r.status());
    } catch (IllegalArgumentException e) {
      list(ctx, List.of(v.messages().refusal(e)), "", 422);
    }
  }

  private StoredRound found(Context ctx) {
    return app.negotiations().find(ctx.pathParam("key")).orElseThrow(NotFoundResponse::new);
  }

  /** The day asked for in ?as-of=, today when none; refused naming the field when unreadable. */
  static LocalDate asOf(Context ctx, App app, View v) {
    String on = Params.query(ctx, "as-of");
    return on.isEmpty() ? LocalDate.now(app.clock()) : Days.parse(on, v.t("round.as-of"));
  }

  private void round(Context ctx) {
    View v = web.guard().view(ctx);
    StoredRound r = found(ctx);
    LocalDate on;
    String error = "";
    try {
      on = asOf(ctx, app, v);
    } catch (IllegalArgumentException e) {
      ctx.status(422);
      error = v.messages().refusal(e);
      on = LocalDate.now(app.clock());
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("r", r);
    model.put("error", error);
    model.put(
        "states",
        Fulfilment.of(
            app.database().jdbi(),
            r,
            app.negotiations().progress(r.id()),
            on,
            app.parties().book().own(),
            Fulfilment.intermediate()));
    model.put("asOf", on);
    model.put("lang", v.lang());
    web.render(ctx, "negotiations/round.jte", v, model);
  }

  private void json(Context ctx) throws IOException {
    StoredRound r = found(ctx);
    ctx.contentType("application/json; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"round-" + r.key() + ".json\"");
    ctx.result(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(r.document()));
  }

  private void dashboard(Context ctx, String error, int status) {
    View v = web.guard().view(ctx);
    LocalDate on;
    String e = error;
    try {
      on = asOf(ctx, app, v);
    } catch (IllegalArgumentException x) {
      e = v.messages().refusal(x);
      status = 422;
      on = LocalDate.now(app.clock());
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("rows", Dashboard.rows(app, Optional.empty(), on));
    model.put("asOf", on);
    model.put("error", e);
    ctx.status(status);
    web.render(ctx, "negotiations/commitments.jte", v, model);
  }

  private void progress(Context ctx) {
    View v = web.guard().view(ctx);
    StoredRound r = found(ctx);
    try {
      String done = Params.form(ctx, "done");
      String state = Params.form(ctx, "state");
      String on = Params.form(ctx, "on");
      Optional<Implementation> s = Optional.empty();
      if (!state.isEmpty()) {
        try {
          s = Optional.of(Keys.parse(Implementation.class, state, "state"));
        } catch (IllegalArgumentException e) {
          throw new NegotiationException("record.progress-state", state);
        }
      }
      OptionalLong d = OptionalLong.empty();
      if (!done.isEmpty()) {
        try {
          d = OptionalLong.of(Long.parseLong(done.strip()));
        } catch (NumberFormatException e) {
          throw new NegotiationException("record.progress-number", done);
        }
      }
      app.negotiations()
          .recordProgress(
              r,
              ctx.pathParam("commitment"),
              on.isEmpty() ? LocalDate.now(app.clock()) : Days.parse(on, v.t("round.on")),
              d,
              s,
              Params.form(ctx, "evidence"),
              Guard.current(ctx).username());
      ctx.redirect("/commitments");
    } catch (IllegalArgumentException e) {
      dashboard(ctx, v.messages().refusal(e), 422);
    }
  }
}
