package org.handover.core.rosters;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.registry.PartialDate;

/**
 * One row of a roster: its raw cells exactly as read, the fields parsed from them, and what could
 * not be read. An entry with problems is kept, never dropped.
 *
 * @param row the row in the file's data, 1 = first row after the header
 * @param values the mapped cells, trimmed, by field
 */
public record Entry(
    int row,
    long line,
    List<String> cells,
    Map<Field, String> values,
    String family,
    String given,
    String patronymic,
    Optional<PartialDate> birthDate,
    List<Problem> problems) {
  /** What is wrong with one cell (or the row, when {@code column} is 0). */
  public record Problem(
      int row, int column, String header, String value, String key, List<String> args) {
    public Problem {
      args = List.copyOf(args);
    }
  }

  public Entry {
    cells = List.copyOf(cells);
    values = Map.copyOf(values);
    problems = List.copyOf(problems);
  }

  public String value(Field f) {
    return values.getOrDefault(f, "");
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
