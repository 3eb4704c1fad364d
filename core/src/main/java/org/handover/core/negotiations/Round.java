package org.handover.core.negotiations;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.handover.core.parties.Party;

/** A meeting of the delegations: its number in the series, date, venue, host and mediators. */
public record Round(
    String key,
    int number,
    LocalDate date,
    Text venue,
    Optional<Party> host,
    List<Party> mediators,
    Optional<String> previous) {
  public Round {
    Item.key(key);
    if (number < 1) {
      throw new IllegalArgumentException("round.number: " + number + " is not a round's number");
    }
    mediators = List.copyOf(mediators);
  }
}
