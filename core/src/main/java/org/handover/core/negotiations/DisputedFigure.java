package org.handover.core.negotiations;

import java.time.LocalDate;
import java.util.List;
import org.handover.core.parties.Party;

/** One quantity the parties state differently ("20,000 children" against "hundreds"). */
public record DisputedFigure(String key, Text subject, List<Statement> statements) {
  public DisputedFigure {
    Item.key(key);
    statements = List.copyOf(statements);
  }

  /** What one party stated, as it stated it, with where and when. */
  public record Statement(Party party, Text figure, Text source, LocalDate on) {}
}
