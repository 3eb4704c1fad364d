package org.handover.server.exchanges;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.agreements.Decision;
import org.handover.core.agreements.Provision;
import org.handover.core.exchanges.Direction;
import org.handover.core.parties.Party;
import org.handover.server.agreements.Agreement;
import org.handover.server.agreements.EligibilityRun;
import org.handover.server.i18n.Messages;
import org.jdbi.v3.core.Jdbi;

/**
 * How much of an agreement is carried out: per provision the persons handed over and received
 * against what it calls for — twice the quota for N for N; for all for all and a named list, those
 * carried out plus those still eligible today; for a unilateral provision, its count, against the
 * persons carried out or the remains moved under it — and the share of the whole.
 */
public final class AgreementFulfilment {
  /**
   * Remains moved under a provision by the party it names: the remains register's ledger, which
   * this feature does not keep.
   */
  public interface Remains {
    long moved(long agreement, int provision, Party from);
  }

  /** One provision's figures; {@code due} is empty when the provision is not counted. */
  public record Share(int provision, long done, Optional<Long> due, boolean remains) {
    public Share(int provision, long done, Optional<Long> due) {
      this(provision, done, due, false);
    }

    public long percent() {
      return due.filter(d -> d > 0).map(d -> Math.round(100.0 * Math.min(done, d) / d)).orElse(0L);
    }
  }

  private AgreementFulfilment() {}

  public static List<Share> of(
      Jdbi jdbi,
      Exchanges exchanges,
      Remains remains,
      Agreement a,
      LocalDate today,
      Optional<Party> own) {
    List<Share> shares = new ArrayList<>();
    for (Agreement.Numbered n : a.provisions()) {
      Map<Direction, Long> carried = exchanges.carriedOut(a.id(), n.number());
      long out = carried.get(Direction.OUT);
      long in = carried.get(Direction.IN);
      Provision p = n.provision();
      if (p instanceof Provision.NForN q) {
        shares.add(
            new Share(
                n.number(),
                Math.min(out, q.quota()) + Math.min(in, q.quota()),
                Optional.of(2L * q.quota())));
      } else if (p instanceof Provision.Unilateral u) {
        // what the party it names handed over; both ways when we do not know which side we are
        boolean bodies = u.subject() == org.handover.core.agreements.Subject.REMAINS;
        long done =
            bodies
                ? remains.moved(a.id(), n.number(), u.from())
                : own.map(o -> u.from().equals(o) ? out : in).orElse(out + in);
        shares.add(new Share(n.number(), done, Optional.of((long) u.count()), bodies));
      } else if (own.isEmpty()) {
        shares.add(new Share(n.number(), out + in, Optional.empty()));
      } else {
        EligibilityRun.Counts c = EligibilityRun.run(jdbi, p, today, own.get(), r -> {});
        long still = 0;
        for (EligibilityRun.Side s : EligibilityRun.Side.values()) {
          still += c.of(s, Decision.ELIGIBLE);
        }
        shares.add(new Share(n.number(), out + in, Optional.of(out + in + still)));
      }
    }
    return shares;
  }

  /** The share of the whole agreement, over the provisions counted; empty when none is. */
  public static Optional<Long> percent(List<Share> shares) {
    long done = 0;
    long due = 0;
    for (Share s : shares) {
      if (s.due().isPresent()) {
        done += Math.min(s.done(), s.due().get());
        due += s.due().get();
      }
    }
    return due == 0 ? Optional.empty() : Optional.of(Math.round(100.0 * done / due));
  }

  /** The figures in words, one line per provision and one for the whole. */
  public static List<String> lines(List<Share> shares, Messages m) {
    List<String> lines = new ArrayList<>();
    for (Share s : shares) {
      lines.add(
          s.due().isPresent()
              ? m.get(
                  s.remains() ? "fulfilment.provision-remains" : "fulfilment.provision",
                  s.provision(),
                  s.done(),
                  s.due().get(),
                  s.percent())
              : m.get("fulfilment.not-counted", s.provision()));
    }
    percent(shares).ifPresent(p -> lines.add(m.get("fulfilment.agreement", p)));
    return lines;
  }
}
