package org.handover.server.tracing;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.handover.core.accounts.Permission;
import org.handover.core.agreements.Provision;
import org.handover.server.App;
import org.handover.server.agreements.Agreement;
import org.handover.server.i18n.Days;
import org.handover.server.web.Guard;
import org.handover.server.web.Params;
import org.handover.server.web.Routes;
import org.handover.server.web.Upload;
import org.handover.server.web.View;
import org.handover.server.web.WebServer;

/** A child's page forms for what is learnt later: the card, a report, links, the photograph. */
final class CardRoutes {
  private final App app;
  private final WebServer web;
  private final BiConsumer<Context, String> page;

  CardRoutes(App app, WebServer web, BiConsumer<Context, String> page) {
    this.app = app;
    this.web = web;
    this.page = page;
  }

  void register(Routes routes) {
    routes.post("/tracing/{id}/card", Permission.MANAGE_TRACING, this::card);
    routes.post("/tracing/{id}/locate", Permission.MANAGE_TRACING, this::locate);
    routes.post("/tracing/{id}/link", Permission.MANAGE_TRACING, this::link);
    routes.post("/tracing/{id}/photo", Permission.MANAGE_TRACING, this::upload);
    routes.get("/tracing/{id}/photo", Permission.MANAGE_TRACING, this::photo);
  }

  static List<ChildCards.NamedList> namedLists(App app) {
    List<ChildCards.NamedList> all = new ArrayList<>();
    for (Agreement a : app.agreements().list()) {
      for (Agreement.Numbered n : a.provisions()) {
        if (n.provision() instanceof Provision.NamedList) {
          all.add(new ChildCards.NamedList(a.id() + ":" + n.number(), a.title(), n.number()));
        }
      }
    }
    return all;
  }

  /** Runs a change and shows the page again, with the refusal when there is one. */
  private void changing(Context ctx, Runnable change) {
    long id = Params.id(ctx, "id");
    try {
      change.run();
      ctx.redirect("/tracing/" + id);
    } catch (IllegalArgumentException e) {
      ctx.status(422);
      page.accept(ctx, web.guard().view(ctx).messages().refusal(e));
    }
  }

  private static Map<CardField, String> fields(Context ctx, boolean whereaboutsOnly) {
    Map<CardField, String> values = new EnumMap<>(CardField.class);
    for (CardField f : CardField.values()) {
      if (f.edited() && (!whereaboutsOnly || f.whereabouts())) {
        String v = ctx.formParam(f.key());
        if (v != null) {
          values.put(f, v);
        }
      }
    }
    return values;
  }

  /** What the form showed of each field it posts ({@code shown.KEY}). */
  private static Map<CardField, String> shown(Context ctx) {
    Map<CardField, String> shown = new EnumMap<>(CardField.class);
    for (CardField f : CardField.values()) {
      String v = ctx.formParam("shown." + f.key());
      if (v != null) {
        shown.put(f, v);
      }
    }
    return shown;
  }

  private void card(Context ctx) {
    long id = Params.id(ctx, "id");
    Map<CardField, String> shown = shown(ctx);
    Map<CardField, String> values = fields(ctx, false);
    // only what the user changed on the form is written: the rest may have changed since
    values
        .entrySet()
        .removeIf(
            e ->
                e.getValue().strip().equals(shown.getOrDefault(e.getKey(), "").strip())
                    && shown.containsKey(e.getKey()));
    if (Guard.current(ctx).outsider()) {
      values.keySet().removeIf(CardField::health); // never shown to them: never changed by them
    }
    changing(ctx, () -> app.childCards().change(id, values, shown, Guard.current(ctx).username()));
  }

  private void locate(Context ctx) {
    View v = web.guard().view(ctx);
    long id = Params.id(ctx, "id");
    changing(
        ctx,
        () -> {
          String on = Params.form(ctx, "on");
          app.tracing()
              .locate(
                  id,
                  Params.form(ctx, "report"),
                  on.isEmpty() ? LocalDate.now(app.clock()) : Days.parse(on, v.t("remains.on")),
                  fields(ctx, true),
                  Guard.current(ctx).username());
        });
  }

  private void link(Context ctx) {
    long id = Params.id(ctx, "id");
    Map<CardField, String> shown = shown(ctx);
    changing(
        ctx,
        () ->
            app.childCards()
                .link(
                    id,
                    changed(ctx, CardField.PROVISION, shown),
                    changed(ctx, CardField.COMMITMENT, shown),
                    shown,
                    Guard.current(ctx).username()));
  }

  /** A link's value when the form changed it. */
  private static Optional<String> changed(Context ctx, CardField f, Map<CardField, String> shown) {
    return Optional.ofNullable(ctx.formParam(f.key()))
        .filter(v -> !shown.containsKey(f) || !v.equals(shown.get(f)));
  }

  private void upload(Context ctx) throws IOException {
    View v = web.guard().view(ctx);
    long id = Params.id(ctx, "id");
    if (Guard.current(ctx).outsider()) { // they never see a photograph: they do not keep one
      throw new WebServer.Forbidden("photo", "tracing.photo.withheld");
    }
    try (Upload u = Upload.take(ctx, ChildCards.MOST_PHOTO_BYTES + 64 * 1024, v)) {
      byte[] content = Files.readAllBytes(u.file());
      changing(
          ctx, () -> app.childCards().photo(id, u.name(), content, Guard.current(ctx).username()));
    } catch (Upload.Rejected r) {
      ctx.status(r.status());
      page.accept(ctx, r.getMessage());
    }
  }

  /** The photograph, to those who may trace on our side only; each view is journaled. */
  private void photo(Context ctx) {
    long id = Params.id(ctx, "id");
    if (Guard.current(ctx).outsider()) {
      throw new WebServer.Forbidden("photo", "tracing.photo.withheld");
    }
    ChildCards.Photo p = app.childCards().photo(id).orElseThrow(NotFoundResponse::new);
    app.journal()
        .read(
            Guard.current(ctx).username(), "view", "tracing-photo/" + p.id(), Map.of("child", id));
    ctx.contentType(p.mediaType());
    ctx.header("Content-Disposition", "inline");
    ctx.result(p.content());
  }
}
