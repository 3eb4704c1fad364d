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
  private final Rosters rosters;
  private final boolean confirmedOnly;

  public RosterExport(Rosters rosters) {
    this(rosters, false);
  }

  /**
   * With {@code confirmedOnly}, only the entries a reviewer has linked to a person of the registry.
   */
  public RosterExport(Rosters rosters, boolean confirmedOnly) {
    this.rosters = rosters;
    this.confirmedOnly = confirmedOnly;
  }

  private List<Rosters.StoredEntry> page(Rosters.Summary r, int offset) {
    return confirmedOnly
        ? rosters.confirmedEntries(r.id(), offset, PAGE)
        : rosters.entries(r.id(), false, offset, PAGE);
  }

  /**
   * Row number, name parts, date of birth, then every other mapped field, in the mapping's order.
   */
  public void csv(Rosters.Summary r, Messages m, OutputStream out) throws IOException {
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
      for (int offset = 0; ; offset += PAGE) {
        List<Rosters.StoredEntry> page = page(r, offset);
        for (Rosters.StoredEntry e : page) {
          List<String> row =
              new ArrayList<>(
                  List.of(
                      String.valueOf(e.row()), e.family(), e.given(), e.patronymic(), e.born()));
          fields.forEach(f -> row.add(e.fields().getOrDefault(f, "")));
          csv.row(row);
        }
        if (page.size() < PAGE) {
          break;
        }
      }
    }
  }

  public void json(Rosters.Summary r, OutputStream out) throws IOException {
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
      g.writeStringField("notes", r.notes());
      g.writeStringField("sourceFile", r.fileName());
      g.writeStringField("sourceSha256", r.sha256());
      g.writeEndObject();
      g.writeArrayFieldStart("entries");
      for (int offset = 0; ; offset += PAGE) {
        List<Rosters.StoredEntry> page = page(r, offset);
        for (Rosters.StoredEntry e : page) {
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
        }
        if (page.size() < PAGE) {
          break;
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /** A workbook with the same columns as the CSV; dates stay text, as they were read. */
  public void xlsx(Rosters.Summary r, Messages m, OutputStream out) throws IOException {
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
    int row = 1;
    for (int offset = 0; ; offset += PAGE) {
      List<Rosters.StoredEntry> page = page(r, offset);
      for (Rosters.StoredEntry e : page) {
        ws.value(row, 0, e.row());
        ws.value(row, 1, e.family());
        ws.value(row, 2, e.given());
        ws.value(row, 3, e.patronymic());
        ws.value(row, 4, e.born());
        for (int i = 0; i < fields.size(); i++) {
          ws.value(row, 5 + i, e.fields().getOrDefault(fields.get(i), ""));
        }
        row++;
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    wb.finish();
  }

  /** The printable manifest for signing on paper. */
  public void pdf(
      Rosters.Summary r, Messages m, PartyBook parties, String checkpoint, OutputStream out)
      throws IOException {
    List<Rosters.StoredEntry> all = new ArrayList<>();
    for (int offset = 0; ; offset += PAGE) {
      List<Rosters.StoredEntry> page = page(r, offset);
      all.addAll(page);
      if (page.size() < PAGE) {
        break;
      }
    }
    Manifest.write(r, all, otherFields(r), m, parties, checkpoint, out);
  }

  private static List<String> otherFields(Rosters.Summary r) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : r.mapping().entrySet()) {
      String f = e.getKey();
      if (!List.of("family", "given", "patronymic", "full-name", "birth-date").contains(f)) {
        out.add(f);
      }
    }
    return out;
  }
}
