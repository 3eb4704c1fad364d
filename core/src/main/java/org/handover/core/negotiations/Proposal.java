package org.handover.core.negotiations;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.handover.core.Keys;
import org.handover.core.parties.Party;

/** What a side proposed at a round, with its terms where they can be counted. */
public record Proposal(String key, Party by, Topic topic, Text summary, Terms terms) {
  public Proposal {
    Item.key(key);
  }

  public enum Topic {
    CEASEFIRE,
    LEADERS_MEETING,
    EXCHANGE,
    REMAINS,
    CHILDREN,
    OTHER;

    public String key() {
      return Keys.of(this);
    }
  }

  /**
   * A ceasefire's length and extension in days, where it applies; a meeting's window and the venues
   * named.
   */
  public record Terms(
      Optional<Integer> days,
      Optional<Integer> extensionDays,
      Optional<LocalDate> from,
      Optional<LocalDate> until,
      List<Text> venues) {
    public Terms {
      venues = List.copyOf(venues);
      if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
        throw new IllegalArgumentException(
            "terms: the window ends " + until.get() + " before it begins " + from.get());
      }
    }

    public static Terms none() {
      return new Terms(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }
  }
}
