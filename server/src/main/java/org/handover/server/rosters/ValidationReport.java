package org.handover.server.rosters;

import java.util.List;

/**
 * What importing a list with a mapping would find: the lines of the file after its header, the
 * entries they make (fewer when quoted cells span lines), rows with problems, the first problems.
 */
public record ValidationReport(long lines, int rows, int problemRows, List<String> first) {
  public ValidationReport {
    first = List.copyOf(first);
  }
}
