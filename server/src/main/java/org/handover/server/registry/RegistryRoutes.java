package org.handover.server.registry;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.handover.core.accounts.Permission;
import org.handover.core.registry.PersonForm;
import org.handover.core.registry.Problem;
import org.handover.core.registry.StatusBasis;
import org.handover.server.journal.Changes;
import org.handover.server.journal.Journal;
import org.handover.server.web.FormValues;
import org.handover.server.web.Guard;
import org.handover.server.web.Params;
import org.handover.server.web.Routes;
import org.handover.server.web.View;
import org.handover.server.web.WebServer;

/** Registry pages: search, a person, adding and editing. */
final class RegistryRoutes {
  static final int PAGE_SIZE = 25;
  private final Registry registry;
  private final Journal journal;
  private final Guard guard;
  private final WebServer web;
  private final Clock clock;

  RegistryRoutes(Registry registry, Journal journal, Guard guard, WebServer web, Clock clock) {
    this.registry = registry;
    this.journal = journal;
    this.guard = guard;
    this.web = web;
    this.clock = clock;
  }

  void register(Routes routes) {
    routes.get("/registry", Permission.READ, this::search);
    routes.get(
        "/registry/new",
        Permission.EDIT_REGISTRY,
        ctx -> {
          form(ctx, 0, 0, Map.of(), Map.of());
        });
    routes.post("/registry", Permission.EDIT_REGISTRY, ctx -> save(ctx, 0));
    routes.get("/registry/{id}", Permission.READ, this::show);
    routes.get(
        "/registry/{id}/edit",
        Permission.EDIT_REGISTRY,
        ctx -> {
          long id = id(ctx);
          Registry.Versioned p = registry.find(id).orElseThrow(NotFoundResponse::new);
          form(ctx, id, p.version(), PersonForm.of(p.person()), Map.of());
        });
    routes.post("/registry/{id}", Permission.EDIT_REGISTRY, ctx -> save(ctx, id(ctx)));
  }

  private void search(Context ctx) {
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
    int page = Params.positive(ctx.queryParam("page"), 1);
    View view = guard.view(ctx);
    Registry.Page result = registry.search(Search.parse(q), view.lang(), page, PAGE_SIZE);
    Map<String, Object> model = Map.of("q", q, "result", result);
    boolean fragment =
        "true".equals(ctx.header("HX-Request")) && !"true".equals(ctx.header("HX-Boosted"));
    web.render(
        ctx, fragment ? "registry/persons_results.jte" : "registry/persons.jte", view, model);
  }

  private void show(Context ctx) {
    long id = id(ctx);
    Registry.Versioned p = registry.find(id).orElseThrow(NotFoundResponse::new);
    journal.read(Guard.current(ctx).username(), "person", "person/" + id, Map.of());
    List<Changes> entries =
        journal.find(Journal.Filter.forEntity("person", String.valueOf(id)), 0, 200).stream()
            .map(Changes::of)
            .toList();
    web.render(
        ctx,
        "registry/person.jte",
        guard.view(ctx),
        Map.of(
            "p",
            p,
            "journal",
            entries,
            "mergedInto",
            registry.mergedInto(id),
            "derived",
            p.person().categoriesAt(LocalDate.now(clock)),
            "sections",
            web.sections("person", ctx, guard.view(ctx), id)));
  }

  private void save(Context ctx, long id) {
    var user = Guard.current(ctx);
    Map<String, String> values = new LinkedHashMap<>();
    ctx.formParamMap().forEach((k, v) -> values.put(k, String.join(",", v)));
    if (user.outsider()) {
      // another party's user neither sees nor changes a relative's contact: it stays as it was
      values.put(
          "person_to_inform",
          id == 0 ? "" : registry.find(id).map(p -> p.person().personToInform()).orElse(""));
    }
    PersonForm form = new PersonForm(values, guard.view(ctx).parties()::knows);
    LocalDate today = LocalDate.now(clock);
    PersonForm.Result read = form.read(id, today);
    List<Problem> problems = new ArrayList<>(read.problems());
    StatusBasis since = form.statusBasis(today, problems);
    int version = Params.positive(values.get("version"), 0);
    if (!problems.isEmpty()) {
      Map<String, String> errors = new HashMap<>();
      for (Problem pr : problems) {
        errors.merge(pr.field(), Guard.messages(ctx).problem(pr), (a, b) -> a + "; " + b);
      }
      ctx.status(422);
      form(ctx, id, version, values, errors);
      return;
    }
    if (id == 0) {
      long created = registry.add(read.person().get(), since, user.username());
      ctx.redirect("/registry/" + created);
    } else {
      registry.update(id, version, read.person().get(), since, user.username());
      ctx.redirect("/registry/" + id);
    }
  }

  private void form(
      Context ctx, long id, int version, Map<String, String> values, Map<String, String> errors) {
    int last = -1;
    for (int i = 0; i < PersonForm.MAX_NAMES; i++) {
      String n = "name." + i + ".";
      if (!(values.getOrDefault(n + "family", "")
              + values.getOrDefault(n + "given", "")
              + values.getOrDefault(n + "patronymic", ""))
          .isBlank()) {
        last = i;
      }
    }
    // the rows in use and one more for another spelling; a new person gets two
    int rows = Math.min(PersonForm.MAX_NAMES, Math.max(2, last + 2));
    web.render(
        ctx,
        "registry/person_form.jte",
        guard.view(ctx),
        Map.of(
            "id", id, "version", version, "f", new FormValues(values, errors), "nameRows", rows));
  }

  private static long id(Context ctx) {
    return Params.id(ctx, "id");
  }
}
