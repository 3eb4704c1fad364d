package org.handover.server.remains;

import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.accounts.Permission;
import org.handover.core.parties.Party;
import org.handover.core.rosters.RosterFileException;
import org.handover.server.App;
import org.handover.server.i18n.Days;
import org.handover.server.web.Guard;
import org.handover.server.web.Params;
import org.handover.server.web.Routes;
import org.handover.server.web.Upload;
import org.handover.server.web.View;
import org.handover.server.web.WebServer;

/** Transfers of remains from the browser: a list received (who sent it, when) or one we send. */
final class ReceiveRoutes {
  private final App app;
  private final WebServer web;

  ReceiveRoutes(App app, WebServer web) {
    this.app = app;
    this.web = web;
  }

  void register(Routes routes) {
    routes.get("/remains/receive", Permission.RECORD_REMAINS, ctx -> form(ctx, List.of(), 200));
    routes.post("/remains/receive", Permission.RECORD_REMAINS, this::receive);
    routes.get("/remains/send", Permission.RECORD_REMAINS, ctx -> sendForm(ctx, List.of(), 200));
    routes.post("/remains/send", Permission.RECORD_REMAINS, this::send);
  }

  private void form(Context ctx, List<String> errors, int status) {
    View v = web.guard().view(ctx);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("errors", errors);
    model.put("today", v.date(LocalDate.now(app.clock())));
    model.put("maxMb", Math.max(1, web.maxUploadBytes() >> 20));
    ctx.status(status);
    web.render(ctx, "remains/receive.jte", v, model);
  }

  private void receive(Context ctx) throws IOException {
    View v = web.guard().view(ctx);
    try (Upload u = Upload.take(ctx, web.maxUploadBytes(), v)) {
      try {
        String code = Params.form(ctx, "from");
        Party from =
            v.parties()
                .byCode(code)
                .orElseThrow(() -> new org.handover.core.Refused("error.party.unknown", code));
        Party to =
            v.parties().own().orElseThrow(() -> new RemainsException("error.remains.no-own-party"));
        LocalDate on = Days.parse(Params.form(ctx, "on"), v.t("remains.received-on"));
        Receiving receiving = app.receiving();
        List<Receiving.Problem> problems = receiving.check(u.file(), u.name());
        if (!problems.isEmpty()) {
          form(
              ctx,
              problems.stream().map(p -> v.messages().get(p.key(), p.args().toArray())).toList(),
              422);
          return;
        }
        Receiving.Received r =
            receiving.receive(
                u.file(), u.name(), from, to, on, Optional.empty(), Guard.current(ctx).username());
        ctx.redirect("/remains?transfer=" + r.transferId());
      } catch (RosterFileException e) {
        form(ctx, List.of(u.name() + ": " + v.messages().get(e.key(), e.args().toArray())), 422);
      }
    } catch (Upload.Rejected r) {
      form(ctx, List.of(r.getMessage()), r.status());
    } catch (IllegalArgumentException e) {
      form(ctx, List.of(v.messages().refusal(e)), 422);
    }
  }

  private void sendForm(Context ctx, List<String> errors, int status) {
    View v = web.guard().view(ctx);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("errors", errors);
    model.put("today", v.date(LocalDate.now(app.clock())));
    model.put("maxMb", Math.max(1, web.maxUploadBytes() >> 20));
    ctx.status(status);
    web.render(ctx, "remains/send.jte", v, model);
  }

  /** Hands remains over from the browser, as {@code remains send} does. */
  private void send(Context ctx) throws IOException {
    View v = web.guard().view(ctx);
    try (Upload u = Upload.take(ctx, web.maxUploadBytes(), v)) {
      try {
        String code = Params.form(ctx, "to");
        Party to =
            v.parties()
                .byCode(code)
                .orElseThrow(() -> new org.handover.core.Refused("error.party.unknown", code));
        Party from =
            v.parties().own().orElseThrow(() -> new RemainsException("error.remains.no-own-party"));
        LocalDate on = Days.parse(Params.form(ctx, "on"), v.t("remains.on"));
        Sending sending = app.sending();
        List<Receiving.Problem> problems = sending.check(u.file(), u.name(), to);
        if (!problems.isEmpty()) {
          sendForm(
              ctx,
              problems.stream().map(p -> v.messages().get(p.key(), p.args().toArray())).toList(),
              422);
          return;
        }
        sending.send(
            u.file(), u.name(), from, to, on, Optional.empty(), Guard.current(ctx).username());
        ctx.redirect("/remains");
      } catch (RosterFileException e) {
        sendForm(
            ctx, List.of(u.name() + ": " + v.messages().get(e.key(), e.args().toArray())), 422);
      }
    } catch (Upload.Rejected r) {
      sendForm(ctx, List.of(r.getMessage()), r.status());
    } catch (IllegalArgumentException e) {
      sendForm(ctx, List.of(v.messages().refusal(e)), 422);
    }
  }
}
