package org.handover.core.rosters;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;

/**
 * A list's rows as text cells, read one at a time so that a million rows need not fit in memory.
 * The first row is the header; {@link #next} gives data rows (row 1 = first data row).
 */
public interface Table extends AutoCloseable {
  /**
   * One data row: its number (1 = first row after the header), the line it starts on, its cells,
   * how many lines of the file it spans (a quoted cell may hold line breaks), and whether a quoted
   * cell ran across lines taking in separators: a quote that was never meant to open one, whose
   * cell swallowed the rows after it.
   */
  record Row(int number, long line, List<String> cells, int lines, boolean runawayQuote) {
    public Row {
      // a NUL (a file cut from a binary export) is no text PostgreSQL can hold: dropped
      if (cells.stream().anyMatch(c -> c.indexOf('\0') >= 0)) {
        cells = cells.stream().map(c -> c.replace("\0", "")).toList();
      }
    }

    public Row(int number, long line, List<String> cells) {
      this(number, line, cells, 1, false);
    }
  }

  List<String> header();

  /** The next data row, or empty at the end. */
  Optional<Row> next() throws RosterFileException;

  /** The encoding the text was read in; empty for workbooks. */
  Optional<Charset> charset();

  /** The share of the file read so far, 0 to 1; -1 when it cannot be told. */
  default double progress() {
    return -1;
  }

  /** The cell separator; 0 for workbooks. */
  char delimiter();

  @Override
  void close();
}
