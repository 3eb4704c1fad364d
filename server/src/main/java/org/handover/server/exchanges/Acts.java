package org.handover.server.exchanges;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.handover.core.exchanges.Outcome;
import org.handover.core.matching.PersonRecord;
import org.handover.core.rosters.ColumnMapping;
import org.handover.core.rosters.Entry;
import org.handover.core.rosters.EntryReader;
import org.handover.core.rosters.Field;
import org.handover.core.rosters.RosterFileException;
import org.handover.core.rosters.Table;
import org.handover.core.rosters.Tables;
import org.handover.server.i18n.Messages;
import org.handover.server.matching.MatchRecords;

/**
 * An act of transfer as the other side (or ours) writes it: names and dates of birth as they write
 * them, and an outcome column in any of the three languages.
 */
final class Acts {
  private Acts() {}

  /** One row of an act. */
  record Row(int row, String name, PersonRecord record, Outcome outcome) {}

  private static final Map<String, Outcome> WORDS = new HashMap<>();

  static {
    for (Outcome o : Outcome.values()) {
      WORDS.put(fold(o.key()), o);
      for (String lang : Messages.LANGUAGES) {
        WORDS.put(fold(Messages.of(lang).get("outcome." + o.key())), o);
      }
    }
    String[][] more = {
      {"handed-over", "передано", "передан", "передана", "переданий", "передана особа"},
      {
        "received",
        "отримано",
        "отриманий",
        "отримана",
        "получен",
        "получена",
        "принят",
        "прийнятий"
      },
      {"refused", "відмовився", "відмовилася", "отказался", "отказалась", "відмова", "отказ"},
      {"did-not-appear", "не з'явився", "не з'явилася", "не явился", "не явилась", "неявка"},
      {"died", "помер", "померла", "умер", "умерла", "загинув", "погиб"}
    };
    for (String[] row : more) {
      for (int i = 1; i < row.length; i++) {
        WORDS.put(fold(row[i]), Outcome.fromKey(row[0]));
      }
    }
  }

  static String fold(String text) {
    return text.toLowerCase(Locale.ROOT)
        .replace('ё', 'е')
        .replace('’', '\'')
        .replace('ʼ', '\'')
        .replace('-', ' ')
        .replace('_', ' ')
        .replaceAll("\\s+", " ")
        .strip();
  }

  /**
   * Reads an act; every row that cannot be read (no name, an outcome in no known words) is a
   * problem naming its row, column and value.
   */
  static List<Row> read(Path file, Messages m, List<String> problems)
      throws IOException, RosterFileException {
    List<Row> rows = new ArrayList<>();
    try (Table t = Tables.open(file, file.getFileName().toString(), Tables.Options.detect())) {
      ColumnMapping mapping = ColumnMapping.guess(t.header());
      if (!mapping.hasName()) {
        throw new RosterFileException(
            "error.file.no-name-column", "no name column", String.join(", ", t.header()));
      }
      Optional<Integer> outcomeColumn = mapping.column(Field.OUTCOME);
      if (outcomeColumn.isEmpty()) {
        throw new RosterFileException(
            "error.act.no-outcome-column", "no outcome column", String.join(", ", t.header()));
      }
      EntryReader reader = new EntryReader(t.header(), mapping, LocalDate.now());
      for (Optional<Table.Row> r = t.next(); r.isPresent(); r = t.next()) {
        Entry e = reader.read(r.get());
        if (e.family().isEmpty() && e.given().isEmpty()) {
          continue;
        }
        String cell = e.value(Field.OUTCOME);
        Outcome o = WORDS.get(fold(cell));
        if (o == null) {
          problems.add(
              m.get(
                  "roster.problem",
                  e.line(),
                  outcomeColumn.get() + 1,
                  t.header().get(outcomeColumn.get()),
                  cell,
                  m.get("error.act.outcome", cell)));
          continue;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Field f : Field.values()) {
          fields.put(f.key(), e.value(f));
        }
        rows.add(
            new Row(
                Math.toIntExact(e.line()), // as the file shows it, for the act's messages
                String.join(" ", e.family(), e.given(), e.patronymic()).strip(),
                MatchRecords.of(
                    e.row(), e.family(), e.given(), e.patronymic(), e.birthDate(), fields),
                o));
      }
    }
    return rows;
  }
}
