package org.handover.core.rosters;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.registry.PartialDate;

/**
 * One row of a roster: its raw cells exactly as read, the fields parsed from them, and what could
 * not be read. An entry with problems is kept, never dropped.
 *
 * @param row the entry's number in the file's data, 1 = first row after the header
 * @param line the row as the file shows it, the header counted (a sheet's row number, a text file's
 *     line): what every message names, so that the user finds the row where it says
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
  /**
   * What is wrong with one cell (or the row, when {@code column} is 0); {@code row} as the file
   * shows it (the entry's {@code line}).
   */
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
