package org.handover.server.matching;

import static org.handover.server.web.Params.number;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.accounts.Permission;
import org.handover.core.matching.PersonBlocking;
import org.handover.server.accounts.User;
import org.handover.server.registry.Registry;
import org.handover.server.rosters.Rosters;
import org.handover.server.web.Guard;
import org.handover.server.web.Routes;
import org.handover.server.web.WebServer;

/** Matching on the web: run it for a roster, then review the proposed links one pair at a time. */
final class MatchRoutes {
  private final Matching matching;
  private final Rosters rosters;
  private final Registry registry;
  private final Guard guard;
  private final WebServer web;

  MatchRoutes(Matching matching, Rosters rosters, Registry registry, Guard guard, WebServer web) {
    this.matching = matching;
    this.rosters = rosters;
    this.registry = registry;
    this.guard = guard;
    this.web = web;
  }

  void register(Routes routes) {
    routes.post(
        "/rosters/{id}/match",
        Permission.REVIEW_MATCHES,
        ctx -> {
          User user = Guard.current(ctx);
          long rosterId = number(ctx.pathParam("id"));
          rosters.find(rosterId).orElseThrow(NotFoundResponse::new);
          var t = ThresholdsForm.read(ctx);
          if (t.isEmpty()) {
            web.error(ctx, 400, guard.view(ctx).t("error.thresholds"));
            return;
          }
          List<String> chosen = ctx.formParams("rule");
          var rules = chosen.isEmpty() ? PersonBlocking.rules() : null;
          try {
            rules = rules != null ? rules : PersonBlocking.rules(chosen);
          } catch (IllegalArgumentException e) {
            web.error(ctx, 400, guard.view(ctx).t("error.match.rule"));
            return;
          }
          var chosenRules = rules;
          boolean oneToOne = "on".equals(ctx.formParam("one_to_one"));
          boolean retrain = "on".equals(ctx.formParam("retrain"));
          // a run over a large registry takes minutes: it goes on beside the page, which follows it
          var job =
              web.jobs()
                  .start(
                      user.id(),
                      "job.match",
                      step -> {
                        try {
                          return "/matches/"
                              + matching
                                  .run(
                                      rosterId,
                                      oneToOne,
                                      t.get(),
                                      chosenRules,
                                      user.username(),
                                      step,
                                      retrain,
                                      TrainingStages.of(step, step::at))
                                  .id();
                        } catch (Matching.NothingToLink e) {
                          throw new org.handover.server.web.Jobs.Failed("error.match.nothing", e);
                        }
                      });
          ctx.redirect("/jobs/" + job.id());
        });
    routes.get("/matches/{run}", Permission.READ, this::review);
    routes.post(
        "/matches/{run}/decide",
        Permission.REVIEW_MATCHES,
        ctx -> {
          User user = Guard.current(ctx);
          long run = number(ctx.pathParam("run"));
          long roster = matching.rosterOf(run).orElseThrow(NotFoundResponse::new);
          String decision = ctx.formParam("decision");
          if (!"skip".equals(decision)) {
            int row = (int) number(ctx.formParam("entry_row"));
            long person = number(ctx.formParam("person_id"));
            try {
              matching.decide(
                  roster,
                  row,
                  person,
                  decision == null ? "" : decision,
                  user.username(),
                  TwiceForms.seen(ctx));
            } catch (IllegalArgumentException e) {
              web.error(ctx, 400, guard.view(ctx).t("error.match.decision"));
              return;
            } catch (Matching.SameHands e) {
              web.error(ctx, 403, guard.view(ctx).t("error.match.four-eyes"));
              return;
            } catch (Matching.ConfirmedElsewhere e) {
              TwiceForms.ask(
                  web,
                  registry,
                  ctx,
                  "/matches/" + run + "/decide",
                  Map.of(
                      "entry_row", String.valueOf(row),
                      "person_id", String.valueOf(person),
                      "skip", Optional.ofNullable(ctx.formParam("skip")).orElse("0")),
                  e.row(),
                  "/matches/" + run);
              return;
            }
          }
          int skip =
              (int) Math.max(0, number(Optional.ofNullable(ctx.formParam("skip")).orElse("0")));
          ctx.redirect("/matches/" + run + ("skip".equals(decision) ? "?skip=" + (skip + 1) : ""));
        });
  }

  private void review(Context ctx) {
    long run = number(ctx.pathParam("run"));
    long rosterId = matching.rosterOf(run).orElseThrow(NotFoundResponse::new);
    List<Matching.StoredMatch> all = matching.matches(run);
    // the queue is the review band; links made without review are spot-checked on the verified list
    java.util.Set<Integer> settled = matching.settled(run);
    List<Matching.StoredMatch> queue =
        all.stream().filter(m -> m.band() == org.handover.core.matching.Band.REVIEW).toList();
    List<Matching.StoredMatch> open =
        queue.stream()
            .filter(m -> m.decision().isEmpty() && !settled.contains(m.entryRow()))
            .toList();
    int skip = (int) Math.max(0, number(Optional.ofNullable(ctx.queryParam("skip")).orElse("0")));
    Optional<Matching.StoredMatch> current =
        open.isEmpty() ? Optional.empty() : Optional.of(open.get(skip % open.size()));
    Map<String, Object> model = new HashMap<>();
    model.put("run", run);
    model.put("roster", rosters.find(rosterId).orElseThrow(NotFoundResponse::new));
    Rosters.Summary summary = rosters.find(rosterId).orElseThrow(NotFoundResponse::new);
    model.put(
        "sameHands",
        Matching.fourEyes() && summary.importedBy().equals(Guard.current(ctx).username()));
    model.put("total", queue.size());
    model.put("decided", queue.size() - open.size());
    model.put("confirmed", all.stream().filter(m -> m.decision().equals("confirmed")).count());
    model.put("rejected", all.stream().filter(m -> m.decision().equals("rejected")).count());
    model.put(
        "auto",
        all.stream()
            .filter(m -> m.band() == org.handover.core.matching.Band.AUTO && m.decision().isEmpty())
            .count());
    model.put("skip", skip);
    model.put("current", current);
    model.put(
        "entry",
        current.flatMap(
            m -> rosters.entries(rosterId, false, m.entryRow() - 1, 1).stream().findFirst()));
    model.put("person", current.flatMap(m -> registry.find(m.personId())));
    model.put(
        "decidedList",
        all.stream().filter(m -> !m.decision().isEmpty()).limit(DECIDED_SHOWN).toList());
    // the entry's other candidates in this run: a near-tie is decided looking at both
    model.put(
        "others",
        current
            .map(
                c ->
                    all.stream()
                        .filter(m -> m.entryRow() == c.entryRow() && m.personId() != c.personId())
                        .map(m -> new PairView.Other(m, registry.find(m.personId())))
                        .toList())
            .orElse(List.of()));
    // the person's other entries in this run: the same man listed twice, or a namesake's row
    model.put(
        "alsoFor",
        current
            .map(
                c ->
                    all.stream()
                        .filter(
                            m ->
                                m.personId() == c.personId()
                                    && m.entryRow() != c.entryRow()
                                    && !m.decision().equals("rejected"))
                        .map(m -> m.entryRow())
                        .distinct()
                        .sorted()
                        .limit(ALSO_FOR_SHOWN)
                        .toList())
            .orElse(List.of()));
    Map<Long, String> names = new HashMap<>();
    ((List<?>) model.get("decidedList"))
        .forEach(
            d -> {
              long id = ((Matching.StoredMatch) d).personId();
              names.computeIfAbsent(
                  id, k -> registry.find(k).map(v -> v.person().names().get(0).full()).orElse(""));
            });
    model.put("names", names);
    web.render(ctx, "matching/review.jte", guard.view(ctx), model);
  }

  static final int DECIDED_SHOWN = 20;

  /** Other rows named beside a person at most (a common name in a run without one-to-one). */
  static final int ALSO_FOR_SHOWN = 10;

  /** A number from a path or a form; anything else is a page that does not exist. */
  static long number(String s) {
    try {
      return Long.parseLong(s == null ? "" : s.strip());
    } catch (NumberFormatException e) {
      throw new NotFoundResponse();
    }
  }
}
