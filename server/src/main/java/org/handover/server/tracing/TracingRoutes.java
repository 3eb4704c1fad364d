package org.handover.server.tracing;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.handover.core.Keys;
import org.handover.core.accounts.Permission;
import org.handover.core.tracing.CaseState;
import org.handover.server.App;
import org.handover.server.i18n.Days;
import org.handover.server.web.Guard;
import org.handover.server.web.Params;
import org.handover.server.web.Routes;
import org.handover.server.web.View;
import org.handover.server.web.WebServer;

/** The tracing pages: the board of children by state, and a child's page with its candidates. */
final class TracingRoutes {
  static final int LIMIT = 500;

  private final App app;
  private final WebServer web;
  private final Guard guard;

  TracingRoutes(App app, WebServer web) {
    this.app = app;
    this.web = web;
    this.guard = web.guard();
  }

  void register(Routes routes) {
    routes.get("/tracing", Permission.READ, this::board);
    routes.get("/tracing/{id}", Permission.READ, ctx -> child(ctx, ""));
    routes.post("/tracing/{id}/decide", Permission.MANAGE_TRACING, this::decide);
    routes.post("/tracing/{id}/move", Permission.MANAGE_TRACING, this::move);
    new CardRoutes(app, web, this::child).register(routes);
  }

  private static Optional<CaseState> state(String key) {
    for (CaseState s : CaseState.values()) {
      if (Keys.of(s).equals(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private void board(Context ctx) {
    View v = guard.view(ctx);
    Optional<CaseState> only = state(Params.query(ctx, "state"));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("counts", Board.counts(app.database().jdbi()));
    model.put("requests", Board.requests(app.database().jdbi()));
    model.put("children", Board.children(app.database().jdbi(), only, LIMIT));
    model.put("only", only.map(CaseState::key).orElse(""));
    web.render(ctx, "tracing/board.jte", v, model);
  }

  void child(Context ctx, String error) {
    View v = guard.view(ctx);
    long id = Params.id(ctx, "id");
    Board.Child c = Board.child(app.database().jdbi(), id).orElseThrow(NotFoundResponse::new);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("c", c);
    model.put("candidates", Board.candidates(app.database().jdbi(), id));
    model.put("steps", Board.steps(app.database().jdbi(), id));
    model.put("reasons", new Reasons(v.messages()));
    model.put("error", error);
    model.put("today", v.date(LocalDate.now(app.clock())));
    model.put("commitments", app.childCards().commitments());
    model.put("provisions", CardRoutes.namedLists(app));
    web.render(ctx, "tracing/child.jte", v, model);
  }

  private void decide(Context ctx) {
    View v = guard.view(ctx);
    long id = Params.id(ctx, "id");
    try {
      String decision = Params.form(ctx, "decision");
      if (!decision.equals("confirm") && !decision.equals("reject")) {
        throw new TracingException(
            "error.tracing.not-proposed", Params.form(ctx, "roster"), Params.form(ctx, "row"), id);
      }
      app.tracing()
          .decide(
              id,
              Params.number(Params.form(ctx, "roster")),
              (int) Params.number(Params.form(ctx, "row")),
              decision.equals("confirm"),
              Guard.current(ctx).username());
      ctx.redirect("/tracing/" + id);
    } catch (IllegalArgumentException e) {
      ctx.status(422);
      child(ctx, v.messages().refusal(e));
    }
  }

  private void move(Context ctx) {
    View v = guard.view(ctx);
    long id = Params.id(ctx, "id");
    try {
      String key = Params.form(ctx, "state");
      CaseState to = state(key).orElseThrow(() -> new TracingException("error.tracing.state", key));
      String on = Params.form(ctx, "on");
      app.tracing()
          .move(
              id,
              to,
              on.isEmpty() ? LocalDate.now(app.clock()) : Days.parse(on, v.t("remains.on")),
              Params.form(ctx, "note"),
              Guard.current(ctx).username());
      ctx.redirect("/tracing/" + id);
    } catch (IllegalArgumentException e) {
      ctx.status(422);
      child(ctx, v.messages().refusal(e));
    }
  }
}
