package org.handover.core.agreements;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.handover.core.registry.PartialDate;
import org.handover.core.registry.ReleaseFacts;

/**
 * Whether a person is eligible under a provision's selections on a date. A condition holds, fails,
 * or cannot be decided (a partial or missing date of birth against an age range); conditions are
 * ANDed, selections ORed. Nothing uncertain is ever decided silently: it is listed with its reason.
 *
 * <pre>{@code
 * Verdict v = Eligibility.of(candidate, provision.selections(), LocalDate.of(2025, 6, 2));
 * }</pre>
 */
public final class Eligibility {
  private Eligibility() {}

  public static Verdict of(Candidate c, List<Selection> selections, LocalDate on) {
    Decision best = Decision.NOT_ELIGIBLE;
    List<Reason> why = new ArrayList<>();
    for (Selection s : selections) {
      Verdict v = of(c, s, on);
      if (v.decision() == Decision.ELIGIBLE) {
        return v;
      }
      if (v.decision().ordinal() < best.ordinal()) {
        best = v.decision();
        why.clear();
      }
      if (v.decision() == best) {
        // every alternative that came as close says why it did not admit
        why.addAll(v.reasons());
      }
    }
    return new Verdict(best, why.stream().distinct().toList());
  }

  /** One selection: the first condition that fails decides; else any undecided one. */
  static Verdict of(Candidate c, Selection s, LocalDate on) {
    List<Reason> held = new ArrayList<>();
    List<Reason> undecided = new ArrayList<>();
    if (!s.kinds().isEmpty()) {
      if (!s.kinds().contains(c.kind())) {
        return no(Reason.of("reason.kind.not", c.kind().key()));
      }
      held.add(Reason.of("reason.kind", c.kind().key()));
    }
    if (!s.statuses().isEmpty()) {
      if (!s.statuses().contains(c.status())) {
        return no(Reason.of("reason.status.not", c.status().key()));
      }
      held.add(Reason.of("reason.status", c.status().key()));
    }
    if (!s.heldBy().isEmpty()) {
      if (c.heldBy().isEmpty() || !s.heldBy().contains(c.heldBy().get())) {
        return no(Reason.of("reason.held-by.not", c.heldBy().map(p -> p.code()).orElse("")));
      }
      held.add(Reason.of("reason.held-by", c.heldBy().get().code()));
    }
    if (!s.health().isEmpty()) {
      Optional<Health> recorded = s.health().stream().filter(c.health()::contains).findFirst();
      if (recorded.isEmpty()) {
        return no(Reason.of("reason.health.not"));
      }
      held.add(Reason.of("reason.health", recorded.get().key()));
    }
    if (s.age().isPresent()) {
      AgeRange range = s.age().get();
      if (c.born().isEmpty()) {
        undecided.add(Reason.of("reason.age.unknown", range.from(), range.to()));
      } else {
        PartialDate b = c.born().get();
        // the youngest the person can be is from the latest possible birthday, the oldest from the
        // earliest
        int youngest = Period.between(b.latest(), on).getYears();
        int oldest = Period.between(b.earliest(), on).getYears();
        String born = b.toString();
        if (oldest < range.from() || youngest > range.to()) {
          return no(
              youngest == oldest
                  ? Reason.of("reason.age.outside", born, youngest, on, range.from(), range.to())
                  : Reason.of(
                      "reason.age.outside-between",
                      born,
                      youngest,
                      oldest,
                      on,
                      range.from(),
                      range.to()));
        }
        if (youngest >= range.from() && oldest <= range.to()) {
          held.add(
              youngest == oldest
                  ? Reason.of("reason.age.within", born, youngest, on, range.from(), range.to())
                  : Reason.of(
                      "reason.age.within-between",
                      born,
                      youngest,
                      oldest,
                      on,
                      range.from(),
                      range.to()));
        } else {
          undecided.add(
              Reason.of(
                  "reason.age.between", born, youngest, oldest, on, range.from(), range.to()));
        }
      }
    }
    if (c.obstacle().isPresent()) {
      // what keeps the person from release decides last: the selection did admit them
      ReleaseFacts.Obstacle o = c.obstacle().get();
      Reason r = Reason.of("reason.obstacle." + o.key());
      if (o.rulesOut()) {
        return no(r);
      }
      undecided.add(r);
    }
    if (!undecided.isEmpty()) {
      return new Verdict(Decision.UNCERTAIN, undecided);
    }
    if (held.isEmpty()) {
      held.add(Reason.of("reason.anyone"));
    }
    return new Verdict(Decision.ELIGIBLE, held);
  }

  private static Verdict no(Reason r) {
    return new Verdict(Decision.NOT_ELIGIBLE, List.of(r));
  }
}
