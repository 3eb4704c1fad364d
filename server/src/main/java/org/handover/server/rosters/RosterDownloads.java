package org.handover.server.rosters;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.handover.core.accounts.Permission;
import org.handover.core.rosters.CsvExport;
import org.handover.core.rosters.Entry;
import org.handover.server.i18n.Messages;
import org.handover.server.parties.Parties;
import org.handover.server.web.Guard;
import org.handover.server.web.Routes;

/** What a roster's page offers to download: the file as received, the error report, and exports. */
final class RosterDownloads {
  private final Rosters rosters;
  private final Parties parties;
  private final Supplier<String> checkpoint;
  private final java.util.function.Function<byte[], String> signer;
  private final org.handover.server.journal.Journal journal;

  RosterDownloads(
      Rosters rosters,
      Parties parties,
      Supplier<String> checkpoint,
      java.util.function.Function<byte[], String> signer,
      org.handover.server.journal.Journal journal) {
    this.journal = journal;
    this.rosters = rosters;
    this.parties = parties;
    this.checkpoint = checkpoint;
    this.signer = signer;
  }

  void register(Routes routes) {
    routes.get("/rosters/{id}/problems.csv", Permission.EXPORT_DATA, this::problems);
    routes.get("/rosters/{id}/export.{format}", Permission.READ, this::export);
    routes.get(
        "/rosters/{id}/file",
        Permission.EXPORT_DATA,
        ctx -> {
          Rosters.Summary r = RosterRoutes.summary(rosters, ctx);
          // the file as it came holds every column: a list we send leaves through its exports,
          // which carry only what its purpose needs; another party's user gets no contacts
          if (rosters.disclosure().outgoing(r)) {
            throw new org.handover.server.web.WebServer.Forbidden(
                "original", "disclosure.original", r.id());
          }
          if (Guard.current(ctx).outsider()) {
            throw new org.handover.server.web.WebServer.Forbidden("original", "contacts.original");
          }
          taken(ctx, r, "original", r.rows());
          ctx.header(
              "Content-Disposition",
              "attachment; filename*=UTF-8''"
                  + URLEncoder.encode(r.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
          ctx.contentType("application/octet-stream");
          rosters.file(r.sha256(), ctx.outputStream());
        });
  }

  private void export(Context ctx) throws IOException {
    Rosters.Summary r = RosterRoutes.summary(rosters, ctx);
    String format = ctx.pathParam("format");
    if (!format.equals("pdf") && !Guard.current(ctx).role().permits(Permission.EXPORT_DATA)) {
      // an observer sees every list, and takes one away only as the manifest to sign
      throw new org.handover.server.web.WebServer.Forbidden("export " + format);
    }
    approved(r);
    if (RosterExport.FORMATS.contains(format)) {
      taken(ctx, r, format, r.rows());
    }
    if (format.equals("json.sig")) {
      // the JSON is the same bytes for the same roster: its signature is made again on request
      java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
      new RosterExport(rosters).json(r, json);
      ctx.contentType("text/plain; charset=utf-8");
      ctx.header("Content-Disposition", "attachment; filename=\"roster-" + r.id() + ".json.sig\"");
      ctx.result(signer.apply(json.toByteArray()) + "\n");
      return;
    }
    String type = RosterExport.contentType(format).orElseThrow(NotFoundResponse::new);
    ctx.contentType(type);
    ctx.header(
        "Content-Disposition", "attachment; filename=\"roster-" + r.id() + "." + format + "\"");
    // the journal's signed head at this export, for whoever keeps the file ('journal verify
    // --checkpoint' takes it); the page links the same as a file
    String signedHead;
    try {
      signedHead = checkpoint.get();
      ctx.header("Handover-Checkpoint", signedHead);
    } catch (RuntimeException e) {
      // the signing key cannot be read: the file still downloads, without the signed head
      signedHead = "";
    }
    RosterExport export =
        Guard.current(ctx).outsider()
            ? new RosterExport(rosters).withoutContacts()
            : new RosterExport(rosters);
    switch (format) {
      case "csv" -> export.csv(r, Guard.messages(ctx), ctx.outputStream());
      case "xlsx" -> export.xlsx(r, Guard.messages(ctx), ctx.outputStream());
      case "pdf" ->
          export.pdf(r, Guard.messages(ctx), parties.book(), signedHead, ctx.outputStream());
      default -> export.json(r, ctx.outputStream());
    }
  }

  /** A list we send leaves only once a second person has approved it; said when not. */
  private void approved(Rosters.Summary r) {
    if (rosters.disclosure().waiting(r)) {
      throw new org.handover.server.web.WebServer.Forbidden(
          "export", "disclosure.not-approved", r.id());
    }
  }

  /** Who took which list, in which form, how many rows: journaled as a read. */
  private void taken(Context ctx, Rosters.Summary r, String format, int rows) {
    journal.read(
        Guard.current(ctx).username(),
        "download",
        "roster/" + r.id(),
        java.util.Map.of("format", format, "rows", rows));
  }

  /** The error report: row, column, header, value and reason, in the reader's language. */
  private void problems(Context ctx) throws IOException {
    Rosters.Summary r = RosterRoutes.summary(rosters, ctx);
    approved(r);
    if (Guard.current(ctx).outsider()) { // the cells as written, contacts among them
      throw new org.handover.server.web.WebServer.Forbidden("problems", "contacts.original");
    }
    taken(ctx, r, "problems", r.errorRows());
    Messages m = Guard.messages(ctx);
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header(
        "Content-Disposition", "attachment; filename=\"roster-" + r.id() + "-problems.csv\"");
    try (CsvExport csv = new CsvExport(ctx.outputStream())) {
      csv.row(
          List.of(
              m.get("report.row"),
              m.get("report.column"),
              m.get("report.header"),
              m.get("report.value"),
              m.get("report.reason")));
      for (int offset = 0; ; offset += 5000) {
        List<Rosters.StoredEntry> page = rosters.entries(r.id(), true, offset, 5000);
        for (Rosters.StoredEntry e : page) {
          for (Entry.Problem p : e.problems()) {
            csv.row(
                List.of(
                    String.valueOf(e.line()), // the file's row, as stored with the entry
                    String.valueOf(p.column()),
                    p.header(),
                    p.value(),
                    m.get(p.key(), p.args().toArray())));
          }
        }
        if (page.size() < 5000) {
          break;
        }
      }
    }
  }
}
