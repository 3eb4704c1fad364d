package org.handover.server.remains;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.handover.core.accounts.Permission;
import org.handover.core.remains.Figures;
import org.handover.core.remains.Identification;
import org.handover.core.remains.Method;
import org.handover.core.remains.Place;
import org.handover.server.App;
import org.handover.server.i18n.Days;
import org.handover.server.web.Guard;
import org.handover.server.web.Params;
import org.handover.server.web.Routes;
import org.handover.server.web.View;
import org.handover.server.web.WebServer;

/** The remains pages: the list, a case with its forms, the figures with their chart. */
final class RemainsRoutes {
  static final int PAGE = 100;
  static final int WAITING_DAYS = 30;

  private final App app;
  private final WebServer web;
  private final Guard guard;

  RemainsRoutes(App app, WebServer web) {
    this.app = app;
    this.web = web;
    this.guard = web.guard();
  }

  void register(Routes routes) {
    routes.get("/remains", Permission.READ, this::list);
    routes.get("/remains/figures", Permission.READ, this::figures);
    routes.get("/remains/{id}", Permission.READ, ctx -> show(ctx, ""));
    routes.post("/remains/{id}/identify", Permission.RECORD_REMAINS, this::identify);
    routes.post("/remains/{id}/revoke", Permission.RECORD_REMAINS, this::revoke);
    routes.post("/remains/{id}/move", Permission.RECORD_REMAINS, this::move);
    routes.post("/remains/{id}/notify", Permission.RECORD_REMAINS, this::notifyFamily);
    routes.post("/remains/{id}/report", Permission.RECORD_REMAINS, this::report);
    routes.post("/remains/{id}/dispute", Permission.RECORD_REMAINS, this::dispute);
  }

  private static <E extends Enum<E>> Optional<E> choice(Class<E> type, String key) {
    for (E e : type.getEnumConstants()) {
      if (org.handover.core.Keys.of(e).equals(key)) {
        return Optional.of(e);
      }
    }
    return Optional.empty(); // a forged or empty choice filters nothing
  }

  private void list(Context ctx) {
    View v = guard.view(ctx);
    String transfer = Params.query(ctx, "transfer");
    Cases.Filter f =
        new Cases.Filter(
            transfer.matches("\\d{1,15}")
                ? Optional.of(Long.parseLong(transfer))
                : Optional.empty(),
            choice(Identification.Status.class, Params.query(ctx, "status")),
            choice(Method.class, Params.query(ctx, "method")));
    int page = Params.positive(ctx.queryParam("page"), 1);
    List<Cases.Row> rows = Cases.page(app.database().jdbi(), f, page, PAGE);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("rows", rows.size() > PAGE ? rows.subList(0, PAGE) : rows);
    model.put("more", rows.size() > PAGE);
    model.put("page", page);
    model.put("filter", f);
    model.put("transfers", Cases.transfers(app.database().jdbi()));
    web.render(ctx, "remains/list.jte", v, model);
  }

  private RemainsCase found(Context ctx) {
    return app.register().find(Params.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
  }

  private void show(Context ctx, String error) {
    View v = guard.view(ctx);
    RemainsCase c = found(ctx);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("c", c);
    model.put("error", error);
    model.put("today", v.date(LocalDate.now(app.clock())));
    model.put("methods", Method.values());
    model.put("places", Place.values());
    model.put("reports", app.evidence().reports(c.id()));
    web.render(ctx, "remains/case.jte", v, model);
  }

  private LocalDate on(Context ctx, View v) {
    String on = Params.form(ctx, "on");
    return on.isEmpty() ? LocalDate.now(app.clock()) : Days.parse(on, v.t("remains.on"));
  }

  /** Runs an action on the case; a refusal shows the case again with the message. */
  private void act(Context ctx, java.util.function.BiConsumer<RemainsCase, View> action) {
    View v = guard.view(ctx);
    RemainsCase c = found(ctx);
    try {
      action.accept(c, v);
      ctx.redirect("/remains/" + c.id());
    } catch (IllegalArgumentException e) {
      ctx.status(422);
      show(ctx, v.messages().refusal(e));
    }
  }

  private void identify(Context ctx) {
    act(
        ctx,
        (c, v) -> {
          Set<Method> methods = EnumSet.noneOf(Method.class);
          for (String k : ctx.formParams("methods")) {
            methods.add(
                choice(Method.class, k)
                    .orElseThrow(() -> new RemainsException("error.remains.method", k)));
          }
          String person = Params.form(ctx, "person");
          if (!person.matches("\\d{1,15}")) {
            throw new RemainsException("error.remains.no-person", person);
          }
          app.register()
              .identify(
                  c.tag(),
                  Long.parseLong(person),
                  methods,
                  Params.form(ctx, "act"),
                  on(ctx, v),
                  Guard.current(ctx).username());
        });
  }

  private void revoke(Context ctx) {
    act(
        ctx,
        (c, v) ->
            app.register()
                .revoke(
                    c.tag(),
                    Params.form(ctx, "reason"),
                    on(ctx, v),
                    Guard.current(ctx).username()));
  }

  private void move(Context ctx) {
    act(
        ctx,
        (c, v) -> {
          String key = Params.form(ctx, "place");
          Place place =
              choice(Place.class, key)
                  .orElseThrow(() -> new RemainsException("error.remains.place", key));
          app.register()
              .move(
                  c.tag(),
                  place,
                  Params.form(ctx, "name"),
                  on(ctx, v),
                  Guard.current(ctx).username());
        });
  }

  private void notifyFamily(Context ctx) {
    act(ctx, (c, v) -> app.register().notify(c.tag(), on(ctx, v), Guard.current(ctx).username()));
  }

  private void report(Context ctx) {
    act(
        ctx,
        (c, v) -> {
          String person = Params.form(ctx, "person");
          if (!person.matches("\\d{1,15}")) {
            throw new RemainsException("error.remains.no-person", person);
          }
          String conclusion = Params.form(ctx, "conclusion");
          if (!conclusion.equals("match") && !conclusion.equals("exclusion")) {
            throw new RemainsException("error.dna.conclusion");
          }
          app.evidence()
              .report(
                  c.tag(),
                  Long.parseLong(person),
                  Params.form(ctx, "reference"),
                  conclusion.equals("match"),
                  on(ctx, v),
                  Guard.current(ctx).username());
        });
  }

  private void dispute(Context ctx) {
    act(
        ctx,
        (c, v) -> {
          String code = Params.form(ctx, "party");
          org.handover.core.parties.Party p =
              v.parties()
                  .byCode(code)
                  .orElseThrow(() -> new org.handover.core.Refused("error.party.unknown", code));
          app.register()
              .dispute(
                  c.tag(),
                  p,
                  Params.form(ctx, "evidence"),
                  on(ctx, v),
                  Guard.current(ctx).username());
        });
  }

  private void figures(Context ctx) {
    View v = guard.view(ctx);
    LocalDate asOf = LocalDate.now(app.clock());
    String error = "";
    String asked = Params.query(ctx, "as_of");
    if (!asked.isEmpty()) {
      try {
        asOf = Days.parse(asked, v.t("remains.as-of"));
      } catch (IllegalArgumentException e) {
        ctx.status(422);
        error = v.messages().refusal(e);
      }
    }
    Figures.Result r = Statistics.figures(app.database().jdbi(), asOf);
    Map<String, Object> model = new LinkedHashMap<>();
    List<String> lines = new java.util.ArrayList<>(FigureWords.lines(r, v.messages()));
    lines.add(
        v.messages()
            .get("remains.figures.disputed", Statistics.disputed(app.database().jdbi(), asOf)));
    model.put("lines", lines);
    model.put("months", r.months());
    model.put("chart", Chart.svg(r.months(), v.messages()));
    model.put("asOf", v.date(asOf));
    model.put("error", error);
    Statistics.Attention attention =
        Statistics.waiting(app.database().jdbi(), asOf, WAITING_DAYS, PAGE);
    model.put("waiting", attention.first());
    model.put("waitingCount", v.messages().get("remains.waiting", attention.count(), WAITING_DAYS));
    web.render(ctx, "remains/figures.jte", v, model);
  }
}
