package org.handover.server.rosters;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.accounts.Permission;
import org.handover.core.parties.Party;
import org.handover.core.parties.PartyBook;
import org.handover.core.registry.PartialDate;
import org.handover.core.rosters.ColumnMapping;
import org.handover.core.rosters.Field;
import org.handover.core.rosters.Purpose;
import org.handover.core.rosters.RosterDetails;
import org.handover.core.rosters.RosterFileException;
import org.handover.core.rosters.Table;
import org.handover.core.rosters.Tables;
import org.handover.server.accounts.User;
import org.handover.server.web.Guard;
import org.handover.server.web.Params;
import org.handover.server.web.Routes;
import org.handover.server.web.View;
import org.handover.server.web.WebServer;

/**
 * Rosters on the web: the list, upload, preview with the column mapping, import, a roster's page.
 */
final class RosterRoutes {
  static final int PREVIEW_ROWS = 10;
  static final int PAGE_SIZE = 50;
  private final Rosters rosters;
  private final Uploads uploads;
  private final Guard guard;
  private final WebServer web;
  private final Clock clock;
  private final long maxUploadBytes;

  RosterRoutes(Rosters rosters, Guard guard, WebServer web, Clock clock, long maxUploadBytes) {
    this.rosters = rosters;
    this.uploads = new Uploads(clock);
    this.guard = guard;
    this.web = web;
    this.clock = clock;
    this.maxUploadBytes = maxUploadBytes;
  }

  void register(Routes routes) {
    routes.get(
        "/rosters",
        Permission.READ,
        ctx ->
            web.render(
                ctx, "rosters/rosters.jte", guard.view(ctx), Map.of("rosters", rosters.list())));
    routes.get(
        "/rosters/new",
        Permission.IMPORT_ROSTERS,
        ctx -> {
          web.render(
              ctx,
              "rosters/roster_upload.jte",
              guard.view(ctx),
              Map.of("error", "", "maxMb", maxUploadBytes >> 20));
        });
    routes.post("/rosters/upload", Permission.IMPORT_ROSTERS, this::upload);
    routes.post(
        "/rosters/preview", Permission.IMPORT_ROSTERS, ctx -> preview(ctx, staged(ctx), ""));
    // the same preview again (after the language switch): the staged file, read as guessed
    routes.get(
        "/rosters/preview",
        Permission.IMPORT_ROSTERS,
        ctx -> preview(ctx, staged(ctx, ctx.queryParam("token")), ""));
    routes.post("/rosters/import", Permission.IMPORT_ROSTERS, this::importStaged);
    routes.get("/rosters/{id}", Permission.READ, this::show);
    routes.post("/rosters/{id}/approve", Permission.EXPORT_DATA, this::approve);
  }

  private void upload(Context ctx) throws IOException {
    User user = Guard.current(ctx);
    View view = guard.view(ctx);
    if (ctx.contentLength() > maxUploadBytes) {
      ctx.status(413);
      web.render(
          ctx,
          "rosters/roster_upload.jte",
          view,
          Map.of(
              "error",
              view.t("error.upload.too-large", view.messages().size(maxUploadBytes)),
              "maxMb",
              maxUploadBytes >> 20));
      return;
    }
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null || file.filename().isBlank()) {
      ctx.status(400);
      web.render(
          ctx,
          "rosters/roster_upload.jte",
          view,
          Map.of("error", view.t("error.upload.missing"), "maxMb", maxUploadBytes >> 20));
      return;
    }
    Uploads.Staged s;
    try (var in = file.content()) {
      s = uploads.stage(in, file.filename(), user.id());
    }
    preview(ctx, s, "");
  }

  private Uploads.Staged staged(Context ctx) {
    return staged(ctx, ctx.formParam("token"));
  }

  private Uploads.Staged staged(Context ctx, String token) {
    User user = Guard.current(ctx);
    return uploads.find(token, user.id()).orElseThrow(() -> new NotFoundResponse("upload expired"));
  }

  /** The first rows as decoded, the detected reading, and the guessed (or chosen) mapping. */
  private void preview(Context ctx, Uploads.Staged s, String error) {
    ctx.attribute(Guard.BACK, "/rosters/preview?token=" + s.token());
    View view = guard.view(ctx);
    Map<String, Object> model =
        new HashMap<>(
            Map.of(
                "token",
                s.token(),
                "fileName",
                s.name(),
                "size",
                s.size(),
                "error",
                error,
                "details",
                RosterForms.details(ctx)));
    try (Table t = Tables.open(s.file(), s.name(), RosterForms.options(ctx))) {
      List<List<String>> rows = new ArrayList<>();
      for (Optional<Table.Row> r = t.next();
          r.isPresent() && rows.size() < PREVIEW_ROWS;
          r = t.next()) {
        rows.add(r.get().cells());
      }
      ColumnMapping.checkHeader(t.header());
      Map<Integer, String> chosen = new HashMap<>();
      ColumnMapping guessed = ColumnMapping.guess(t.header());
      String profile = ctx.formParam("profile");
      if (profile != null && profile.contains("/")) {
        String[] pn = profile.split("/", 2);
        Optional<Map<String, Integer>> saved = rosters.profile(Party.fromKey(pn[0]), pn[1]);
        if (saved.isPresent()) {
          guessed = ColumnMapping.fromProfile(saved.get(), t.header().size());
        }
      }
      guessed.columns().forEach((f, c) -> chosen.put(c, f.key()));
      model.put(
          "report",
          RosterForms.validate(
              s, RosterForms.options(ctx), t.header(), guessed, LocalDate.now(clock), view));
      model.put("literalQuotes", RosterForms.options(ctx).literalQuotes());
      model.put("profiles", rosters.profiles());
      model.put("profile", profile == null ? "" : profile);
      model.put("sheet", ctx.formParam("sheet") == null ? "1" : ctx.formParam("sheet"));
      model.put("header", t.header());
      model.put("rows", rows);
      model.put("mapping", chosen);
      model.put("encoding", t.charset().map(Charset::name).orElse(""));
      model.put(
          "delimiter",
          t.delimiter() == '\t' ? "tab" : t.delimiter() == 0 ? "" : String.valueOf(t.delimiter()));
      web.render(ctx, "rosters/roster_preview.jte", view, model);
    } catch (RosterFileException e) {
      ctx.status(422);
      model.put("profiles", List.of());
      model.put("report", new ValidationReport(0, 0, 0, List.of()));
      model.put("profile", "");
      model.put("sheet", "1");
      model.put("header", List.of());
      model.put("rows", List.of());
      model.put("mapping", Map.of());
      model.put("encoding", "");
      model.put("delimiter", "");
      model.put("error", s.name() + ": " + view.t(e.key(), e.args().toArray()));
      web.render(ctx, "rosters/roster_preview.jte", view, model);
    } catch (IOException | IllegalArgumentException e) {
      ctx.status(422);
      web.render(
          ctx,
          "rosters/roster_upload.jte",
          view,
          Map.of(
              "error",
              view.t("error.file.unreadable", e.getMessage()),
              "maxMb",
              maxUploadBytes >> 20));
    }
  }

  private void importStaged(Context ctx) throws IOException {
    User user = Guard.current(ctx);
    Uploads.Staged s = staged(ctx);
    View view = guard.view(ctx);
    RosterDetails details;
    Map<Field, Integer> columns = new EnumMap<>(Field.class);
    try {
      Party from = Party.fromKey(ctx.formParam("from"));
      String toKey = ctx.formParam("to");
      PartyBook book = view.parties();
      Party to =
          toKey == null || toKey.isBlank()
              ? book.own()
                  .filter(own -> !own.equals(from))
                  .or(book::counterpart)
                  .orElseThrow(
                      () -> new IllegalArgumentException("to: say which party the list goes to"))
              : Party.fromKey(toKey);
      String received = ctx.formParam("received");
      LocalDate on;
      try {
        on =
            received == null || received.isBlank()
                ? LocalDate.now(clock)
                : PartialDate.parse(received).earliest();
      } catch (RuntimeException e) {
        preview(
            ctx, s, view.t("rosters.received") + ": " + view.t("error.date.impossible", received));
        return;
      }
      if (on.isAfter(LocalDate.now(clock))) {
        preview(ctx, s, view.t("rosters.received") + ": " + view.t("error.date.future", received));
        return;
      }
      details =
          new RosterDetails(
              from,
              to,
              on,
              Purpose.fromKey(ctx.formParam("purpose")),
              Optional.ofNullable(ctx.formParam("notes")).orElse(""));
      for (Map.Entry<String, List<String>> p : ctx.formParamMap().entrySet()) {
        if (p.getKey().startsWith("col.") && !p.getValue().get(0).isBlank()) {
          columns.putIfAbsent(
              Field.fromKey(p.getValue().get(0)), Integer.parseInt(p.getKey().substring(4)));
        }
      }
    } catch (IllegalArgumentException e) {
      preview(ctx, s, e.getMessage());
      return;
    }
    try {
      Rosters.Imported r =
          rosters.importFile(
              s.file(),
              s.name(),
              details,
              RosterForms.options(ctx),
              Optional.of(new ColumnMapping(columns)),
              user.username(),
              (n, f) -> {});
      String profile = ctx.formParam("save_mapping");
      if (profile != null && !profile.isBlank()) {
        rosters.saveProfile(details.from(), profile.strip(), r.mapping(), user.username());
      }
      uploads.forget(s);
      ctx.redirect("/rosters/" + r.id());
    } catch (RosterFileException e) {
      preview(ctx, s, view.t(e.key(), e.args().toArray()) + " " + view.t("roster.nothing-stored"));
    }
  }

  static Rosters.Summary summary(Rosters rosters, Context ctx) {
    return rosters.find(Params.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
  }

  private void approve(Context ctx) {
    Rosters.Summary r = summary(rosters, ctx);
    try {
      rosters.disclosure().approve(r, Guard.current(ctx).username());
    } catch (Disclosure.SameHands e) {
      web.error(ctx, 403, guard.view(ctx).t("disclosure.four-eyes"));
      return;
    } catch (IllegalArgumentException e) {
      web.error(ctx, 400, guard.view(ctx).t("disclosure.not-outgoing", r.id()));
      return;
    }
    ctx.redirect("/rosters/" + r.id() + "#disclosure");
  }

  private void show(Context ctx) {
    Rosters.Summary r = summary(rosters, ctx);
    boolean onlyProblems = "1".equals(ctx.queryParam("problems"));
    int page = Params.positive(ctx.queryParam("page"), 1);
    List<Rosters.StoredEntry> entries =
        rosters.entries(r.id(), onlyProblems, (page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
    boolean more = entries.size() > PAGE_SIZE;
    View view = guard.view(ctx);
    Disclosure d = rosters.disclosure();
    Optional<Disclosure.Outgoing> outgoing =
        d.outgoing(r)
            ? Optional.of(
                new Disclosure.Outgoing(
                    d.contents(r),
                    d.approval(r.id()),
                    !(org.handover.core.accounts.FourEyes.on()
                        && r.importedBy().equals(Guard.current(ctx).username()))))
            : Optional.empty();
    web.render(
        ctx,
        "rosters/roster.jte",
        view,
        Map.of(
            "outgoing",
            outgoing,
            "r",
            r,
            "entries",
            more ? entries.subList(0, PAGE_SIZE) : entries,
            "page",
            page,
            "more",
            more,
            "onlyProblems",
            onlyProblems,
            "sections",
            web.sections("roster", ctx, view, r.id())));
  }
}
