package org.handover.server.rosters;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.rosters.ColumnMapping;
import org.handover.core.rosters.Entry;
import org.handover.core.rosters.EntryReader;
import org.handover.core.rosters.RosterFileException;
import org.handover.core.rosters.Table;
import org.handover.core.rosters.Tables;
import org.handover.server.web.View;

/**
 * What the roster upload's forms carry, read and checked: the file's reading, the details, the
 * validation.
 */
final class RosterForms {
  private RosterForms() {}

  /**
   * The reading the user chose on the preview form (encoding, separator, sheet), detected where
   * left empty.
   */
  static Tables.Options options(Context ctx) {
    Tables.Options o = Tables.Options.detect();
    String enc = ctx.formParam("encoding");
    if (enc != null && !enc.isBlank()) {
      o = o.withCharset(Charset.forName(enc));
    }
    String delim = ctx.formParam("delimiter");
    if (delim != null && !delim.isEmpty()) {
      o = o.withDelimiter(delim.equals("tab") ? '\t' : delim.charAt(0));
    }
    o = o.withLiteralQuotes("on".equals(ctx.formParam("literal_quotes")));
    String sheet = ctx.formParam("sheet");
    return sheet == null || sheet.isBlank()
        ? o
        : o.withSheet(Math.max(0, Integer.parseInt(sheet.strip()) - 1));
  }

  /**
   * Every row of the file read with the mapping: how many, how many have problems, the first
   * problems in words.
   */
  static ValidationReport validate(
      Uploads.Staged s,
      Tables.Options options,
      List<String> header,
      ColumnMapping mapping,
      LocalDate today,
      View view) {
    int rows = 0;
    int bad = 0;
    long lastLine = 1;
    List<String> first = new ArrayList<>();
    try (Table t = Tables.open(s.file(), s.name(), options)) {
      EntryReader reader = new EntryReader(header, mapping, today);
      for (Optional<Table.Row> r = t.next(); r.isPresent(); r = t.next()) {
        Entry e = reader.read(r.get());
        rows++;
        lastLine = r.get().line() + r.get().lines() - 1;
        if (!e.ok()) {
          bad++;
          for (Entry.Problem p : e.problems()) {
            if (first.size() < 20) {
              first.add(
                  view.t(
                      "roster.problem",
                      p.row(),
                      p.column(),
                      p.header(),
                      p.value(),
                      view.t(p.key(), p.args().toArray())));
            }
          }
        }
      }
    } catch (RosterFileException e) {
      first.add(view.t(e.key(), e.args().toArray()));
    } catch (IOException e) {
      first.add(view.t("error.file.unreadable", String.valueOf(e.getMessage())));
    }
    return new ValidationReport(lastLine - 1, rows, bad, first);
  }

  /** The roster details as the form holds them, "" where empty. */
  static Map<String, String> details(Context ctx) {
    Map<String, String> d = new HashMap<>();
    for (String f : List.of("from", "to", "purpose", "received", "notes", "save_mapping")) {
      String v = ctx.formParam(f);
      d.put(f, v == null ? "" : v);
    }
    return d;
  }
}
