package org.handover.server.tracing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.rosters.ColumnMapping;
import org.handover.core.rosters.Entry;
import org.handover.core.rosters.EntryReader;
import org.handover.core.rosters.Field;
import org.handover.core.rosters.RosterFileException;
import org.handover.core.rosters.Table;
import org.handover.core.rosters.Tables;
import org.handover.core.tracing.Kinship;
import org.handover.server.i18n.Messages;

/**
 * Reads relatives' requests from a list: one child sought a row; rows with the same reference are
 * one request seeking several children. A row without a relative, without consent to trace, or with
 * an unknown relation is a problem naming row and column; any problem stores nothing.
 */
final class RequestReader {
  private static final Map<String, Kinship> RELATIONS = new LinkedHashMap<>();

  static {
    for (Kinship k : Kinship.values()) {
      RELATIONS.put(k.key(), k);
    }
    String[][] words = {
      {"мати", "mother"},
      {"мама", "mother"},
      {"мать", "mother"},
      {"батько", "father"},
      {"тато", "father"},
      {"отец", "father"},
      {"бабуся", "grandmother"},
      {"бабушка", "grandmother"},
      {"баба", "grandmother"},
      {"дідусь", "grandfather"},
      {"дедушка", "grandfather"},
      {"дід", "grandfather"},
      {"брат", "sibling"},
      {"сестра", "sibling"},
      {"brother", "sibling"},
      {"sister", "sibling"},
      {"тітка", "aunt"},
      {"тетя", "aunt"},
      {"тётя", "aunt"},
      {"дядько", "uncle"},
      {"дядя", "uncle"},
      {"опікун", "guardian"},
      {"опекун", "guardian"},
      {"інше", "other"},
      {"другое", "other"}
    };
    for (String[] w : words) {
      RELATIONS.put(w[0], Kinship.fromKey(w[1]));
    }
  }

  /** The card's fields a request may already give, by the list field that holds them. */
  private static final Map<CardField, Field> LATER =
      Map.of(
          CardField.HEALTH, Field.HEALTH,
          CardField.BLOOD_GROUP, Field.BLOOD_GROUP,
          CardField.DOCUMENT_DATES, Field.DOCUMENT_DATES,
          CardField.LEFT_ON, Field.LEFT_ON,
          CardField.LEFT_AT, Field.LEFT_AT);

  /** The requests of a file, or the problems that keep it from being stored. */
  record Read(List<Request> requests, List<String> problems) {}

  static Read read(Path file, String fileName, Messages m, LocalDate today)
      throws IOException, RosterFileException {
    Map<String, List<Request.Sought>> children = new LinkedHashMap<>();
    Map<String, Request> heads = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    try (Table t = Tables.open(file, fileName, Tables.Options.detect())) {
      ColumnMapping mapping = ColumnMapping.guess(t.header());
      for (Field required : List.of(Field.REFERENCE, Field.RELATIVE, Field.CONSENT)) {
        if (mapping.column(required).isEmpty()) {
          throw new TracingException(
              "error.tracing.column",
              m.get("list-field." + required.key()),
              String.join(", ", t.header()));
        }
      }
      if (!mapping.hasName()) {
        throw new RosterFileException(
            "error.file.no-name-column", "no name column", String.join(", ", t.header()));
      }
      EntryReader reader = new EntryReader(t.header(), mapping, today);
      for (Optional<Table.Row> r = t.next(); r.isPresent(); r = t.next()) {
        Entry e = reader.read(r.get());
        String reference = e.value(Field.REFERENCE).strip();
        String relative = e.value(Field.RELATIVE).strip();
        String relation = e.value(Field.RELATION).strip().toLowerCase(java.util.Locale.ROOT);
        String consent = e.value(Field.CONSENT).strip();
        int before = problems.size();
        if (reference.isEmpty()) {
          problems.add(m.get("error.tracing.row", e.line(), m.get("error.tracing.no-reference")));
        }
        if (relative.isEmpty()) {
          problems.add(m.get("error.tracing.row", e.line(), m.get("error.tracing.no-relative")));
        }
        if (!relation.isEmpty() && !RELATIONS.containsKey(relation)) {
          problems.add(
              m.get(
                  "error.tracing.row",
                  e.line(),
                  m.get("error.tracing.relation", e.value(Field.RELATION))));
        }
        if (!yes(consent)) {
          problems.add(
              m.get("error.tracing.row", e.line(), m.get("error.tracing.no-consent", consent)));
        }
        if (e.family().isBlank() && e.given().isBlank()) {
          problems.add(m.get("error.tracing.row", e.line(), m.get("error.tracing.no-child")));
        }
        Map<CardField, String> later = new java.util.EnumMap<>(CardField.class);
        for (Map.Entry<CardField, Field> f : LATER.entrySet()) {
          try {
            later.put(f.getKey(), f.getKey().checked(e.value(f.getValue()), today));
          } catch (TracingException x) {
            problems.add(m.get("error.tracing.row", e.line(), m.get(x.key(), x.args().toArray())));
          }
        }
        if (problems.size() > before) {
          continue;
        }
        Request head =
            new Request(
                reference,
                relative,
                relation.isEmpty() ? Kinship.OTHER : RELATIONS.get(relation),
                e.value(Field.CONTACT).strip(),
                yes(e.value(Field.SHARING).strip()),
                List.of());
        Request known = heads.putIfAbsent(reference, head);
        if (known != null && !known.relative().equals(relative)) {
          problems.add(
              m.get(
                  "error.tracing.row",
                  e.line(),
                  m.get("error.tracing.other-relative", reference, known.relative())));
          continue;
        }
        children
            .computeIfAbsent(reference, k -> new ArrayList<>())
            .add(
                new Request.Sought(
                    e.family(),
                    e.given(),
                    e.patronymic(),
                    e.birthDate().map(Object::toString).orElse(""),
                    e.value(Field.BIRTH_PLACE).strip(),
                    e.value(Field.SEX).strip(),
                    e.value(Field.MOTHER).strip(),
                    e.value(Field.FATHER_NAME).strip(),
                    e.value(Field.SEPARATED_ON).strip(),
                    e.value(Field.SEPARATED_AT).strip(),
                    e.value(Field.CIRCUMSTANCES).strip(),
                    new Request.Card(
                        e.value(Field.OTHER_NAMES).strip(),
                        e.value(Field.CITIZENSHIP).strip(),
                        e.value(Field.NATIVE_LANGUAGE).strip(),
                        e.value(Field.DOCUMENT).strip(),
                        e.value(Field.SIBLINGS).strip(),
                        e.value(Field.FEATURES).strip(),
                        e.value(Field.LAST_RESIDENCE).strip(),
                        later.get(CardField.HEALTH),
                        later.get(CardField.BLOOD_GROUP),
                        later.get(CardField.DOCUMENT_DATES),
                        later.get(CardField.LEFT_ON),
                        later.get(CardField.LEFT_AT))));
        e.problems()
            .forEach(
                p ->
                    problems.add(
                        m.get(
                            "roster.problem",
                            p.row(),
                            p.column(),
                            p.header(),
                            p.value(),
                            m.get(p.key(), p.args().toArray()))));
      }
    }
    List<Request> requests = new ArrayList<>();
    heads.forEach(
        (ref, h) ->
            requests.add(
                new Request(
                    ref, h.relative(), h.relation(), h.contact(), h.sharing(), children.get(ref))));
    return new Read(requests, problems);
  }

  static boolean yes(String cell) {
    String f = cell.toLowerCase(java.util.Locale.ROOT).strip();
    return java.util.Set.of("так", "да", "yes", "y", "1", "+", "true", "т", "д").contains(f);
  }
}
