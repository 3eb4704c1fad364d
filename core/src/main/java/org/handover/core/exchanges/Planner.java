package org.handover.core.exchanges;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.handover.core.agreements.Decision;
import org.handover.core.agreements.Provision;
import org.handover.core.agreements.Reason;
import org.handover.core.registry.PartialDate;
import org.handover.core.registry.ReleaseFacts;

/**
 * Plans an exchange under one provision: who goes in which batch, each way, and who is left out and
 * why. N for N keeps parity in every batch; all for all and a named list take everyone eligible.
 * Within a direction the severely wounded and sick come first, then the longest held, then the
 * oldest. Nobody uncertain is planned, nor anyone of ours the holding side has never acknowledged:
 * they are listed with the reason to act on.
 */
public final class Planner {
  private Planner() {}

  /** What the planner needs of a person. */
  public record Candidate(
      long personId,
      Direction direction,
      Decision decision,
      List<Reason> reasons,
      boolean severe,
      Optional<LocalDate> heldSince,
      Optional<PartialDate> born,
      long plannedIn,
      ReleaseFacts.Consent consent,
      boolean certified,
      boolean acknowledged) {}

  /** A person in a batch, at a position of the handover order. */
  public record Placed(long personId, Direction direction, int batch, int position) {}

  /** A person not planned, why, and for the uncertain, eligibility's own reasons. */
  public record LeftOut(long personId, Direction direction, Reason reason, List<Reason> detail) {
    public LeftOut {
      detail = List.copyOf(detail);
    }

    LeftOut(long personId, Direction direction, Reason reason) {
      this(personId, direction, reason, List.of());
    }
  }

  /**
   * A plan: who goes in which batch; who cannot be planned and why (uncertain, planned already),
   * for a person to act on; and who was eligible but not chosen (beyond the quota, or held back for
   * parity), counted rather than listed.
   */
  public record Plan(
      List<Placed> placed, List<LeftOut> leftOut, List<LeftOut> heldBack, int batches) {
    public long heldBack(Direction d) {
      return heldBack.stream().filter(l -> l.direction() == d).count();
    }

    public long count(Direction d) {
      return placed.stream().filter(p -> p.direction() == d).count();
    }
  }

  static final Comparator<Candidate> PRIORITY =
      Comparator.comparing((Candidate c) -> !c.certified())
          .thenComparing(c -> !c.severe())
          .thenComparing(c -> c.heldSince().orElse(LocalDate.MAX))
          .thenComparing(c -> c.born().map(PartialDate::earliest).orElse(LocalDate.MAX))
          .thenComparingLong(Candidate::personId);

  public static Plan plan(List<Candidate> all, Provision provision, int batchSize) {
    return plan(all, provision, batchSize, 0);
  }

  /**
   * As {@link #plan(List, Provision, int)}, with {@code used} persons each way already carried out
   * or pending under the same N-for-N provision: only the rest of the quota is planned.
   */
  public static Plan plan(List<Candidate> all, Provision provision, int batchSize, int used) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size: at least 1");
    }
    List<LeftOut> left = new ArrayList<>();
    List<LeftOut> back = new ArrayList<>();
    List<List<Candidate>> ready = List.of(new ArrayList<>(), new ArrayList<>());
    for (Candidate c : all) {
      if (c.decision() == Decision.NOT_ELIGIBLE) {
        continue;
      }
      if (c.plannedIn() > 0) {
        left.add(
            new LeftOut(c.personId(), c.direction(), reason("plan.left.planned", c.plannedIn())));
      } else if (c.consent() == ReleaseFacts.Consent.NO) {
        left.add(new LeftOut(c.personId(), c.direction(), reason("plan.left.refused")));
      } else if (c.direction() == Direction.OUT
          && c.severe()
          && c.consent() == ReleaseFacts.Consent.NOT_ASKED) {
        // the seriously wounded and sick are not repatriated against their will (GC III Art. 109)
        left.add(new LeftOut(c.personId(), c.direction(), reason("plan.left.no-consent")));
      } else if (c.direction() == Direction.IN && !c.acknowledged()) {
        // the holding side has never said it holds them: asked for, they are raised, not planned
        left.add(new LeftOut(c.personId(), c.direction(), reason("plan.left.unacknowledged")));
      } else if (c.decision() == Decision.UNCERTAIN) {
        left.add(
            new LeftOut(c.personId(), c.direction(), reason("plan.left.uncertain"), c.reasons()));
      } else {
        ready.get(c.direction().ordinal()).add(c);
      }
    }
    ready.forEach(l -> l.sort(PRIORITY));
    List<Candidate> out = ready.get(Direction.OUT.ordinal());
    List<Candidate> in = ready.get(Direction.IN.ordinal());
    int takeOut = out.size();
    int takeIn = in.size();
    if (provision instanceof Provision.NForN n) {
      // equal numbers: as many as the quota and the shorter side allow
      int quota = Math.max(0, n.quota() - used);
      int take = Math.min(quota, Math.min(out.size(), in.size()));
      // nobody certified for direct repatriation is held back to keep parity (GC III Art. 109:
      // "regardless of number"): ours to hand over go anyway, theirs are flagged to raise
      int certifiedBeyond =
          (int) out.subList(take, out.size()).stream().filter(Candidate::certified).count();
      takeOut = take + certifiedBeyond;
      takeIn = take;
      for (Candidate c : out.subList(take + certifiedBeyond, out.size())) {
        back.add(new LeftOut(c.personId(), c.direction(), parity(n, take, in.size())));
      }
      for (Candidate c : in.subList(take, in.size())) {
        if (c.certified()) {
          left.add(new LeftOut(c.personId(), c.direction(), reason("plan.left.certified")));
        } else {
          back.add(new LeftOut(c.personId(), c.direction(), parity(n, take, out.size())));
        }
      }
    }
    List<Placed> placed = new ArrayList<>();
    int batches = 0;
    for (Direction d : Direction.values()) {
      List<Candidate> list = d == Direction.OUT ? out : in;
      int take = d == Direction.OUT ? takeOut : takeIn;
      for (int i = 0; i < take; i++) {
        int batch = i / batchSize + 1;
        placed.add(new Placed(list.get(i).personId(), d, batch, i % batchSize + 1));
        batches = Math.max(batches, batch);
      }
    }
    return new Plan(placed, left, back, batches);
  }

  private static Reason parity(Provision.NForN n, int take, int otherSide) {
    return take < otherSide
        ? reason("plan.left.quota", n.quota())
        : reason("plan.left.parity", otherSide);
  }

  private static Reason reason(String key, Object... args) {
    return new Reason(key, List.of(args));
  }
}
