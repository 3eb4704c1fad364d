package org.handover.core.negotiations;

import java.time.LocalDate;
import java.util.Optional;
import org.handover.core.Keys;
import org.handover.core.parties.Party;

/** A party's answer to a proposal, with what was said and where it was reported. */
public record Position(
    String key,
    Party party,
    String proposal,
    Stance stance,
    Optional<Text> quote,
    Text source,
    LocalDate on) {
  public Position {
    Item.key(key);
    Item.key(proposal);
  }

  public enum Stance {
    ACCEPTS,
    REJECTS,
    WILL_STUDY,
    NO_ANSWER;

    public String key() {
      return Keys.of(this);
    }
  }
}
