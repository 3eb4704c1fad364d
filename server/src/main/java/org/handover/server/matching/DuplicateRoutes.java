package org.handover.server.matching;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.handover.core.accounts.Permission;
import org.handover.server.accounts.User;
import org.handover.server.registry.Registry;
import org.handover.server.storage.StaleRecordException;
import org.handover.server.web.Guard;
import org.handover.server.web.Params;
import org.handover.server.web.Routes;
import org.handover.server.web.WebServer;

/**
 * Registry duplicates on the web: search the registry for persons recorded twice, look at a group
 * side by side with the reasons, merge it into one person or mark two of them as different people.
 */
final class DuplicateRoutes {
  private final Duplicates duplicates;
  private final Registry registry;
  private final Guard guard;
  private final WebServer web;

  DuplicateRoutes(Duplicates duplicates, Registry registry, Guard guard, WebServer web) {
    this.duplicates = duplicates;
    this.registry = registry;
    this.guard = guard;
    this.web = web;
  }

  void register(Routes routes) {
    routes.get("/duplicates", Permission.READ, this::list);
    routes.post(
        "/duplicates/find",
        Permission.REVIEW_MATCHES,
        ctx -> {
          User user = Guard.current(ctx);
          var t = ThresholdsForm.read(ctx);
          if (t.isEmpty()) {
            web.error(ctx, 400, guard.view(ctx).t("error.thresholds"));
            return;
          }
          boolean retrain = "on".equals(ctx.formParam("retrain"));
          var job =
              web.jobs()
                  .start(
                      user.id(),
                      "job.duplicates",
                      step -> {
                        try {
                          duplicates.search(
                              t.get(),
                              user.username(),
                              step,
                              retrain,
                              TrainingStages.of(step, step::at));
                          return "/duplicates";
                        } catch (Matching.NothingToLink e) {
                          throw new org.handover.server.web.Jobs.Failed("duplicates.too-few", e);
                        }
                      });
          ctx.redirect("/jobs/" + job.id());
        });
    routes.get("/duplicates/{run}/{group}", Permission.READ, this::show);
    routes.post(
        "/duplicates/{run}/{group}/merge",
        Permission.MERGE_PERSONS,
        ctx -> {
          User user = Guard.current(ctx);
          Duplicates.Group g = group(ctx);
          long keep = Params.number(ctx.formParam("keep"));
          if (!g.persons().contains(keep)) {
            web.error(ctx, 400, guard.view(ctx).t("duplicates.keep-required"));
            return;
          }
          List<Long> others = new ArrayList<>(g.persons());
          others.remove(keep);
          try {
            duplicates.merge(keep, others, user.username());
          } catch (StaleRecordException e) {
            web.error(ctx, 409, guard.view(ctx).t("duplicates.changed"));
            return;
          } catch (Duplicates.SameHands e) {
            web.error(ctx, 403, guard.view(ctx).t("duplicates.four-eyes", ids(e.persons())));
            return;
          }
          ctx.redirect("/registry/" + keep);
        });
    routes.post(
        "/duplicates/{run}/{group}/different",
        Permission.REVIEW_MATCHES,
        ctx -> {
          User user = Guard.current(ctx);
          Duplicates.Group g = group(ctx);
          long a = Params.number(ctx.formParam("person_id"));
          long b = Params.number(ctx.formParam("other_id"));
          if (!g.persons().contains(a) || !g.persons().contains(b) || a == b) {
            web.error(ctx, 400, guard.view(ctx).t("duplicates.pair-required"));
            return;
          }
          duplicates.markDifferent(a, b, user.username());
          boolean open = duplicates.group(g.runId(), g.number()).isPresent();
          ctx.redirect(open ? "/duplicates/" + g.runId() + "/" + g.number() : "/duplicates");
        });
  }

  private void list(Context ctx) {
    Map<String, Object> model = new HashMap<>();
    var latest = duplicates.latest();
    model.put("latest", latest);
    List<Duplicates.Group> groups = latest.map(r -> duplicates.groups(r.id())).orElse(List.of());
    model.put("groups", groups);
    Map<Long, String> names = new LinkedHashMap<>();
    for (Duplicates.Group g : groups.subList(0, Math.min(groups.size(), 500))) {
      for (long id : g.persons()) {
        registry
            .find(id)
            .ifPresent(
                p ->
                    names.put(
                        id,
                        p.person().primaryName().full()
                            + p.person().birthDate().map(d -> ", " + d).orElse("")));
      }
    }
    model.put("names", names);
    model.put("model", duplicates.model());
    web.render(ctx, "matching/duplicates.jte", guard.view(ctx), model);
  }

  private void show(Context ctx) {
    Duplicates.Group g = group(ctx);
    Map<String, Object> model = new HashMap<>();
    model.put("group", g);
    List<Registry.Versioned> persons = new ArrayList<>();
    for (long id : g.persons()) {
      persons.add(registry.find(id).orElseThrow(NotFoundResponse::new));
    }
    model.put("persons", persons);
    List<Long> added =
        Matching.fourEyes()
            ? duplicates.addedBy(Guard.current(ctx).username(), g.persons())
            : List.of();
    model.put("sameHands", added.isEmpty() ? "" : ids(added));
    web.render(ctx, "matching/duplicate_group.jte", guard.view(ctx), model);
  }

  private static String ids(List<Long> persons) {
    return persons.stream().map(id -> "#" + id).collect(java.util.stream.Collectors.joining(", "));
  }

  private Duplicates.Group group(Context ctx) {
    return duplicates
        .group(Params.number(ctx.pathParam("run")), (int) Params.number(ctx.pathParam("group")))
        .orElseThrow(NotFoundResponse::new);
  }
}
