package org.handover.server.rosters;

import java.util.List;
import org.handover.core.rosters.ColumnMapping;
import org.handover.core.rosters.Entry;
import org.handover.core.rosters.Field;
import org.handover.server.i18n.Messages;

/** A cell's problem in the reader's words: its row, column, header and text, and what is wrong. */
record CellProblem(ColumnMapping mapping, List<String> header, Messages m) {
  /** The problem of the cell that holds {@code f}, a mapped field. */
  String of(Entry e, Field f, String what) {
    int column = mapping.column(f).orElseThrow();
    return m.get("roster.problem", e.line(), column + 1, header.get(column), e.value(f), what);
  }
}
