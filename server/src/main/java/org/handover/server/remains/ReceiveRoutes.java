package org.handover.server.remains;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    if (ctx.contentLength() > web.maxUploadBytes()) {
      form(
          ctx,
          List.of(v.t("error.upload.too-large", Math.max(1, web.maxUploadBytes() >> 20))),
          413);
      return;
    }
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null || file.filename().isBlank()) {
      form(ctx, List.of(v.t("error.upload.missing")), 400);
      return;
    }
    Path tmp = Files.createTempFile("handover-remains", ".upload");
    try {
      try (InputStream in = file.content()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      String code = Params.form(ctx, "from");
      Party from =
          v.parties().all().stream()
              .filter(p -> p.code().equals(code))
              .map(p -> Party.of(p.code()))
              .findFirst()
              .orElseThrow(() -> new org.handover.core.Refused("error.party.unknown", code));
      Party to =
          v.parties().own().orElseThrow(() -> new RemainsException("error.remains.no-own-party"));
      LocalDate on = Days.parse(Params.form(ctx, "on"), v.t("remains.received-on"));
      Receiving receiving = app.receiving();
      List<Receiving.Problem> problems = receiving.check(tmp, file.filename());
      if (!problems.isEmpty()) {
        form(
            ctx,
            problems.stream().map(p -> v.messages().get(p.key(), p.args().toArray())).toList(),
            422);
        return;
      }
      Receiving.Received r =
          receiving.receive(
              tmp, file.filename(), from, to, on, Optional.empty(), Guard.current(ctx).username());
      ctx.redirect("/remains?transfer=" + r.transferId());
    } catch (RosterFileException e) {
      form(
          ctx,
          List.of(file.filename() + ": " + v.messages().get(e.key(), e.args().toArray())),
          422);
    } catch (IllegalArgumentException e) {
      form(ctx, List.of(v.messages().refusal(e)), 422);
    } finally {
      Files.deleteIfExists(tmp);
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
    if (ctx.contentLength() > web.maxUploadBytes()) {
      sendForm(
          ctx,
          List.of(v.t("error.upload.too-large", Math.max(1, web.maxUploadBytes() >> 20))),
          413);
      return;
    }
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null || file.filename().isBlank()) {
      sendForm(ctx, List.of(v.t("error.upload.missing")), 400);
      return;
    }
    Path tmp = Files.createTempFile("handover-remains", ".upload");
    try {
      try (InputStream in = file.content()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      String code = Params.form(ctx, "to");
      Party to =
          v.parties().all().stream()
              .filter(p -> p.code().equals(code))
              .map(p -> Party.of(p.code()))
              .findFirst()
              .orElseThrow(() -> new org.handover.core.Refused("error.party.unknown", code));
      Party from =
          v.parties().own().orElseThrow(() -> new RemainsException("error.remains.no-own-party"));
      LocalDate on = Days.parse(Params.form(ctx, "on"), v.t("remains.on"));
      Sending sending = app.sending();
      List<Receiving.Problem> problems = sending.check(tmp, file.filename(), to);
      if (!problems.isEmpty()) {
        sendForm(
            ctx,
            problems.stream().map(p -> v.messages().get(p.key(), p.args().toArray())).toList(),
            422);
        return;
      }
      sending.send(
          tmp, file.filename(), from, to, on, Optional.empty(), Guard.current(ctx).username());
      ctx.redirect("/remains");
    } catch (RosterFileException e) {
      sendForm(
          ctx,
          List.of(file.filename() + ": " + v.messages().get(e.key(), e.args().toArray())),
          422);
    } catch (IllegalArgumentException e) {
      sendForm(ctx, List.of(v.messages().refusal(e)), 422);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
