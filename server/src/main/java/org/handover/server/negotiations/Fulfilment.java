package org.handover.server.negotiations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.handover.core.agreements.Decision;
import org.handover.core.agreements.Provision;
import org.handover.core.negotiations.Commitment;
import org.handover.core.negotiations.Implementation;
import org.handover.core.parties.Party;
import org.handover.server.agreements.Agreement;
import org.handover.server.agreements.Agreements;
import org.handover.server.agreements.EligibilityRun;
import org.handover.server.tracing.ChildCards;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Where each commitment of a round stands on a date: counted from the ledgers where it is linked
 * (persons carried out under a provision, remains handed over, children reunified, lists handed
 * over), otherwise from the latest progress recorded by hand; its state on the PAM scale, and
 * whether it is overdue.
 */
public final class Fulfilment {
  /**
   * The share from which a commitment is intermediate: HANDOVER_PAM_INTERMEDIATE, 0.5 by default.
   */
  public static double intermediate() {
    String v = System.getenv("HANDOVER_PAM_INTERMEDIATE");
    try {
      double d = v == null || v.isBlank() ? 0.5 : Double.parseDouble(v.strip());
      if (!(d > 0 && d < 1)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "HANDOVER_PAM_INTERMEDIATE: not a share between 0 and 1: '" + v + "'");
    }
  }

  /** How a state was reached. */
  public enum Basis {
    LEDGER,
    BY_HAND,
    NOTHING_RECORDED
  }

  /** A commitment on a date. */
  public record State(
      Commitment commitment,
      OptionalLong done,
      OptionalLong due,
      Implementation state,
      Basis basis,
      Optional<Negotiations.Progress> evidence,
      boolean overdue) {
    public long percent() {
      return done.isPresent() && due.isPresent() && due.getAsLong() > 0
          ? Math.round(100.0 * Math.min(done.getAsLong(), due.getAsLong()) / due.getAsLong())
          : 0;
    }
  }

  private Fulfilment() {}

  /** Every commitment of the round on {@code asOf}, in the record's order. */
  public static List<State> of(
      Jdbi jdbi,
      StoredRound round,
      List<Negotiations.Progress> progress,
      LocalDate asOf,
      Optional<Party> own,
      double intermediate) {
    return jdbi.withHandle(
        h -> {
          List<State> states = new ArrayList<>();
          for (Commitment c : round.record().commitments()) {
            states.add(state(h, jdbi, round, progress, c, asOf, own, intermediate));
          }
          return states;
        });
  }

  private static State state(
      Handle h,
      Jdbi jdbi,
      StoredRound round,
      List<Negotiations.Progress> progress,
      Commitment c,
      LocalDate asOf,
      Optional<Party> own,
      double intermediate) {
    LocalDate since = round.record().round().date();
    boolean ours = own.filter(c.party()::equals).isPresent();
    long done;
    OptionalLong due;
    if (c.link() instanceof Commitment.Link.ByHand) {
      Optional<Negotiations.Progress> last =
          progress.stream()
              .filter(p -> p.commitment().equals(c.key()) && !p.on().isAfter(asOf))
              .max(
                  Comparator.comparing(Negotiations.Progress::on)
                      .thenComparing(Negotiations.Progress::id));
      if (last.isEmpty()) {
        return done(
            c,
            OptionalLong.empty(),
            quantity(c),
            Implementation.NOT_INITIATED,
            Basis.NOTHING_RECORDED,
            last,
            asOf);
      }
      Negotiations.Progress p = last.get();
      Implementation s =
          p.state()
              .orElseGet(
                  () ->
                      c.quantity().isPresent()
                          ? Implementation.of(
                              p.done().getAsLong(), c.quantity().get(), intermediate)
                          : p.done().getAsLong() > 0
                              ? Implementation.MINIMAL
                              : Implementation.NOT_INITIATED);
      return done(c, p.done(), quantity(c), s, Basis.BY_HAND, last, asOf);
    } else if (c.link() instanceof Commitment.Link.ToProvision t) {
      Optional<Long> agreement = round.agreement(t.agreement());
      String direction = ours ? "out" : "in";
      // none when the agreement was not made, or it has no such provision
      Optional<Provision> found =
          agreement.flatMap(
              a ->
                  Agreements.find(h, a).orElseThrow().provisions().stream()
                      .filter(n -> n.number() == t.number())
                      .map(Agreement.Numbered::provision)
                      .findFirst());
      if (found.isEmpty()) {
        return done(
            c,
            OptionalLong.empty(),
            quantity(c),
            Implementation.NOT_INITIATED,
            Basis.NOTHING_RECORDED,
            Optional.empty(),
            asOf);
      }
      Provision p = found.get();
      done =
          p instanceof Provision.Unilateral u
                  && u.subject() == org.handover.core.agreements.Subject.REMAINS
              ? org.handover.server.remains.Register.moved(
                  h, agreement.get(), t.number(), u.from(), asOf)
              : carriedOut(h, agreement.get(), t.number(), direction, Optional.of(asOf));
      due = quantity(c);
      if (due.isEmpty()) {
        if (p instanceof Provision.NForN n) {
          due = OptionalLong.of(n.quota());
        } else if (p instanceof Provision.Unilateral u) {
          due = OptionalLong.of(u.count());
        } else if (own.isPresent()) {
          EligibilityRun.Counts counts = EligibilityRun.run(jdbi, p, asOf, own.get(), r -> {});
          long still =
              counts.of(
                  ours ? EligibilityRun.Side.US : EligibilityRun.Side.THEM, Decision.ELIGIBLE);
          // who is still eligible is known today only: what is due is everyone carried out so far
          // and those still to go, whatever the date asked
          long carried = carriedOut(h, agreement.get(), t.number(), direction, Optional.empty());
          due = OptionalLong.of(carried + still);
        }
      }
    } else if (c.link() instanceof Commitment.Link.ToRemains) {
      done =
          h.createQuery(
                  "SELECT count(*) FROM remains_cases k JOIN remains_transfers t ON t.id ="
                      + " k.transfer_id WHERE t.from_party = :p AND t.direction = 'in' AND"
                      + " t.on_date BETWEEN :since AND :on")
              .bind("p", c.party().code())
              .bind("since", since)
              .bind("on", asOf)
              .mapTo(Long.class)
              .one();
      if (ours) {
        done =
            h.createQuery(
                    "SELECT coalesce(sum(t.bodies), 0) FROM remains_transfers t WHERE"
                        + " t.direction = 'out' AND t.on_date BETWEEN :since AND :on")
                .bind("since", since)
                .bind("on", asOf)
                .mapTo(Long.class)
                .one();
      }
      due = quantity(c);
    } else if (c.link() instanceof Commitment.Link.ToReunifications) {
      // when cases were said to belong to the commitment, only theirs count; else every one
      List<Long> belonging = ChildCards.belongingTo(h, round.key() + "/" + c.key(), asOf);
      done =
          h.createQuery(
                  "SELECT count(DISTINCT s.child_id) FROM tracing_steps s WHERE s.state ="
                      + " 'reunified' AND s.on_date BETWEEN :since AND :on"
                      + (belonging.isEmpty() ? "" : " AND s.child_id IN (<children>)"))
              .bind("since", since)
              .bind("on", asOf)
              .bindList("children", belonging.isEmpty() ? List.of(0L) : belonging)
              .mapTo(Long.class)
              .one();
      due =
          quantity(c).isPresent() || belonging.isEmpty()
              ? quantity(c)
              : OptionalLong.of(belonging.size());
    } else {
      Commitment.Link.ToRosters r = (Commitment.Link.ToRosters) c.link();
      done =
          h.createQuery(
                  "SELECT count(*) FROM rosters WHERE from_party = :p AND purpose = :purpose AND"
                      + " state = 'complete' AND received_on BETWEEN :since AND :on")
              .bind("p", c.party().code())
              .bind("purpose", org.handover.core.Keys.of(r.purpose()))
              .bind("since", since)
              .bind("on", asOf)
              .mapTo(Long.class)
              .one();
      due = OptionalLong.of(c.quantity().orElse(1L));
    }
    Implementation s =
        due.isPresent() && due.getAsLong() > 0
            ? Implementation.of(done, due.getAsLong(), intermediate)
            : done > 0 ? Implementation.MINIMAL : Implementation.NOT_INITIATED;
    return done(c, OptionalLong.of(done), due, s, Basis.LEDGER, Optional.empty(), asOf);
  }

  /** Persons carried out under a provision one way, in exchanges held up to a day or ever. */
  private static long carriedOut(
      Handle h, long agreement, int provision, String direction, Optional<LocalDate> until) {
    return h.createQuery(
            "SELECT count(*) FROM exchange_persons p JOIN exchanges x ON x.id = p.exchange_id"
                + " WHERE x.agreement_id = :a AND x.provision = :n AND p.direction = :d AND"
                + " p.outcome IN ('handed-over', 'received')"
                + (until.isPresent() ? " AND x.on_date <= :on" : ""))
        .bind("a", agreement)
        .bind("n", provision)
        .bind("d", direction)
        .bindMap(until.isPresent() ? java.util.Map.of("on", until.get()) : java.util.Map.of())
        .mapTo(Long.class)
        .one();
  }

  private static OptionalLong quantity(Commitment c) {
    return c.quantity().map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  private static State done(
      Commitment c,
      OptionalLong done,
      OptionalLong due,
      Implementation s,
      Basis basis,
      Optional<Negotiations.Progress> evidence,
      LocalDate asOf) {
    boolean overdue =
        s != Implementation.FULL && c.deadline().filter(d -> d.isBefore(asOf)).isPresent();
    return new State(c, done, due, s, basis, evidence, overdue);
  }
}
