package org.handover.core.exchanges;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.handover.core.agreements.Decision;
import org.handover.core.agreements.Provision;
import org.handover.core.agreements.Reason;
import org.handover.core.registry.PartialDate;
import org.handover.core.registry.ReleaseFacts;
import org.junit.jupiter.api.Test;

class PlannerTest {
  static final LocalDate DAY = LocalDate.of(2025, 6, 2);

  private static Planner.Candidate c(
      long id, Direction d, Decision decision, boolean severe, String since, long plannedIn) {
    return new Planner.Candidate(
        id,
        d,
        decision,
        List.of(new Reason("reason.age.unknown", List.of(18, 25))),
        severe,
        since.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(since)),
        Optional.of(PartialDate.parse("1990")),
        plannedIn,
        ReleaseFacts.Consent.YES,
        false,
        true);
  }

  @Test
  void nForNKeepsParityInEveryBatchAndPutsTheWoundedFirst() {
    List<Planner.Candidate> all = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      all.add(c(i, Direction.OUT, Decision.ELIGIBLE, false, "2023-01-0" + i, 0));
    }
    all.add(c(8, Direction.OUT, Decision.ELIGIBLE, true, "2024-12-01", 0));
    for (int i = 11; i <= 15; i++) {
      all.add(c(i, Direction.IN, Decision.ELIGIBLE, false, "2022-05-" + (10 + i), 0));
    }
    all.add(c(16, Direction.IN, Decision.UNCERTAIN, false, "2022-01-01", 0));
    all.add(c(17, Direction.IN, Decision.ELIGIBLE, false, "2022-01-01", 3));
    all.add(c(18, Direction.IN, Decision.NOT_ELIGIBLE, false, "2022-01-01", 0));
    Planner.Plan plan = Planner.plan(all, new Provision.NForN(1000, 0, List.of()), 2);
    // five of ours are there to receive: five each way, in batches of two, two, one
    assertThat(plan.count(Direction.OUT)).isEqualTo(5);
    assertThat(plan.count(Direction.IN)).isEqualTo(5);
    assertThat(plan.batches()).isEqualTo(3);
    for (int b = 1; b <= 3; b++) {
      int batch = b;
      assertThat(
              plan.placed().stream()
                  .filter(p -> p.batch() == batch && p.direction() == Direction.OUT)
                  .count())
          .isEqualTo(
              plan.placed().stream()
                  .filter(p -> p.batch() == batch && p.direction() == Direction.IN)
                  .count());
    }
    // the severely wounded goes first, then the longest held
    assertThat(plan.placed().get(0).personId()).isEqualTo(8);
    assertThat(plan.placed().get(1).personId()).isEqualTo(1);
    // three held back for parity, counted; one uncertain and one planned already, listed to act
    // on; the not eligible are not listed
    assertThat(plan.heldBack()).extracting(l -> l.reason().key()).containsOnly("plan.left.parity");
    assertThat(plan.heldBack(Direction.OUT)).isEqualTo(3);
    assertThat(plan.leftOut())
        .extracting(l -> l.reason().key())
        .containsExactlyInAnyOrder("plan.left.uncertain", "plan.left.planned");
    assertThat(plan.leftOut())
        .filteredOn(l -> l.personId() == 16)
        .singleElement()
        .satisfies(
            l ->
                assertThat(l.detail())
                    .extracting(Reason::key)
                    .containsExactly("reason.age.unknown"));
  }

  private static Planner.Candidate will(
      long id, Direction d, boolean severe, ReleaseFacts.Consent consent, boolean certified) {
    return new Planner.Candidate(
        id,
        d,
        Decision.ELIGIBLE,
        List.of(),
        severe,
        Optional.empty(),
        Optional.empty(),
        0,
        consent,
        certified,
        true);
  }

  @Test
  void oursTheHoldingSideNeverAcknowledgedAreRaisedNotPlanned() {
    List<Planner.Candidate> all = new ArrayList<>();
    all.add(c(1, Direction.OUT, Decision.ELIGIBLE, false, "2023-01-01", 0));
    all.add(c(2, Direction.OUT, Decision.ELIGIBLE, false, "2023-01-02", 0));
    all.add(c(11, Direction.IN, Decision.ELIGIBLE, false, "2023-01-01", 0));
    Planner.Candidate unseen = c(12, Direction.IN, Decision.ELIGIBLE, true, "2022-01-01", 0);
    all.add(
        new Planner.Candidate(
            unseen.personId(),
            unseen.direction(),
            unseen.decision(),
            unseen.reasons(),
            unseen.severe(),
            unseen.heldSince(),
            unseen.born(),
            0,
            unseen.consent(),
            false,
            false));
    Planner.Plan plan = Planner.plan(all, new Provision.NForN(1000, 0, List.of()), 10);
    // one each way: the wounded man they never acknowledged is listed to raise, not counted in
    assertThat(plan.count(Direction.IN)).isEqualTo(1);
    assertThat(plan.count(Direction.OUT)).isEqualTo(1);
    assertThat(plan.leftOut())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.personId()).isEqualTo(12);
              assertThat(l.reason().key()).isEqualTo("plan.left.unacknowledged");
            });
  }

  @Test
  void theStatedWillAndCertificationComeBeforeParity() {
    List<Planner.Candidate> all = new ArrayList<>();
    all.add(c(1, Direction.OUT, Decision.ELIGIBLE, false, "2023-01-01", 0));
    all.add(c(2, Direction.OUT, Decision.ELIGIBLE, false, "2023-01-02", 0));
    // two certified for direct repatriation with a quota of one: both are handed over anyway
    all.add(will(3, Direction.OUT, false, ReleaseFacts.Consent.YES, true));
    all.add(will(6, Direction.OUT, false, ReleaseFacts.Consent.YES, true));
    // wounded, never asked: not planned; refused: not planned
    all.add(will(4, Direction.OUT, true, ReleaseFacts.Consent.NOT_ASKED, false));
    all.add(will(5, Direction.OUT, false, ReleaseFacts.Consent.NO, false));
    all.add(c(11, Direction.IN, Decision.ELIGIBLE, false, "2023-01-01", 0));
    all.add(c(13, Direction.IN, Decision.ELIGIBLE, false, "2023-01-01", 0));
    // two of ours certified: one within parity, the other flagged to raise, not silently held back
    all.add(will(12, Direction.IN, false, ReleaseFacts.Consent.YES, true));
    all.add(will(14, Direction.IN, false, ReleaseFacts.Consent.YES, true));
    Planner.Plan plan = Planner.plan(all, new Provision.NForN(1, 0, List.of()), 10);
    assertThat(plan.placed()).extracting(Planner.Placed::personId).containsExactly(3L, 6L, 12L);
    assertThat(plan.leftOut())
        .extracting(l -> l.personId() + " " + l.reason().key())
        .containsExactlyInAnyOrder(
            "4 plan.left.no-consent", "5 plan.left.refused", "14 plan.left.certified");
    assertThat(plan.heldBack())
        .extracting(Planner.LeftOut::personId)
        .containsExactlyInAnyOrder(1L, 2L, 11L, 13L);
  }

  @Test
  void anEarlierExchangeUsesUpPartOfTheQuotaAndTheWillIsAskedOfThoseWeHandOver() {
    List<Planner.Candidate> all = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      all.add(c(i, Direction.OUT, Decision.ELIGIBLE, false, "2023-01-01", 0));
    }
    // ours, wounded, held by them: whether they were asked is theirs to record, not a bar here
    for (int i = 11; i <= 16; i++) {
      all.add(will(i, Direction.IN, true, ReleaseFacts.Consent.NOT_ASKED, false));
    }
    Planner.Plan plan = Planner.plan(all, new Provision.NForN(5, 0, List.of()), 10, 3);
    assertThat(plan.count(Direction.OUT)).isEqualTo(2);
    assertThat(plan.count(Direction.IN)).isEqualTo(2);
    assertThat(plan.leftOut()).isEmpty();
    assertThat(plan.heldBack()).extracting(l -> l.reason().key()).containsOnly("plan.left.quota");
  }

  @Test
  void theQuotaCapsBothSides() {
    List<Planner.Candidate> all = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      all.add(c(i, Direction.OUT, Decision.ELIGIBLE, false, "2023-01-01", 0));
      all.add(c(100 + i, Direction.IN, Decision.ELIGIBLE, false, "2023-01-01", 0));
    }
    Planner.Plan plan = Planner.plan(all, new Provision.NForN(4, 0, List.of()), 10);
    assertThat(plan.count(Direction.OUT)).isEqualTo(4);
    assertThat(plan.heldBack())
        .extracting(l -> l.reason().key())
        .containsOnly("plan.left.quota")
        .hasSize(4);
    assertThat(plan.leftOut()).isEmpty();
  }

  @Test
  void allForAllTakesEveryoneEligibleWithoutParity() {
    List<Planner.Candidate> all = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      all.add(c(i, Direction.OUT, Decision.ELIGIBLE, false, "2023-01-01", 0));
    }
    all.add(c(9, Direction.IN, Decision.ELIGIBLE, false, "2023-01-01", 0));
    Planner.Plan plan = Planner.plan(all, new Provision.AllForAll(List.of()), 2);
    assertThat(plan.count(Direction.OUT)).isEqualTo(5);
    assertThat(plan.count(Direction.IN)).isEqualTo(1);
    assertThat(plan.batches()).isEqualTo(3);
    assertThat(plan.leftOut()).isEmpty();
  }
}
