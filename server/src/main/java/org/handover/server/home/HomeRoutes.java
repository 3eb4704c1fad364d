package org.handover.server.home;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.journal.Changes;
import org.handover.server.journal.Journal;
import org.handover.server.matching.Matching;
import org.handover.server.negotiations.Dashboard;
import org.handover.server.rosters.Rosters;
import org.handover.server.web.Routes;
import org.handover.server.web.View;
import org.handover.server.web.WebServer;

/** What waits, by role: each block only for those who may do its work. */
public final class HomeRoutes {
  static final int LISTS = 8;
  static final int ACTIVITY = 10;
  private final App app;
  private final WebServer web;

  HomeRoutes(App app, WebServer web) {
    this.app = app;
    this.web = web;
  }

  void register(Routes routes) {
    routes.get("/home", Permission.READ, this::home);
  }

  /** A list received and how far its verification has come (no run: not matched yet). */
  public record ListState(Rosters.Summary roster, Optional<Matching.Progress> progress) {}

  private void home(Context ctx) {
    View v = web.guard().view(ctx);
    List<ListState> lists = new ArrayList<>();
    int waiting = 0;
    long firstWaiting = 0;
    for (Rosters.Summary r : app.rosters().list()) {
      Optional<Matching.Progress> progress = app.matching().progress(r.id());
      int w = progress.map(Matching.Progress::waiting).orElse(0);
      if (w > 0 && firstWaiting == 0) {
        firstWaiting = progress.get().runId();
      }
      waiting += w;
      if (lists.size() < LISTS) {
        lists.add(new ListState(r, progress));
      }
    }
    Map<String, Object> model = new HashMap<>();
    model.put("lists", lists);
    model.put("waiting", waiting);
    model.put("firstWaiting", firstWaiting);
    model.put(
        "duplicateGroups",
        app.duplicates().latest().map(d -> app.duplicates().groups(d.id()).size()).orElse(0));
    model.put(
        "overdue",
        Dashboard.rows(app, Optional.empty(), LocalDate.now(app.clock())).stream()
            .filter(row -> row.state().overdue())
            .count());
    model.put(
        "activity",
        v.can(Permission.READ)
            ? app
                .journal()
                .find(new Journal.Filter("", "", "", 0, Long.MAX_VALUE), 0, ACTIVITY)
                .stream()
                .map(Changes::of)
                .toList()
            : List.of());
    web.render(ctx, "home/home.jte", v, model);
  }
}
