package org.handover.core.rosters;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which column holds which {@link Field}: guessed from the headers, shown to the user to confirm or
 * change, and saved as a profile per counterpart.
 *
 * <pre>{@code
 * ColumnMapping m = ColumnMapping.guess(List.of("№", "Прізвище", "Ім'я", "Дата народження"));
 * m.column(Field.FAMILY)   // Optional[1]
 * }</pre>
 */
public record ColumnMapping(Map<Field, Integer> columns) {
  public ColumnMapping {
    columns = Map.copyOf(columns);
  }

  public Optional<Integer> column(Field f) {
    return Optional.ofNullable(columns.get(f));
  }

  public boolean hasName() {
    return columns.containsKey(Field.FAMILY) || columns.containsKey(Field.FULL_NAME);
  }

  /**
   * The mapping the headers suggest. A header named twice is refused, since its column could not be
   * told apart; a field named by two headers goes to the first.
   */
  public static ColumnMapping guess(List<String> header) throws RosterFileException {
    checkHeader(header);
    Map<Field, Integer> m = new EnumMap<>(Field.class);
    for (int i = 0; i < header.size(); i++) {
      int column = i;
      Field.forHeader(header.get(i)).ifPresent(f -> m.putIfAbsent(f, column));
    }
    return new ColumnMapping(m);
  }

  /**
   * Refuses a header with a name twice, or a column without a name. A name of signs only ("№", "#",
   * "№ п/п" is letters) is a name: lists number their rows under it.
   */
  public static void checkHeader(List<String> header) throws RosterFileException {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String h = Field.normalize(header.get(i));
      if (h.isEmpty()) {
        h = header.get(i) == null ? "" : header.get(i).strip();
      }
      if (h.isEmpty()) {
        throw new RosterFileException(
            "error.file.header-missing",
            "column " + (i + 1) + " has no header",
            String.valueOf(i + 1));
      }
      Integer before = seen.put(h, i);
      if (before != null) {
        throw new RosterFileException(
            "error.file.header-duplicated",
            "the header '" + header.get(i) + "' names columns " + (before + 1) + " and " + (i + 1),
            header.get(i),
            String.valueOf(before + 1),
            String.valueOf(i + 1));
      }
    }
  }

  /** A mapping from field keys to column numbers counted from 1, as a profile stores it. */
  public Map<String, Integer> toProfile() {
    Map<String, Integer> out = new LinkedHashMap<>();
    columns.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .forEach(e -> out.put(e.getKey().key(), e.getValue() + 1));
    return out;
  }

  public static ColumnMapping fromProfile(Map<String, Integer> profile, int columnCount)
      throws RosterFileException {
    Map<Field, Integer> m = new EnumMap<>(Field.class);
    for (Map.Entry<String, Integer> e : profile.entrySet()) {
      Field f;
      try {
        f = Field.fromKey(e.getKey());
      } catch (IllegalArgumentException ex) {
        throw new RosterFileException(
            "error.mapping.field",
            "the mapping names an unknown field '" + e.getKey() + "'",
            e.getKey());
      }
      if (e.getValue() < 1 || e.getValue() > columnCount) {
        throw new RosterFileException(
            "error.mapping.column",
            "the mapping puts "
                + e.getKey()
                + " in column "
                + e.getValue()
                + ", but the list has "
                + columnCount,
            e.getKey(),
            String.valueOf(e.getValue()),
            String.valueOf(columnCount));
      }
      m.put(f, e.getValue() - 1);
    }
    return new ColumnMapping(m);
  }
}
