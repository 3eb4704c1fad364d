package org.handover.core.agreements;

import java.util.List;
import org.handover.core.parties.Party;

/**
 * One thing an agreement provides. Selections are alternatives: any of them admits a person, so
 * "1,000 for 1,000 among the severely wounded or those aged 18–25" is one provision.
 */
public sealed interface Provision {

  /** Every person a selection admits, held by either side, is to be released; no count. */
  record AllForAll(List<Selection> selections) implements Provision {
    public AllForAll {
      selections = checked(selections);
    }

    @Override
    public String kind() {
      return "all-for-all";
    }
  }

  /** Equal numbers, {@code quota} each way, up to {@code quota + extension} if both agree. */
  record NForN(int quota, int extension, List<Selection> selections) implements Provision {
    public NForN {
      if (quota < 1) {
        throw new SelectionException("error.provision.quota", quota);
      }
      if (extension < 0) {
        throw new SelectionException("error.provision.extension", extension);
      }
      selections = checked(selections);
    }

    @Override
    public String kind() {
      return "n-for-n";
    }
  }

  /** One side hands over {@code count} persons or remains, asking nothing in return. */
  record Unilateral(Party from, int count, Subject subject) implements Provision {
    public Unilateral {
      if (count < 1) {
        throw new SelectionException("error.provision.count", count);
      }
    }

    @Override
    public String kind() {
      return "unilateral";
    }
  }

  /** Exactly the persons of a verified roster (the 339 children will be one). */
  record NamedList(long rosterId) implements Provision {
    public NamedList {
      if (rosterId < 1) {
        throw new SelectionException("error.provision.roster", rosterId);
      }
    }

    @Override
    public String kind() {
      return "named-list";
    }
  }

  /** The selections it admits by; a unilateral provision or a named list has none. */
  default List<Selection> selections() {
    return List.of();
  }

  /** all-for-all, n-for-n, unilateral, named-list. */
  String kind();

  private static List<Selection> checked(List<Selection> selections) {
    return selections.isEmpty() ? List.of(Selection.anyone()) : List.copyOf(selections);
  }
}
