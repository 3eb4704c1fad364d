package org.handover.server.remains;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.handover.core.accounts.Permission;
import org.handover.core.parties.Party;
import org.handover.core.remains.Death;
import org.handover.core.remains.Relation;
import org.handover.server.App;
import org.handover.server.i18n.Days;
import org.handover.server.web.Guard;
import org.handover.server.web.Params;
import org.handover.server.web.Routes;
import org.handover.server.web.View;
import org.handover.server.web.WebServer;

/** The forms on a person's page for a relative's DNA sample and a death in captivity. */
final class EvidenceRoutes {
  private final App app;
  private final WebServer web;

  EvidenceRoutes(App app, WebServer web) {
    this.app = app;
    this.web = web;
  }

  void register(Routes routes) {
    routes.post("/registry/{id}/dna-sample", Permission.RECORD_REMAINS, this::sample);
    routes.post("/registry/{id}/death", Permission.RECORD_REMAINS, this::death);
  }

  private static LocalDate day(Context ctx, String field, String label, LocalDate otherwise) {
    String text = Params.form(ctx, field);
    return text.isEmpty() ? otherwise : Days.parse(text, label);
  }

  private void sample(Context ctx) {
    View v = web.guard().view(ctx);
    long id = Params.id(ctx, "id");
    try {
      String relation = Params.form(ctx, "relation");
      Relation r;
      try {
        r = Relation.fromKey(relation);
      } catch (IllegalArgumentException e) {
        throw new RemainsException("error.dna.relation", relation);
      }
      app.evidence()
          .sample(
              id,
              Params.form(ctx, "donor"),
              r,
              Params.form(ctx, "lab_ref"),
              day(ctx, "on", v.t("remains.on"), LocalDate.now(app.clock())),
              Guard.current(ctx).username());
      ctx.redirect("/registry/" + id + "#person-samples");
    } catch (IllegalArgumentException e) {
      refuse(ctx, v, id, v.messages().refusal(e));
    }
  }

  private void death(Context ctx) {
    View v = web.guard().view(ctx);
    long id = Params.id(ctx, "id");
    try {
      String on = Params.form(ctx, "died_on");
      if (on.isEmpty()) {
        throw new RemainsException("error.death.date");
      }
      Death d =
          new Death(
              Days.parse(on, v.t("remains.death.died-on")),
              Params.form(ctx, "place"),
              Params.form(ctx, "cause"),
              Params.form(ctx, "certificate"),
              Params.form(ctx, "grave"),
              "on".equals(Params.form(ctx, "cremated")),
              Params.form(ctx, "inquiry"),
              Params.form(ctx, "notified_on").isEmpty()
                  ? Optional.empty()
                  : Optional.of(
                      Days.parse(Params.form(ctx, "notified_on"), v.t("remains.death.notified"))));
      Party own =
          v.parties().own().orElseThrow(() -> new RemainsException("error.remains.no-own-party"));
      app.evidence().death(id, d, own, Guard.current(ctx).username());
      ctx.redirect("/registry/" + id + "#person-death");
    } catch (IllegalArgumentException e) {
      refuse(ctx, v, id, v.messages().refusal(e));
    }
  }

  private void refuse(Context ctx, View v, long id, String error) {
    ctx.status(422);
    web.render(ctx, "remains/evidence_error.jte", v, Map.of("personId", id, "error", error));
  }
}
