package org.handover.server.exchanges;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.handover.core.accounts.Permission;
import org.handover.core.exchanges.Direction;
import org.handover.core.exchanges.Outcome;
import org.handover.core.parties.Party;
import org.handover.server.App;
import org.handover.server.agreements.Agreement;
import org.handover.server.agreements.AgreementException;
import org.handover.server.agreements.ProvisionWords;
import org.handover.server.agreements.ReasonWords;
import org.handover.server.i18n.Days;
import org.handover.server.web.Guard;
import org.handover.server.web.Params;
import org.handover.server.web.Routes;
import org.handover.server.web.View;
import org.handover.server.web.WebServer;

/** An exchange's page (batches, ledger, left out, figures), its planning and its recording. */
final class ExchangeRoutes {
  private final App app;
  private final WebServer web;
  private final Guard guard;

  ExchangeRoutes(App app, WebServer web) {
    this.app = app;
    this.web = web;
    this.guard = web.guard();
  }

  void register(Routes routes) {
    routes.post("/exchanges", Permission.MANAGE_AGREEMENTS, this::plan);
    routes.get("/exchanges/{id}", Permission.READ, ctx -> show(ctx, ""));
    routes.post("/exchanges/{id}/record", Permission.RECORD_EXCHANGES, this::record);
    routes.post("/exchanges/{id}/lists", Permission.RECORD_EXCHANGES, this::list);
    routes.post("/exchanges/{id}/correct", Permission.RECORD_EXCHANGES, this::correct);
  }

  static String message(View v, IllegalArgumentException e) {
    return v.messages().refusal(e);
  }

  private void plan(Context ctx) {
    View v = guard.view(ctx);
    Agreement a =
        app.agreements()
            .find(Params.number(Params.form(ctx, "agreement")))
            .orElseThrow(NotFoundResponse::new);
    try {
      Party own =
          v.parties()
              .own()
              .orElseThrow(() -> new AgreementException("error.agreement.no-own-party"));
      String via = Params.form(ctx, "intermediary");
      int size;
      try {
        size = Integer.parseInt(Params.form(ctx, "batch_size"));
      } catch (NumberFormatException e) {
        throw new ExchangeException("error.exchange.batch-size", Params.form(ctx, "batch_size"));
      }
      Exchanges.Planned p =
          app.exchanges()
              .plan(
                  new Exchanges.Request(
                      a,
                      (int) Params.number(Params.form(ctx, "provision")),
                      Days.parse(Params.form(ctx, "on"), v.t("exchanges.on")),
                      Params.form(ctx, "place"),
                      intermediary(v, via),
                      size),
                  own,
                  Guard.current(ctx).username());
      ctx.redirect("/exchanges/" + p.id());
    } catch (IllegalArgumentException e) {
      ctx.status(422);
      web.render(ctx, "exchanges/plan_error.jte", v, Map.of("a", a, "error", message(v, e)));
    }
  }

  private static Optional<Party> intermediary(View v, String code) {
    if (code.isEmpty()) {
      return Optional.empty();
    }
    Party p = ExchangeCommand.party(code, "error.exchange.intermediary-unknown");
    if (!v.parties().knows(p)) {
      throw new ExchangeException("error.exchange.intermediary-unknown", code);
    }
    return Optional.of(p);
  }

  private void show(Context ctx, String error) {
    View v = guard.view(ctx);
    Exchange x = app.exchanges().find(Params.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    Agreement a = app.agreements().find(x.agreementId()).orElseThrow(NotFoundResponse::new);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("x", x);
    model.put("a", a);
    model.put(
        "words",
        new ProvisionWords(v.messages(), v.parties()).of(a.provision(x.provision()).provision()));
    model.put(
        "figures",
        Fulfilment.lines(x, a, app.exchanges().carriedOut(a.id(), x.provision()), v.messages()));
    model.put("reasons", new ReasonWords(v.messages(), v.parties()));
    model.put("error", error);
    int only = Params.positive(ctx.queryParam("batch"), 0);
    if (only > x.batches()) {
      throw new NotFoundResponse();
    }
    model.put("only", only);
    model.put("lists", app.batchLists().of(x.id()));
    model.put("corrections", app.corrections().of(x.id()));
    web.render(ctx, "exchanges/exchange.jte", v, model);
  }

  private void record(Context ctx) {
    View v = guard.view(ctx);
    long id = Params.id(ctx, "id");
    try {
      Outcome o;
      try {
        o = Outcome.fromKey(Params.form(ctx, "outcome"));
      } catch (IllegalArgumentException e) {
        throw new ExchangeException("error.exchange.outcome", Params.form(ctx, "outcome"));
      }
      String witness = Params.form(ctx, "witness");
      app.exchanges()
          .record(
              id,
              Params.number(Params.form(ctx, "person")),
              o,
              witness.isEmpty() ? Optional.empty() : Optional.of(ExchangeCommand.party(witness)),
              Guard.current(ctx).username());
      // back where the recorder was, not at the top of a long batch
      ctx.redirect("/exchanges/" + id + "#person-" + Params.form(ctx, "person"));
    } catch (IllegalArgumentException e) {
      ctx.status(422);
      show(ctx, message(v, e));
    }
  }

  /** Makes (or finds) a batch's list one way, and opens it: its page has every export. */
  private void list(Context ctx) throws java.io.IOException {
    View v = guard.view(ctx);
    long id = Params.id(ctx, "id");
    try {
      Exchange x =
          app.exchanges()
              .find(id)
              .orElseThrow(() -> new ExchangeException("error.exchange.none", String.valueOf(id)));
      Agreement a = app.agreements().find(x.agreementId()).orElseThrow(NotFoundResponse::new);
      Direction d;
      try {
        d = Direction.fromKey(Params.form(ctx, "direction"));
      } catch (IllegalArgumentException e) {
        throw new ExchangeException("error.exchange.direction", Params.form(ctx, "direction"));
      }
      Party own =
          v.parties()
              .own()
              .orElseThrow(() -> new ExchangeException("error.agreement.no-own-party"));
      long roster =
          app.batchLists()
              .make(
                  x,
                  (int) Params.number(Params.form(ctx, "batch")),
                  d,
                  own,
                  BatchLists.other(a, own),
                  Guard.current(ctx).username());
      ctx.redirect("/rosters/" + roster);
    } catch (IllegalArgumentException e) {
      ctx.status(422);
      show(ctx, message(v, e));
    }
  }

  private void correct(Context ctx) {
    View v = guard.view(ctx);
    long id = Params.id(ctx, "id");
    String person = Params.form(ctx, "person");
    try {
      String outcome = Params.form(ctx, "outcome");
      Optional<Outcome> to = Optional.empty();
      if (!outcome.equals("pending")) {
        try {
          to = Optional.of(Outcome.fromKey(outcome));
        } catch (IllegalArgumentException e) {
          throw new ExchangeException("error.exchange.outcome", outcome);
        }
      }
      app.corrections()
          .correct(
              id,
              Params.number(person),
              to,
              Params.form(ctx, "reason"),
              Guard.current(ctx).username());
      ctx.redirect("/exchanges/" + id + "#person-" + person);
    } catch (IllegalArgumentException e) {
      ctx.status(422);
      show(ctx, message(v, e));
    }
  }
}
