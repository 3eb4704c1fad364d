package org.handover.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.handover.core.accounts.Role;
import org.handover.core.registry.PersonForm;
import org.handover.core.registry.Problem;
import org.handover.server.journal.Journal;
import org.handover.server.registry.Registry;
import org.handover.server.registry.Search;

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

  void register(RoutesConfig routes) {
    routes.get("/persons", this::search);
    routes.get("/persons/new", ctx -> {
      Guard.require(ctx, Role::editsRegistry);
      form(ctx, 0, 0, Map.of(), Map.of());
    });
    routes.post("/persons", ctx -> save(ctx, 0));
    routes.get("/persons/{id}", this::show);
    routes.get("/persons/{id}/edit", ctx -> {
      Guard.require(ctx, Role::editsRegistry);
      long id = id(ctx);
      Registry.Versioned p = registry.find(id).orElseThrow(io.javalin.http.NotFoundResponse::new);
      form(ctx, id, p.version(), PersonForm.of(p.person()), Map.of());
    });
    routes.post("/persons/{id}", ctx -> save(ctx, id(ctx)));
  }

  private void search(Context ctx) {
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
    int page = intParam(ctx.queryParam("page"), 1);
    View view = guard.view(ctx);
    Registry.Page result = registry.search(Search.parse(q), view.lang(), page, PAGE_SIZE);
    Map<String, Object> model = Map.of("q", q, "result", result);
    boolean fragment = "true".equals(ctx.header("HX-Request")) && !"true".equals(ctx.header("HX-Boosted"));
    web.render(ctx, fragment ? "persons_results.jte" : "persons.jte", view, model);
  }

  private void show(Context ctx) {
    long id = id(ctx);
    Registry.Versioned p = registry.find(id).orElseThrow(io.javalin.http.NotFoundResponse::new);
    List<Changes> entries = journal.find(Journal.Filter.forEntity("person", String.valueOf(id)), 0, 200).stream()
        .map(Changes::of).toList();
    web.render(ctx, "person.jte", guard.view(ctx), Map.of("p", p, "journal", entries, "mergedInto", registry.mergedInto(id),
        "derived", p.person().categoriesAt(LocalDate.now(clock))));
  }

  private void save(Context ctx, long id) {
    var user = Guard.require(ctx, Role::editsRegistry);
    Map<String, String> values = new LinkedHashMap<>();
    ctx.formParamMap().forEach((k, v) -> values.put(k, String.join(",", v)));
    PersonForm form = new PersonForm(values);
    LocalDate today = LocalDate.now(clock);
    PersonForm.Result read = form.read(id, today);
    List<Problem> problems = new ArrayList<>(read.problems());
    LocalDate since = form.statusSince(today, problems);
    int version = intParam(values.get("version"), 0);
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
      ctx.redirect("/persons/" + created);
    } else {
      registry.update(id, version, read.person().get(), since, user.username());
      ctx.redirect("/persons/" + id);
    }
  }

  private void form(Context ctx, long id, int version, Map<String, String> values, Map<String, String> errors) {
    int last = -1;
    for (int i = 0; i < PersonForm.MAX_NAMES; i++) {
      String n = "name." + i + ".";
      if (!(values.getOrDefault(n + "family", "") + values.getOrDefault(n + "given", "")
          + values.getOrDefault(n + "patronymic", "")).isBlank()) {
        last = i;
      }
    }
    // the rows in use and one more for another spelling; a new person gets two
    int rows = Math.min(PersonForm.MAX_NAMES, Math.max(2, last + 2));
    web.render(ctx, "person_form.jte", guard.view(ctx), Map.of("id", id, "version", version,
        "f", new FormValues(values, errors), "nameRows", rows));
  }

  private static long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new io.javalin.http.NotFoundResponse();
    }
  }

  static int intParam(String v, int fallback) {
    try {
      return v == null ? fallback : Math.max(1, Integer.parseInt(v.strip()));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
