package org.handover.core.agreements;

import java.util.List;

/** A person's eligibility under a provision, with the reasons that decided it. */
public record Verdict(Decision decision, List<Reason> reasons) {
  public Verdict {
    reasons = List.copyOf(reasons);
  }
}
