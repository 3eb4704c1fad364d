package org.handover.core.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One person per entry and one entry per person, heaviest link first, and what a reviewer must see
 * beside them: an entry's candidates within {@link Linker#MIN_MARGIN} bits of its link; and for an
 * entry whose candidates all went to other entries (the same man listed twice, or a namesake),
 * those within the margin of the link that took them. Such a rival (there, or among an entry's own
 * near-ties) is a near-tie seen from the person's side, so the link that took the person is no
 * longer sure either: its margin is its lead over the rival as well.
 */
record OneToOne(List<Linker.Link> links, List<Linker.Link> alternatives) {

  /** From the links of every candidate, sorted heaviest first, with their margins. */
  static OneToOne of(List<Linker.Link> sorted) {
    Map<Integer, Linker.Link> byEntry = new HashMap<>();
    Map<Integer, Linker.Link> byPerson = new HashMap<>();
    List<Linker.Link> kept = new ArrayList<>();
    for (Linker.Link l : sorted) {
      if (!byEntry.containsKey(l.left()) && !byPerson.containsKey(l.right())) {
        byEntry.put(l.left(), l);
        byPerson.put(l.right(), l);
        kept.add(l);
      }
    }
    Map<Linker.Link, Double> rivalled = new IdentityHashMap<>();
    List<Linker.Link> alternatives = new ArrayList<>();
    for (Linker.Link l : sorted) {
      Linker.Link own = byEntry.get(l.left());
      if (own == l) {
        continue;
      }
      // beside the entry's own link, or beside the link that took its person
      Linker.Link taker = byPerson.get(l.right());
      Linker.Link beside = own != null ? own : taker;
      double behind = l.scored().weight() - beside.scored().weight();
      if (behind > -Linker.MIN_MARGIN) {
        alternatives.add(new Linker.Link(l.left(), l.right(), l.scored(), Math.min(0, behind)));
        // a rival its own link does not explain away makes the person's link unsure too
        if (taker != null && taker.left() != l.left()) {
          double lead = taker.scored().weight() - l.scored().weight();
          if (lead < Linker.MIN_MARGIN) {
            rivalled.merge(taker, lead, Math::min);
          }
        }
      }
    }
    List<Linker.Link> links = new ArrayList<>(kept.size());
    for (Linker.Link l : kept) {
      Double lead = rivalled.get(l);
      links.add(
          lead == null || lead >= l.margin()
              ? l
              : new Linker.Link(l.left(), l.right(), l.scored(), lead));
    }
    return new OneToOne(links, alternatives);
  }
}
