package org.handover.core.parties;

import java.util.List;
import java.util.Optional;

/**
 * The parties an installation knows, and which of them is its own (none for an intermediary's
 * installation, which keeps both sides' lists). "Ours" and "the counterpart" follow from it.
 *
 * <pre>{@code
 * book.name(Party.of("RU"), "uk")   // "Росія"
 * book.counterpart()                // Optional[RU] when the installation is UA's and RU the only other side
 * }</pre>
 */
public record PartyBook(List<PartyProfile> all, Optional<Party> own) {
  public PartyBook {
    all = List.copyOf(all);
  }

  public Optional<PartyProfile> find(Party party) {
    return all.stream().filter(p -> p.party().equals(party)).findFirst();
  }

  /** The party's name in a language; its code when the installation does not know it. */
  public String name(Party party, String language) {
    return find(party).map(p -> p.name(language)).orElse(party.code());
  }

  /**
   * The other side at war, when this installation has a side and exactly one other side is known.
   */
  public Optional<Party> counterpart() {
    if (own.isEmpty()) {
      return Optional.empty();
    }
    List<Party> others =
        all.stream()
            .filter(p -> p.kind() == PartyKind.BELLIGERENT && !p.party().equals(own.get()))
            .map(PartyProfile::party)
            .toList();
    return others.size() == 1 ? Optional.of(others.get(0)) : Optional.empty();
  }

  public boolean knows(Party party) {
    return find(party).isPresent();
  }

  /**
   * The known party whose code is exactly {@code code}: what a form or an option names, checked
   * against the book rather than trusted (empty for a forged or unknown code).
   */
  public Optional<Party> byCode(String code) {
    return all.stream().filter(p -> p.code().equals(code)).map(p -> Party.of(p.code())).findFirst();
  }
}
