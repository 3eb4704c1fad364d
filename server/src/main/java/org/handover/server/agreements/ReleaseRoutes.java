package org.handover.server.agreements;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.handover.core.Keys;
import org.handover.core.accounts.Permission;
import org.handover.core.registry.ReleaseFacts;
import org.handover.server.App;
import org.handover.server.i18n.Days;
import org.handover.server.storage.StaleRecordException;
import org.handover.server.web.Guard;
import org.handover.server.web.Params;
import org.handover.server.web.Routes;
import org.handover.server.web.View;
import org.handover.server.web.WebServer;

/** Saves a held person's release facts from the form on their page. */
final class ReleaseRoutes {
  private final App app;
  private final WebServer web;

  ReleaseRoutes(App app, WebServer web) {
    this.app = app;
    this.web = web;
  }

  void register(Routes routes) {
    routes.post("/registry/{id}/release", Permission.EDIT_REGISTRY, this::save);
  }

  private void save(Context ctx) {
    View v = web.guard().view(ctx);
    long id = Params.id(ctx, "id");
    try {
      app.releaseFacts().save(id, read(ctx, v), Guard.current(ctx).username());
      ctx.redirect("/registry/" + id + "#release");
    } catch (IllegalArgumentException e) {
      refuse(ctx, v, id, v.messages().refusal(e));
    } catch (StaleRecordException e) {
      refuse(ctx, v, id, e.getMessage());
    }
  }

  private void refuse(Context ctx, View v, long id, String error) {
    ctx.status(422);
    web.render(ctx, "agreements/release_error.jte", v, Map.of("personId", id, "error", error));
  }

  /** The form's facts; a date or choice that cannot be read names its field. */
  static ReleaseFacts read(Context ctx, View v) {
    Optional<LocalDate> decidedOn = date(ctx, "repatriation_decided_on", v.t("release.decided-on"));
    return new ReleaseFacts(
        date(ctx, "captured_on", v.t("release.captured-on")),
        Params.form(ctx, "captured_at"),
        choice(ReleaseFacts.Consent.class, Params.form(ctx, "consent"), v.t("release.consent"))
            .orElse(ReleaseFacts.Consent.NOT_ASKED),
        date(ctx, "consent_on", v.t("release.consent-on")),
        decidedOn.map(
            d ->
                new ReleaseFacts.Repatriation(
                    d,
                    choice(
                            ReleaseFacts.DecidedBy.class,
                            Params.form(ctx, "repatriation_by"),
                            v.t("release.decided-by"))
                        .orElse(ReleaseFacts.DecidedBy.COMMISSION),
                    Params.form(ctx, "repatriation_reference"))),
        choice(ReleaseFacts.Obstacle.class, Params.form(ctx, "obstacle"), v.t("release.obstacle")),
        Params.form(ctx, "note"));
  }

  private static Optional<LocalDate> date(Context ctx, String field, String label) {
    String text = Params.form(ctx, field);
    return text.isEmpty() ? Optional.empty() : Optional.of(Days.parse(text, label));
  }

  private static <E extends Enum<E>> Optional<E> choice(Class<E> type, String key, String label) {
    if (key.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Keys.parse(type, key, label));
    } catch (IllegalArgumentException e) {
      throw new AgreementException("error.release.choice", label, key);
    }
  }
}
