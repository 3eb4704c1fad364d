package org.handover.core.rosters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.handover.core.registry.PartialDate;
import org.handover.core.registry.Person;
import org.handover.names.NameParser;
import org.handover.names.ParsedName;

/**
 * Reads a row's cells into an {@link Entry} by a {@link ColumnMapping}: splits a full name with the
 * names library, reads dates as text or as Excel serial numbers, and records every problem with its
 * row, column, value and reason.
 */
public final class EntryReader {
  private static final Pattern SERIAL = Pattern.compile("\\d{1,5}(\\.0+)?");
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
  private final List<String> header;
  private final ColumnMapping mapping;
  private final LocalDate today;
  private final boolean namesRequired;

  public EntryReader(List<String> header, ColumnMapping mapping, LocalDate today) {
    this(header, mapping, today, true);
  }

  private EntryReader(
      List<String> header, ColumnMapping mapping, LocalDate today, boolean namesRequired) {
    this.header = List.copyOf(header);
    this.mapping = mapping;
    this.today = today;
    this.namesRequired = namesRequired;
  }

  /** A reader for a list that has no name column at all: remains that come as tags alone. */
  public EntryReader withoutNames() {
    return new EntryReader(header, mapping, today, false);
  }

  public Entry read(Table.Row row) {
    List<Entry.Problem> problems = new ArrayList<>();
    List<String> cells = row.cells();
    if (row.runawayQuote()) {
      int c = 0;
      while (c < cells.size() && !cells.get(c).contains("\n") && !cells.get(c).contains("\r")) {
        c++;
      }
      String cell = c < cells.size() ? cells.get(c) : "";
      problems.add(
          new Entry.Problem(
              fileRow(row),
              c + 1,
              c < header.size() ? header.get(c) : "",
              cell.length() > 60 ? cell.substring(0, 60) + "…" : cell,
              "error.row.runaway-quote",
              List.of(String.valueOf(row.line()), String.valueOf(row.lines()))));
    }
    if (cells.size() > header.size()) {
      List<String> extra = cells.subList(header.size(), cells.size());
      if (extra.stream().anyMatch(c -> !c.isBlank())) {
        problems.add(
            new Entry.Problem(
                fileRow(row),
                header.size() + 1,
                "",
                String.join(" | ", extra),
                "error.row.extra-cells",
                List.of(String.valueOf(cells.size()), String.valueOf(header.size()))));
      }
    } else if (cells.size() < header.size() && cells.size() > 0) {
      problems.add(
          new Entry.Problem(
              fileRow(row),
              cells.size() + 1,
              header.get(cells.size()),
              "",
              "error.row.missing-cells",
              List.of(String.valueOf(cells.size()), String.valueOf(header.size()))));
    }
    Map<Field, String> values = new EnumMap<>(Field.class);
    for (Map.Entry<Field, Integer> m : mapping.columns().entrySet()) {
      int c = m.getValue();
      String v = c < cells.size() ? cells.get(c).strip() : "";
      int max = m.getKey() == Field.NOTES ? Person.MAX_NOTES : Person.MAX_TEXT;
      if (v.length() > max) {
        problems.add(
            problem(row, c, v.substring(0, 40) + "…", "error.too-long", String.valueOf(max)));
        v = v.substring(0, max);
      }
      if (!v.isEmpty()) {
        values.put(m.getKey(), v);
      }
    }
    String family = values.getOrDefault(Field.FAMILY, "");
    String given = values.getOrDefault(Field.GIVEN, "");
    String patronymic = values.getOrDefault(Field.PATRONYMIC, "");
    if (family.isEmpty() && values.containsKey(Field.FULL_NAME)) {
      ParsedName p = NameParser.parse(values.get(Field.FULL_NAME));
      family = p.family();
      given = given.isEmpty() ? p.given() : given;
      patronymic = patronymic.isEmpty() ? p.patronymic() : patronymic;
    }
    if (namesRequired && family.isEmpty() && given.isEmpty()) {
      // a given name alone is still someone to find
      int c = mapping.column(Field.FAMILY).or(() -> mapping.column(Field.FULL_NAME)).orElse(0);
      problems.add(problem(row, c, "", "error.required"));
    }
    Optional<PartialDate> birth = Optional.empty();
    String dob = values.getOrDefault(Field.BIRTH_DATE, "");
    if (!dob.isEmpty()) {
      int c = mapping.column(Field.BIRTH_DATE).orElse(0);
      try {
        PartialDate d = date(dob);
        if (d.after(today)) {
          problems.add(problem(row, c, dob, "error.date.future", dob));
        } else {
          birth = Optional.of(d);
        }
      } catch (PartialDate.InvalidDateException e) {
        problems.add(problem(row, c, dob, "error.date.impossible", dob));
      }
    }
    return new Entry(
        row.number(), row.line(), cells, values, family, given, patronymic, birth, problems);
  }

  /**
   * Text dates as the registry reads them; a bare number of up to five digits that is no year, as
   * Excel's day count.
   */
  static PartialDate date(String value) {
    String v = value.strip();
    if (SERIAL.matcher(v).matches()) {
      int n = (int) Double.parseDouble(v);
      if (!(v.length() == 4 && n >= 1850 && n <= 2100) && n > 0) {
        LocalDate d = EXCEL_EPOCH.plusDays(n);
        return PartialDate.of(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
      }
    }
    return PartialDate.parse(v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) : v);
  }

  private Entry.Problem problem(
      Table.Row row, int column, String value, String key, String... args) {
    return new Entry.Problem(
        fileRow(row),
        column + 1,
        column < header.size() ? header.get(column) : "",
        value,
        key,
        List.of(args));
  }

  /** The row as the file shows it: a sheet's row number, a text file's line, the header counted. */
  private static int fileRow(Table.Row row) {
    return Math.toIntExact(row.line());
  }
}
