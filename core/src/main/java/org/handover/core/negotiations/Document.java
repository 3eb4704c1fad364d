package org.handover.core.negotiations;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.handover.core.Keys;
import org.handover.core.parties.Party;

/**
 * A document that changed hands: a memorandum, a proposal paper, a list; when, where the record
 * knows it; its parts each with a summary, and the time the receiving side asked to study it.
 */
public record Document(
    String key,
    Kind kind,
    Party from,
    Party to,
    Optional<LocalDate> handedOn,
    Text title,
    List<Text> parts,
    Optional<Integer> reviewDays) {
  public Document {
    Item.key(key);
    parts = List.copyOf(parts);
  }

  /**
   * Until when the receiving side said it would study it: the days it asked for are counted from
   * the round where it said so.
   */
  public Optional<LocalDate> reviewUntil(LocalDate round) {
    return reviewDays.map(round::plusDays);
  }

  public enum Kind {
    MEMORANDUM,
    PROPOSAL_PAPER,
    LIST;

    public String key() {
      return Keys.of(this);
    }
  }
}
