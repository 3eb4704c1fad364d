package org.handover.server.agreements;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.handover.core.accounts.Permission;
import org.handover.core.agreements.Decision;
import org.handover.core.agreements.Health;
import org.handover.core.agreements.Provision;
import org.handover.core.agreements.Selection;
import org.handover.core.agreements.Subject;
import org.handover.core.parties.Party;
import org.handover.core.registry.Kind;
import org.handover.core.registry.Status;
import org.handover.core.rosters.CsvExport;
import org.handover.server.App;
import org.handover.server.i18n.Days;
import org.handover.server.web.Guard;
import org.handover.server.web.Params;
import org.handover.server.web.Routes;
import org.handover.server.web.View;
import org.handover.server.web.WebServer;

/** Agreements' pages: the list, one agreement with its provisions, eligibility with its persons. */
final class AgreementRoutes {
  static final int PAGE = 100;

  /** Alternatives offered by the provision form; the command line takes any number. */
  static final int ALTERNATIVES = 2;

  private final App app;
  private final WebServer web;
  private final Guard guard;

  AgreementRoutes(App app, WebServer web) {
    this.app = app;
    this.web = web;
    this.guard = web.guard();
  }

  void register(Routes routes) {
    routes.get("/agreements", Permission.READ, ctx -> list(ctx, Map.of(), ""));
    routes.post("/agreements", Permission.MANAGE_AGREEMENTS, this::add);
    routes.get("/agreements/{id}", Permission.READ, ctx -> show(ctx, Map.of(), ""));
    routes.post("/agreements/{id}/provisions", Permission.MANAGE_AGREEMENTS, this::addProvision);
    routes.get("/agreements/{id}/provisions/{n}", Permission.READ, this::eligibility);
    routes.get("/agreements/{id}/provisions/{n}/eligibility.csv", Permission.READ, this::csv);
  }

  private String message(View v, IllegalArgumentException e) {
    return v.messages().refusal(e);
  }

  private void list(Context ctx, Map<String, Object> values, String error) {
    View v = guard.view(ctx);
    List<String> checked = new ArrayList<>();
    v.parties().own().ifPresent(p -> checked.add(p.code()));
    v.parties().counterpart().ifPresent(p -> checked.add(p.code()));
    web.render(
        ctx,
        "agreements/agreements.jte",
        v,
        Map.of(
            "agreements",
            app.agreements().list(),
            "values",
            values,
            "checked",
            values.containsKey("parties") ? values.get("parties") : checked,
            "error",
            error,
            "words",
            new ProvisionWords(v.messages(), v.parties())));
  }

  private void add(Context ctx) {
    View v = guard.view(ctx);
    List<String> codes = ctx.formParams("parties");
    Map<String, Object> values = new HashMap<>();
    values.put("title", Params.form(ctx, "title"));
    values.put("date", Params.form(ctx, "date"));
    values.put("parties", codes);
    try {
      LocalDate date = Days.parse(Params.form(ctx, "date"), v.t("agreements.date"));
      List<Party> parties = new ArrayList<>();
      for (String c : codes) {
        parties.add(Party.of(c));
      }
      long id =
          app.agreements()
              .add(
                  Params.form(ctx, "title"),
                  date,
                  parties,
                  v.parties(),
                  Guard.current(ctx).username());
      ctx.redirect("/agreements/" + id);
    } catch (IllegalArgumentException e) {
      ctx.status(422);
      list(ctx, values, message(v, e));
    }
  }

  private Agreement agreement(Context ctx) {
    return app.agreements().find(Params.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
  }

  private void show(Context ctx, Map<String, String> values, String error) {
    View v = guard.view(ctx);
    Agreement a = agreement(ctx);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("a", a);
    model.put("words", new ProvisionWords(v.messages(), v.parties()));
    model.put("values", values);
    model.put("error", error);
    model.put("alternatives", ALTERNATIVES);
    model.put("kinds", Kind.values());
    model.put("health", Health.values());
    model.put("statuses", Status.values());
    model.put("subjects", Subject.values());
    model.put("today", v.date(LocalDate.now(app.clock())));
    model.put("sections", web.sections("agreement", ctx, v, a.id()));
    web.render(ctx, "agreements/agreement.jte", v, model);
  }

  private void addProvision(Context ctx) {
    View v = guard.view(ctx);
    Agreement a = agreement(ctx);
    Map<String, String> values = new HashMap<>();
    ctx.formParamMap().forEach((k, list) -> values.put(k, String.join(",", list)));
    try {
      int n = app.agreements().addProvision(a.id(), provision(ctx), Guard.current(ctx).username());
      ctx.redirect("/agreements/" + a.id() + "#provision-" + n);
    } catch (IllegalArgumentException e) {
      ctx.status(422);
      show(ctx, values, message(v, e));
    }
  }

  /** The provision the form describes; each alternative's checked values become a selection. */
  private static Provision provision(Context ctx) {
    List<Selection> selections = new ArrayList<>();
    for (int i = 1; i <= ALTERNATIVES; i++) {
      List<String> parts = new ArrayList<>();
      for (String key : List.of("kind", "health", "status", "held-by")) {
        List<String> chosen = ctx.formParams("s" + i + "." + key);
        if (!chosen.isEmpty()) {
          parts.add(key + "=" + String.join(",", chosen));
        }
      }
      String from = Params.form(ctx, "s" + i + ".age-from");
      String to = Params.form(ctx, "s" + i + ".age-to");
      if (!from.isEmpty() || !to.isEmpty()) {
        parts.add("age=" + (from.isEmpty() ? "0" : from) + "-" + (to.isEmpty() ? "150" : to));
      }
      if (!parts.isEmpty()) {
        selections.add(Selection.parse(String.join(";", parts)));
      }
    }
    String kind = Params.form(ctx, "kind");
    return switch (kind) {
      case "all-for-all" -> new Provision.AllForAll(selections);
      case "n-for-n" ->
          new Provision.NForN(
              whole(ctx, "quota", "error.provision.quota"),
              Params.form(ctx, "extension").isEmpty()
                  ? 0
                  : whole(ctx, "extension", "error.provision.extension"),
              selections);
      case "unilateral" ->
          new Provision.Unilateral(
              Party.of(Params.form(ctx, "from")),
              whole(ctx, "count", "error.provision.count"),
              org.handover.core.Keys.parse(Subject.class, Params.form(ctx, "subject"), "subject"));
      case "named-list" -> new Provision.NamedList(whole(ctx, "roster", "error.provision.roster"));
      default -> throw new AgreementException("error.provision.kind");
    };
  }

  private static int whole(Context ctx, String field, String key) {
    String text = Params.form(ctx, field);
    try {
      return Integer.parseInt(text.replace(" ", "").replace("\u00a0", ""));
    } catch (NumberFormatException e) {
      throw new AgreementException(key, text);
    }
  }

  /** Counts per side and decision, and with side and decision chosen, the persons. */
  private void eligibility(Context ctx) {
    View v = guard.view(ctx);
    Agreement a = agreement(ctx);
    Agreement.Numbered n = provision(a, ctx);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("a", a);
    model.put("n", n);
    model.put("words", new ProvisionWords(v.messages(), v.parties()));
    String on = Params.query(ctx, "on");
    model.put("on", on);
    String askedSide = Params.query(ctx, "side");
    String askedDecision = Params.query(ctx, "decision");
    // a forged or partial link shows the counts only
    boolean real =
        java.util.Arrays.stream(EligibilityRun.Side.values())
                .anyMatch(s -> s.key().equals(askedSide))
            && java.util.Arrays.stream(Decision.values())
                .anyMatch(d -> d.key().equals(askedDecision));
    String side = real ? askedSide : "";
    String decision = real ? askedDecision : "";
    model.put("side", side);
    model.put("decision", decision);
    int page = Params.positive(ctx.queryParam("page"), 1);
    model.put("page", page);
    List<EligibilityRun.Row> rows = new ArrayList<>();
    String error = "";
    EligibilityRun.Counts counts = null;
    long[] matching = {0};
    try {
      LocalDate day = Days.parse(on, v.t("eligibility.on"));
      Party own =
          v.parties()
              .own()
              .orElseThrow(() -> new AgreementException("error.agreement.no-own-party"));
      counts =
          EligibilityRun.run(
              app.database().jdbi(),
              n.provision(),
              day,
              own,
              r -> {
                if (r.side().key().equals(side) && r.verdict().decision().key().equals(decision)) {
                  long k = matching[0]++;
                  if (k >= (long) (page - 1) * PAGE && k < (long) page * PAGE) {
                    rows.add(r);
                  }
                }
              });
    } catch (IllegalArgumentException e) {
      ctx.status(on.isEmpty() ? 200 : 422);
      error = on.isEmpty() ? "" : message(v, e);
    }
    model.put("error", error);
    model.put("counts", counts);
    model.put("rows", rows);
    model.put("more", matching[0] > (long) page * PAGE);
    model.put("reasons", new ReasonWords(v.messages(), v.parties()));
    model.put("sides", EligibilityRun.Side.values());
    model.put("decisions", Decision.values());
    model.put("today", v.date(LocalDate.now(app.clock())));
    web.render(ctx, "agreements/eligibility.jte", v, model);
  }

  private static Agreement.Numbered provision(Agreement a, Context ctx) {
    long number = Params.id(ctx, "n");
    return a.provisions().stream()
        .filter(p -> p.number() == number)
        .findFirst()
        .orElseThrow(NotFoundResponse::new);
  }

  private void csv(Context ctx) throws IOException {
    View v = guard.view(ctx);
    Agreement a = agreement(ctx);
    Agreement.Numbered n = provision(a, ctx);
    LocalDate day;
    Party own;
    try {
      day = Days.parse(Params.query(ctx, "on"), v.t("eligibility.on"));
      own =
          v.parties()
              .own()
              .orElseThrow(() -> new AgreementException("error.agreement.no-own-party"));
    } catch (IllegalArgumentException e) {
      ctx.status(422).contentType("text/plain; charset=utf-8").result(message(v, e));
      return;
    }
    ReasonWords reasons = new ReasonWords(v.messages(), v.parties());
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"eligibility-" + a.id() + "-" + n.number() + "-" + day + ".csv\"");
    try (CsvExport csv = new CsvExport(ctx.outputStream())) {
      csv.row(
          List.of(
              v.t("eligibility.person"),
              v.t("eligibility.reference"),
              v.t("eligibility.held-by"),
              v.t("eligibility.decision"),
              v.t("eligibility.reason")));
      EligibilityRun.run(
          app.database().jdbi(),
          n.provision(),
          day,
          own,
          r -> {
            try {
              csv.row(
                  List.of(
                      String.valueOf(r.personId()),
                      r.reference(),
                      v.party(r.heldBy()),
                      v.t("decision." + r.verdict().decision().key()),
                      reasons.of(r.verdict())));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
