package org.handover.server.matching;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.handover.server.i18n.Messages;
import org.handover.server.rosters.RosterExport;
import org.handover.server.rosters.Rosters;

/**
 * A list as verified against the registry: which entries it keeps (every entry, the linked ones, or
 * those a reviewer confirmed) and, for each, the registry's reference, the person, how the link
 * stands and who decided. What a coordinator hands back.
 */
public final class VerifiedList implements RosterExport.Selection {
  /** Which entries a verified list holds. */
  public enum Only {
    ALL(Set.of(EntryLinks.State.values())),
    LINKED(Set.of(EntryLinks.State.CONFIRMED, EntryLinks.State.AUTO)),
    CONFIRMED(Set.of(EntryLinks.State.CONFIRMED));

    final Set<EntryLinks.State> states;

    Only(Set<EntryLinks.State> states) {
      this.states = states;
    }

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** From a link's or form's value; linked entries when none or an unknown one is given. */
    public static Only fromKey(String key) {
      for (Only o : values()) {
        if (o.key().equals(key)) {
          return o;
        }
      }
      return LINKED;
    }
  }

  static final List<String> FIELDS =
      List.of("registry-reference", "registry-person", "link-state", "decided-by");
  private static final int CHUNK = 5000;

  private final EntryLinks links;
  private final Set<EntryLinks.State> states;
  private int kept;

  public VerifiedList(EntryLinks links, Only only) {
    this(links, only.states);
  }

  VerifiedList(EntryLinks links, Set<EntryLinks.State> states) {
    this.links = links;
    this.states = states;
  }

  @Override
  public List<String> fields() {
    return FIELDS;
  }

  @Override
  public Map<Integer, Map<String, String>> keep(
      long rosterId, List<Rosters.StoredEntry> page, Messages shown) {
    Map<Integer, Map<String, String>> out = new LinkedHashMap<>();
    if (page.isEmpty()) {
      return out;
    }
    Map<Integer, EntryLinks.Link> byRow =
        links.of(rosterId, page.get(0).row(), page.get(page.size() - 1).row());
    for (Rosters.StoredEntry e : page) {
      EntryLinks.Link l = byRow.get(e.row());
      if (l != null && states.contains(l.state())) {
        Map<String, String> added = new LinkedHashMap<>();
        // a person only where the entry is linked: a rejected or waiting candidate is no answer
        added.put("registry-reference", l.linked() ? l.reference() : "");
        added.put("registry-person", l.linked() ? l.personName() : "");
        String state = l.state().key();
        added.put("link-state", shown == null ? state : shown.get("link-state." + state));
        added.put("decided-by", l.decidedBy());
        out.put(e.row(), added);
        kept++;
      }
    }
    return out;
  }

  /** How many entries the export kept so far. */
  public int kept() {
    return kept;
  }

  /** A roster read through once: how many entries stand in each state, and those asked for. */
  public record Scan(Map<EntryLinks.State, Integer> counts, List<EntryLinks.Link> chosen) {}

  /** The roster's links chunk by chunk: counted by state, those in {@code states} kept in order. */
  public static Scan scan(EntryLinks links, Rosters.Summary r, Set<EntryLinks.State> states) {
    Map<EntryLinks.State, Integer> counts = new EnumMap<>(EntryLinks.State.class);
    for (EntryLinks.State s : EntryLinks.State.values()) {
      counts.put(s, 0);
    }
    List<EntryLinks.Link> chosen = new ArrayList<>();
    for (int from = 1; from <= r.rows(); from += CHUNK) {
      links.of(r.id(), from, Math.min(r.rows(), from + CHUNK - 1)).values().stream()
          .sorted(java.util.Comparator.comparingInt(EntryLinks.Link::row))
          .forEach(
              l -> {
                counts.merge(l.state(), 1, Integer::sum);
                if (states.contains(l.state())) {
                  chosen.add(l);
                }
              });
    }
    return new Scan(counts, chosen);
  }
}
