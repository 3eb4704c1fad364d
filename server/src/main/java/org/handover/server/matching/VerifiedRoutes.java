package org.handover.server.matching;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.rosters.RosterExport;
import org.handover.server.rosters.Rosters;
import org.handover.server.web.Guard;
import org.handover.server.web.Params;
import org.handover.server.web.Routes;
import org.handover.server.web.WebServer;

/**
 * A list as verified, on the web: each entry with what it is linked to, filtered by how the link
 * stands; a sample of the links made without review to spot-check; any link undone; and the list
 * exported with the registry's reference and the decision in each row.
 */
final class VerifiedRoutes {
  static final int PAGE = 50;
  static final int SAMPLE = 20;
  private final App app;
  private final EntryLinks links;
  private final WebServer web;
  private final Supplier<String> checkpoint;

  VerifiedRoutes(App app, WebServer web) {
    this.app = app;
    this.links = new EntryLinks(app.database().jdbi());
    this.web = web;
    this.checkpoint = () -> app.journal().checkpoint(app.key()).toString();
  }

  void register(Routes routes) {
    routes.get("/rosters/{id}/verified", Permission.READ, this::page);
    routes.get("/rosters/{id}/verified.{format}", Permission.READ, this::export);
    routes.post("/rosters/{id}/verified/undo", Permission.REVIEW_MATCHES, ctx -> act(ctx, false));
    routes.post("/rosters/{id}/verified/confirm", Permission.REVIEW_MATCHES, ctx -> act(ctx, true));
  }

  private Rosters.Summary roster(Context ctx) {
    return app.rosters()
        .find(MatchRoutes.number(ctx.pathParam("id")))
        .orElseThrow(NotFoundResponse::new);
  }

  private void page(Context ctx) {
    Rosters.Summary r = roster(ctx);
    String show = Params.query(ctx, "show");
    boolean sample = "1".equals(ctx.queryParam("sample"));
    var state = EntryLinks.State.fromKey(sample ? "auto" : show);
    VerifiedList.Scan scan =
        VerifiedList.scan(links, r, state.map(Set::of).orElse(Set.of(EntryLinks.State.values())));
    List<EntryLinks.Link> chosen = scan.chosen();
    int page = Math.min(Params.positive(ctx.queryParam("page"), 1), chosen.size() / PAGE + 1);
    List<EntryLinks.Link> shown;
    if (sample) {
      // the same sample for the same list, whatever was decided since: rows in an order fixed by
      // the list and the row, so that two checkers see the same links and a decided one leaves
      // its place to the next
      List<EntryLinks.Link> shuffled = new ArrayList<>(chosen);
      shuffled.sort(
          java.util.Comparator.comparingLong(
              l -> new Random(r.id() * 1_000_003L + l.row()).nextLong()));
      shown = shuffled.subList(0, Math.min(SAMPLE, shuffled.size()));
    } else {
      shown =
          chosen.subList(
              Math.min(chosen.size(), (page - 1) * PAGE), Math.min(chosen.size(), page * PAGE));
    }
    Map<Integer, Rosters.StoredEntry> entries = new HashMap<>();
    app.rosters()
        .entries(r.id(), shown.stream().map(EntryLinks.Link::row).toList())
        .forEach(e -> entries.put(e.row(), e));
    Map<String, Object> model = new HashMap<>();
    model.put("r", r);
    model.put("counts", scan.counts());
    model.put(
        "sameHands", Matching.fourEyes() && r.importedBy().equals(Guard.current(ctx).username()));
    model.put("links", shown);
    model.put("entries", entries);
    model.put("show", sample ? "sample" : state.map(EntryLinks.State::key).orElse(""));
    model.put("page", page);
    model.put("more", !sample && chosen.size() > page * PAGE);
    model.put("run", app.matching().progress(r.id()).map(Matching.Progress::runId).orElse(0L));
    web.render(ctx, "matching/verified.jte", web.guard().view(ctx), model);
  }

  /**
   * Confirms a link made without review (a spot check), or undoes a link or a decision; refused
   * when the link no longer stands as the page showed it (another reviewer acted meanwhile).
   */
  private void act(Context ctx, boolean confirm) {
    Rosters.Summary r = roster(ctx);
    int row = (int) MatchRoutes.number(ctx.formParam("entry_row"));
    long person = MatchRoutes.number(ctx.formParam("person_id"));
    String actor = Guard.current(ctx).username();
    EntryLinks.Link link = links.of(r.id(), row, row).get(row);
    if (link == null
        || link.personId() != person
        || !link.state().key().equals(Params.form(ctx, "state"))
        || confirm && link.state() != EntryLinks.State.AUTO) {
      web.error(ctx, 409, web.guard().view(ctx).t("verified.changed"));
      return;
    }
    try {
      if (confirm) {
        app.matching().decide(r.id(), row, person, "confirmed", actor, TwiceForms.seen(ctx));
      } else if (link.state() == EntryLinks.State.AUTO) {
        // a link made without review is undone by saying it is not this person
        app.matching().decide(r.id(), row, person, "rejected", actor);
      } else if (!app.matching().undo(r.id(), row, person, actor)) {
        web.error(ctx, 409, web.guard().view(ctx).t("verified.changed"));
        return;
      }
    } catch (Matching.SameHands e) {
      web.error(ctx, 403, web.guard().view(ctx).t("error.match.four-eyes"));
      return;
    } catch (Matching.ConfirmedElsewhere e) {
      TwiceForms.ask(
          web,
          app.registry(),
          ctx,
          "/rosters/" + r.id() + "/verified/confirm",
          Map.of(
              "entry_row", String.valueOf(row),
              "person_id", String.valueOf(person),
              "state", Params.form(ctx, "state"),
              "back", Params.form(ctx, "back")),
          e.row(),
          back(r, Params.form(ctx, "back")));
      return;
    }
    ctx.redirect(back(r, Params.form(ctx, "back")));
  }

  /** Where the verified list's forms return: the page they came from, if it is this list's. */
  private static String back(Rosters.Summary r, String back) {
    return back.startsWith("/rosters/" + r.id() + "/verified")
        ? back
        : "/rosters/" + r.id() + "/verified";
  }

  private void export(Context ctx) throws IOException {
    Rosters.Summary r = roster(ctx);
    String format = ctx.pathParam("format");
    if (!format.equals("pdf") && !Guard.current(ctx).role().permits(Permission.EXPORT_DATA)) {
      throw new WebServer.Forbidden("export " + format);
    }
    if (app.rosters().disclosure().waiting(r)) {
      throw new WebServer.Forbidden("export", "disclosure.not-approved", r.id());
    }
    boolean signature = format.equals("json.sig");
    if (signature) {
      format = "json";
    }
    String type = RosterExport.contentType(format).orElseThrow(NotFoundResponse::new);
    VerifiedList.Only only = VerifiedList.Only.fromKey(Params.query(ctx, "only"));
    VerifiedList list = new VerifiedList(links, only);
    RosterExport export =
        Guard.current(ctx).outsider()
            ? new RosterExport(app.rosters(), false, list).withoutContacts()
            : new RosterExport(app.rosters(), false, list);
    var m = Guard.messages(ctx);
    // the file streams out as it is written; only a signature needs the bytes whole
    java.io.OutputStream out = signature ? new ByteArrayOutputStream() : ctx.outputStream();
    String name = "roster-" + r.id() + "-" + only.key() + "." + format;
    if (!signature) {
      ctx.contentType(type);
      ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
    switch (format) {
      case "csv" -> export.csv(r, m, out);
      case "xlsx" -> export.xlsx(r, m, out);
      case "pdf" -> export.pdf(r, m, app.parties().book(), checkpoint.get(), out);
      default -> export.json(r, out);
    }
    app.journal()
        .read(
            Guard.current(ctx).username(),
            "export",
            "roster/" + r.id(),
            Map.of(
                "format",
                signature ? "signature" : format,
                "only",
                only.key(),
                "rows",
                list.kept()));
    if (signature) {
      // the JSON is the same bytes for the same list: its signature is made again on request
      ctx.contentType("text/plain; charset=utf-8");
      ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".sig\"");
      ctx.result(app.key().sign(((ByteArrayOutputStream) out).toByteArray()) + "\n");
    }
  }
}
