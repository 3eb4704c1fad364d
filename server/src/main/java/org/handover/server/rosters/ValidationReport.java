package org.handover.server.rosters;

import java.util.List;

/**
 * What importing a list with a mapping would find: rows, rows with problems, and the first
 * problems.
 */
public record ValidationReport(int rows, int problemRows, List<String> first) {
  public ValidationReport {
    first = List.copyOf(first);
  }
}
