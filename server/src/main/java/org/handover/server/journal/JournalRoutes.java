package org.handover.server.journal;

import io.javalin.http.Context;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.handover.core.accounts.Permission;
import org.handover.server.i18n.Days;
import org.handover.server.web.Guard;
import org.handover.server.web.Params;
import org.handover.server.web.Routes;
import org.handover.server.web.View;
import org.handover.server.web.WebServer;

/** The whole journal, newest first, filtered by user and date. */
final class JournalRoutes {
  static final int PAGE_SIZE = 50;
  private final Journal journal;
  private final Guard guard;
  private final WebServer web;

  JournalRoutes(Journal journal, Guard guard, WebServer web) {
    this.journal = journal;
    this.guard = guard;
    this.web = web;
  }

  void register(Routes routes) {
    routes.get("/journal", Permission.READ, ctx -> list(ctx, false));
    // who saw and took what: for those who manage accounts
    routes.get("/access", Permission.MANAGE_ACCOUNTS, ctx -> list(ctx, true));
  }

  private void list(Context ctx, boolean reads) {
    View view = guard.view(ctx);
    String actor = param(ctx, "actor");
    String from = param(ctx, "from");
    String to = param(ctx, "to");
    String error = "";
    long fromMillis = 0;
    long toMillis = Long.MAX_VALUE;
    try {
      if (!from.isEmpty()) {
        fromMillis =
            Days.parse(from).atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
      }
      if (!to.isEmpty()) {
        toMillis =
            Days.parse(to)
                .plusDays(1)
                .atStartOfDay(ZoneId.systemDefault())
                .toInstant()
                .toEpochMilli();
      }
    } catch (DateTimeParseException e) {
      error = view.t("field.date") + ": " + view.t("error.date.impossible", e.getParsedString());
      ctx.status(400);
    }
    int page = Params.positive(ctx.queryParam("page"), 1);
    List<Changes> entries =
        error.isEmpty()
            ? journal
                .find(
                    new Journal.Filter(actor, reads ? Journal.READS : "", "", fromMillis, toMillis),
                    (page - 1) * PAGE_SIZE,
                    PAGE_SIZE + 1)
                .stream()
                .map(Changes::of)
                .toList()
            : List.of();
    boolean more = entries.size() > PAGE_SIZE;
    web.render(
        ctx,
        "journal/journal.jte",
        view,
        Map.of(
            "base",
            reads ? "/access" : "/journal",
            "entries",
            more ? entries.subList(0, PAGE_SIZE) : entries,
            "actor",
            actor,
            "from",
            from,
            "to",
            to,
            "error",
            error,
            "page",
            page,
            "more",
            more));
  }

  private static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : v.strip();
  }
}
