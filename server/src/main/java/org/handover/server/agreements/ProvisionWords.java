package org.handover.server.agreements;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.handover.core.agreements.Provision;
import org.handover.core.agreements.Selection;
import org.handover.core.parties.Party;
import org.handover.core.parties.PartyBook;
import org.handover.server.i18n.Messages;

/**
 * A provision in the words of one language: "all for all: severely wounded and seriously sick",
 * "усі на усіх: тяжкопоранені та тяжкохворі", "1 000 на 1 000".
 */
public final class ProvisionWords {
  private final Messages m;
  private final PartyBook parties;

  public ProvisionWords(Messages m, PartyBook parties) {
    this.m = m;
    this.parties = parties;
  }

  public String of(Provision p) {
    if (p instanceof Provision.AllForAll a) {
      return m.get("provision.all-for-all", selections(a.selections()));
    }
    if (p instanceof Provision.NForN n) {
      return n.extension() == 0
          ? m.get("provision.n-for-n", n.quota(), selections(n.selections()))
          : m.get(
              "provision.n-for-n-extension",
              n.quota(),
              n.quota() + n.extension(),
              selections(n.selections()));
    }
    if (p instanceof Provision.Unilateral u) {
      return m.get(
          "provision.unilateral." + u.subject().key(),
          parties.name(u.from(), m.language()),
          u.count());
    }
    Provision.NamedList l = (Provision.NamedList) p;
    return m.get("provision.named-list", l.rosterId());
  }

  /** Alternatives, each a list of conditions. */
  public String selections(List<Selection> selections) {
    return selections.stream()
        .map(this::selection)
        .collect(Collectors.joining(m.get("selection.or")));
  }

  public String selection(Selection s) {
    if (s.isAnyone()) {
      return m.get("selection.anyone");
    }
    List<String> parts = new ArrayList<>();
    if (!s.kinds().isEmpty()) {
      parts.add(values(s.kinds().stream().sorted().map(k -> "selection.kind." + k.key()).toList()));
    }
    if (!s.health().isEmpty()) {
      parts.add(
          values(s.health().stream().sorted().map(h -> "selection.health." + h.key()).toList()));
    }
    s.age().ifPresent(a -> parts.add(age(a)));
    if (!s.statuses().isEmpty()) {
      parts.add(
          m.get(
              "selection.status",
              values(s.statuses().stream().sorted().map(st -> "status." + st.key()).toList())));
    }
    if (!s.heldBy().isEmpty()) {
      parts.add(
          m.get(
              "selection.held-by",
              s.heldBy().stream()
                  .map(p -> parties.name(p, m.language()))
                  .collect(Collectors.joining(m.get("selection.and")))));
    }
    return String.join(", ", parts);
  }

  private String age(org.handover.core.agreements.AgeRange a) {
    if (a.from() == a.to()) {
      return m.get("selection.age-one", a.from());
    }
    if (a.to() >= 150) {
      return m.get("selection.age-from", a.from());
    }
    if (a.from() == 0) {
      return m.get("selection.age-to", a.to());
    }
    return m.get("selection.age", a.from(), a.to());
  }

  private String values(Collection<String> keys) {
    return keys.stream().map(m::get).collect(Collectors.joining(m.get("selection.and")));
  }

  /** The name of a party in this language. */
  public String party(Party p) {
    return parties.name(p, m.language());
  }
}
