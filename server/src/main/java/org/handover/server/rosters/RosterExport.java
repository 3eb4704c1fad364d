package org.handover.server.rosters;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.handover.core.parties.PartyBook;
import org.handover.core.rosters.CsvExport;
import org.handover.server.i18n.Messages;
import org.handover.server.storage.Json;

/**
 * Writes a stored roster out: as CSV for spreadsheets, headed in the reader's language, or in
 * Handover's JSON interchange format (docs/roster-interchange.schema.json), page by page so that
 * large rosters need little memory.
 */
public final class RosterExport {
  private static final int PAGE = 5000;

  /** The forms a list is exported in, on the web and the command line alike. */
  public static final List<String> FORMATS = List.of("csv", "xlsx", "json", "pdf");

  /** The content type a download of that form is sent with; empty for a form there is not. */
  public static java.util.Optional<String> contentType(String format) {
    return java.util.Optional.ofNullable(
        switch (format) {
          case "csv" -> "text/csv; charset=utf-8";
          case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
          case "json" -> "application/json";
          case "pdf" -> "application/pdf";
          default -> null;
        });
  }

  private final Rosters rosters;
  private final boolean confirmedOnly;
  private final Selection selection;
  private final boolean withoutContacts;

  /**
   * Which entries an export holds and what another feature adds to each (the matching feature: the
   * person of the registry each is linked to, and the decision). Added fields are named by keys
   * that "list-field." + key names in messages.
   */
  public interface Selection {
    Selection EVERY =
        new Selection() {
          @Override
          public List<String> fields() {
            return List.of();
          }

          @Override
          public Map<Integer, Map<String, String>> keep(
              long rosterId, List<Rosters.StoredEntry> page, Messages shown) {
            Map<Integer, Map<String, String>> all = new java.util.HashMap<>();
            page.forEach(e -> all.put(e.row(), Map.of()));
            return all;
          }
        };

    List<String> fields();

    /**
     * The entries of a page the export keeps, each with its added fields: as a reader reads them in
     * {@code shown}'s language, or as stored when {@code shown} is null (JSON).
     */
    Map<Integer, Map<String, String>> keep(
        long rosterId, List<Rosters.StoredEntry> page, Messages shown);
  }

  public RosterExport(Rosters rosters) {
    this(rosters, false);
  }

  /**
   * With {@code confirmedOnly}, only the entries a reviewer has linked to a person of the registry.
   */
  public RosterExport(Rosters rosters, boolean confirmedOnly) {
    this(rosters, confirmedOnly, Selection.EVERY);
  }

  public RosterExport(Rosters rosters, boolean confirmedOnly, Selection selection) {
    this(rosters, confirmedOnly, selection, false);
  }

  private RosterExport(
      Rosters rosters, boolean confirmedOnly, Selection selection, boolean withoutContacts) {
    this.rosters = rosters;
    this.confirmedOnly = confirmedOnly;
    this.selection = selection;
    this.withoutContacts = withoutContacts;
  }

  /** The same export without relatives' contacts: for a user of another party. */
  public RosterExport withoutContacts() {
    return new RosterExport(rosters, confirmedOnly, selection, true);
  }

  /** Every entry kept, in order, with the selection's fields among its own. */
  private void each(Rosters.Summary r, Messages shown, IoConsumer<Rosters.StoredEntry> out)
      throws IOException {
    for (int offset = 0; ; offset += PAGE) {
      List<Rosters.StoredEntry> page =
          confirmedOnly
              ? rosters.confirmedEntries(r.id(), offset, PAGE)
              : rosters.entries(r.id(), false, offset, PAGE);
      Map<Integer, Map<String, String>> kept = selection.keep(r.id(), page, shown);
      for (Rosters.StoredEntry e : page) {
        Map<String, String> added = kept.get(e.row());
        if (added != null) {
          Map<String, String> fields = new java.util.LinkedHashMap<>(e.fields());
          fields.putAll(added);
          out.accept(
              new Rosters.StoredEntry(
                  e.row(),
                  e.line(),
                  e.cells(),
                  e.family(),
                  e.given(),
                  e.patronymic(),
                  e.born(),
                  fields,
                  e.problems()));
        }
      }
      if (page.size() < PAGE) {
        return;
      }
    }
  }

  private interface IoConsumer<T> {
    void accept(T t) throws IOException;
  }

  /**
   * Row number, name parts, date of birth, then every other mapped field, in the mapping's order.
   */
  public void csv(Rosters.Summary r, Messages m, OutputStream out) throws IOException {
    rosters.disclosure().check(r);
    List<String> fields = otherFields(r);
    try (CsvExport csv = new CsvExport(out)) {
      List<String> header =
          new ArrayList<>(
              List.of(
                  "№",
                  m.get("list-field.family"),
                  m.get("list-field.given"),
                  m.get("list-field.patronymic"),
                  m.get("list-field.birth-date")));
      fields.forEach(f -> header.add(m.get("list-field." + f)));
      csv.row(header);
      each(
          r,
          m,
          e -> {
            List<String> row =
                new ArrayList<>(
                    List.of(
                        String.valueOf(e.row()), e.family(), e.given(), e.patronymic(), e.born()));
            fields.forEach(f -> row.add(e.fields().getOrDefault(f, "")));
            csv.row(row);
          });
    }
  }

  public void json(Rosters.Summary r, OutputStream out) throws IOException {
    rosters.disclosure().check(r);
    List<String> fields = otherFields(r);
    try (JsonGenerator g = Json.factory().createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("format", "handover-roster");
      g.writeNumberField("version", 1);
      g.writeObjectFieldStart("roster");
      g.writeStringField("from", r.from().key());
      g.writeStringField("to", r.to().key());
      g.writeStringField("receivedOn", r.receivedOn().toString());
      g.writeStringField("purpose", r.purpose());
      // free text stays with us when the list goes to the other side
      g.writeStringField("notes", rosters.disclosure().outgoing(r) ? "" : r.notes());
      g.writeStringField("sourceFile", r.fileName());
      g.writeStringField("sourceSha256", r.sha256());
      g.writeEndObject();
      g.writeArrayFieldStart("entries");
      each(
          r,
          null,
          e -> {
            g.writeStartObject();
            g.writeNumberField("row", e.row());
            g.writeStringField("family", e.family());
            g.writeStringField("given", e.given());
            g.writeStringField("patronymic", e.patronymic());
            g.writeStringField("birthDate", e.born());
            g.writeObjectFieldStart("fields");
            for (String f : fields) {
              String v = e.fields().get(f);
              if (v != null) {
                g.writeStringField(f, v);
              }
            }
            g.writeEndObject();
            g.writeEndObject();
          });
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /** A workbook with the same columns as the CSV; dates stay text, as they were read. */
  public void xlsx(Rosters.Summary r, Messages m, OutputStream out) throws IOException {
    rosters.disclosure().check(r);
    List<String> fields = otherFields(r);
    Workbook wb = new Workbook(out, "Handover", "1.0");
    Worksheet ws =
        wb.newWorksheet(m.get("manifest.title", r.id()).replaceAll("[\\\\/?*\\[\\]:]", " "));
    List<String> header =
        new ArrayList<>(
            List.of(
                "№",
                m.get("list-field.family"),
                m.get("list-field.given"),
                m.get("list-field.patronymic"),
                m.get("list-field.birth-date")));
    fields.forEach(f -> header.add(m.get("list-field." + f)));
    for (int c = 0; c < header.size(); c++) {
      ws.value(0, c, header.get(c));
      ws.style(0, c).bold().set();
    }
    int[] row = {1};
    each(
        r,
        m,
        e -> {
          ws.value(row[0], 0, e.row());
          ws.value(row[0], 1, e.family());
          ws.value(row[0], 2, e.given());
          ws.value(row[0], 3, e.patronymic());
          ws.value(row[0], 4, e.born());
          for (int i = 0; i < fields.size(); i++) {
            ws.value(row[0], 5 + i, e.fields().getOrDefault(fields.get(i), ""));
          }
          row[0]++;
        });
    wb.finish();
  }

  /** The printable manifest for signing on paper. */
  public void pdf(
      Rosters.Summary r, Messages m, PartyBook parties, String checkpoint, OutputStream out)
      throws IOException {
    rosters.disclosure().check(r);
    List<Rosters.StoredEntry> all = new ArrayList<>();
    each(r, m, all::add);
    Manifest.write(r, all, otherFields(r), m, parties, checkpoint, out);
  }

  private List<String> otherFields(Rosters.Summary r) {
    java.util.function.Predicate<String> kept = rosters.disclosure().keeps(r);
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : r.mapping().entrySet()) {
      String f = e.getKey();
      if (!Disclosure.NAME_FIELDS.contains(f)
          && kept.test(f)
          && !(withoutContacts && Disclosure.CONTACTS.contains(f))) {
        out.add(f);
      }
    }
    out.addAll(selection.fields());
    return out;
  }
}
