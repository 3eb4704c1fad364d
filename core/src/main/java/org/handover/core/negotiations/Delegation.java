package org.handover.core.negotiations;

import java.util.List;
import org.handover.core.parties.Party;

/** A party's delegation at a round: its head and members, each with their post. */
public record Delegation(String key, Party party, Member head, List<Member> members) {
  public Delegation {
    Item.key(key);
    members = List.copyOf(members);
  }

  /** One person of a delegation; names as each language writes them. */
  public record Member(Text name, Text post) {}
}
