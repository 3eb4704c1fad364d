package org.handover.server.agreements;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.accounts.Permission;
import org.handover.core.parties.Party;
import org.handover.core.rosters.CsvExport;
import org.handover.server.App;
import org.handover.server.i18n.Days;
import org.handover.server.web.Guard;
import org.handover.server.web.Params;
import org.handover.server.web.Routes;
import org.handover.server.web.View;
import org.handover.server.web.WebServer;

/** The page of our people the other side holds, those it has not acknowledged first. */
final class HeldRoutes {
  private final App app;
  private final WebServer web;
  private final Guard guard;

  HeldRoutes(App app, WebServer web) {
    this.app = app;
    this.web = web;
    this.guard = web.guard();
  }

  void register(Routes routes) {
    routes.get("/held", Permission.READ, this::page);
    routes.get("/held.csv", Permission.READ, this::csv);
  }

  /** The holder asked for, when it is a known party; anything else shows every holder. */
  private static Optional<Party> holder(Context ctx, View v) {
    return v.parties().byCode(Params.query(ctx, "by"));
  }

  private static boolean everyone(Context ctx) {
    return "all".equals(Params.query(ctx, "show"));
  }

  private void page(Context ctx) {
    View v = guard.view(ctx);
    Optional<Party> by = holder(ctx, v);
    boolean all = everyone(ctx);
    int page = Params.positive(ctx.queryParam("page"), 1);
    Map<String, Object> model = new LinkedHashMap<>();
    List<Held.Row> rows = new ArrayList<>();
    long[] shown = {0};
    Optional<Party> own = v.parties().own();
    Map<Party, Held.Count> counts = Map.of();
    if (own.isPresent()) {
      counts =
          Held.run(
              app.database().jdbi(),
              own.get(),
              by,
              r -> {
                if (all || r.acknowledged().isEmpty()) {
                  long k = shown[0]++;
                  if (k >= (long) (page - 1) * AgreementRoutes.PAGE
                      && k < (long) page * AgreementRoutes.PAGE) {
                    rows.add(r);
                  }
                }
              });
    }
    model.put("ownChosen", own.isPresent());
    model.put("counts", counts);
    model.put("rows", rows);
    model.put("by", by.map(Party::code).orElse(""));
    model.put("all", all);
    model.put("page", page);
    model.put("more", shown[0] > (long) page * AgreementRoutes.PAGE);
    model.put("words", new HeldWords(v.messages()));
    web.render(ctx, "agreements/held.jte", v, model);
  }

  private void csv(Context ctx) throws IOException {
    View v = guard.view(ctx);
    Optional<Party> own = v.parties().own();
    if (own.isEmpty()) {
      ctx.status(422)
          .contentType("text/plain; charset=utf-8")
          .result(v.t("error.agreement.no-own-party"));
      return;
    }
    boolean all = everyone(ctx);
    HeldWords words = new HeldWords(v.messages());
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"held.csv\"");
    try (CsvExport csv = new CsvExport(ctx.outputStream())) {
      csv.row(
          List.of(
              v.t("eligibility.person"),
              v.t("eligibility.reference"),
              v.t("held.name"),
              v.t("eligibility.held-by"),
              v.t("held.since"),
              v.t("held.basis")));
      Held.run(
          app.database().jdbi(),
          own.get(),
          holder(ctx, v),
          r -> {
            if (!all && r.acknowledged().isPresent()) {
              return;
            }
            try {
              csv.row(
                  List.of(
                      String.valueOf(r.personId()),
                      r.reference(),
                      v.personName(r.name()),
                      v.party(r.heldBy()),
                      r.since().map(Days::written).orElse(""),
                      words.of(r)));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
