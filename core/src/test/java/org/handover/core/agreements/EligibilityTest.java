package org.handover.core.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.handover.core.parties.Party;
import org.handover.core.registry.Kind;
import org.handover.core.registry.PartialDate;
import org.handover.core.registry.ReleaseFacts;
import org.handover.core.registry.Status;
import org.junit.jupiter.api.Test;

class EligibilityTest {
  static final LocalDate ROUND = LocalDate.of(2025, 6, 2);
  static final List<Selection> YOUNG = List.of(Selection.parse("age=18-25"));

  private static Candidate born(String date) {
    return new Candidate(
        1,
        Kind.SERVICE_MEMBER,
        Status.CAPTIVE,
        Optional.of(Party.of("RU")),
        date.isEmpty() ? Optional.empty() : Optional.of(PartialDate.parse(date)),
        Set.of(),
        Optional.empty());
  }

  private static Decision young(String date) {
    return Eligibility.of(born(date), YOUNG, ROUND).decision();
  }

  @Test
  void eighteenOnTheDayCountsAndTwentySixDoesNot() {
    assertThat(young("02.06.2007")).isEqualTo(Decision.ELIGIBLE);
    assertThat(young("03.06.2007")).isEqualTo(Decision.NOT_ELIGIBLE);
    assertThat(young("03.06.1999")).isEqualTo(Decision.ELIGIBLE);
    assertThat(young("02.06.1999")).isEqualTo(Decision.NOT_ELIGIBLE);
  }

  @Test
  void aPartialDateNeverDecidesSilently() {
    // born in 2000: 24 or 25 on 2 June 2025, within 18-25 either way
    Verdict y2000 = Eligibility.of(born("2000"), YOUNG, ROUND);
    assertThat(y2000.decision()).isEqualTo(Decision.ELIGIBLE);
    assertThat(y2000.reasons().get(0).key()).isEqualTo("reason.age.within-between");
    // born in 1999: 25 or 26, so it is for a person to check
    Verdict y1999 = Eligibility.of(born("1999"), YOUNG, ROUND);
    assertThat(y1999.decision()).isEqualTo(Decision.UNCERTAIN);
    assertThat(y1999.reasons().get(0).args()).containsExactly("1999", 25, 26, ROUND, 18, 25);
    assertThat(young("")).isEqualTo(Decision.UNCERTAIN);
    assertThat(young("1990")).isEqualTo(Decision.NOT_ELIGIBLE);
  }

  @Test
  void theFirstFailingConditionDecidesAndIsNamed() {
    Candidate c = born("14.03.2001");
    Verdict v = Eligibility.of(c, List.of(Selection.parse("kind=civilian;age=18-25")), ROUND);
    assertThat(v.decision()).isEqualTo(Decision.NOT_ELIGIBLE);
    assertThat(v.reasons())
        .containsExactly(new Reason("reason.kind.not", List.of("service-member")));
  }

  @Test
  void anySelectionAdmits() {
    Candidate wounded =
        new Candidate(
            2,
            Kind.SERVICE_MEMBER,
            Status.CAPTIVE,
            Optional.of(Party.of("RU")),
            Optional.of(PartialDate.parse("1980")),
            Set.of(Health.SEVERELY_WOUNDED),
            Optional.empty());
    List<Selection> either =
        List.of(
            Selection.parse("health=severely-wounded,seriously-sick"),
            Selection.parse("age=18-25"));
    assertThat(Eligibility.of(wounded, either, ROUND).decision()).isEqualTo(Decision.ELIGIBLE);
    assertThat(Eligibility.of(born("1999"), either, ROUND).decision())
        .isEqualTo(Decision.UNCERTAIN);
    Verdict neither = Eligibility.of(born("1970"), either, ROUND);
    assertThat(neither.decision()).isEqualTo(Decision.NOT_ELIGIBLE);
    // each alternative says why it did not admit
    assertThat(neither.reasons())
        .extracting(Reason::key)
        .containsExactly("reason.health.not", "reason.age.outside-between");
  }

  @Test
  void whatKeepsAPersonFromReleaseIsTheReason() {
    Candidate sentenced =
        new Candidate(
            3,
            Kind.SERVICE_MEMBER,
            Status.CAPTIVE,
            Optional.of(Party.of("RU")),
            Optional.of(PartialDate.parse("14.03.2001")),
            Set.of(),
            Optional.of(ReleaseFacts.Obstacle.SENTENCE));
    Verdict v = Eligibility.of(sentenced, YOUNG, ROUND);
    assertThat(v.decision()).isEqualTo(Decision.NOT_ELIGIBLE);
    assertThat(v.reasons()).extracting(Reason::key).containsExactly("reason.obstacle.sentence");
    Candidate inDoubt =
        new Candidate(
            4,
            Kind.SERVICE_MEMBER,
            Status.CAPTIVE,
            Optional.of(Party.of("RU")),
            Optional.of(PartialDate.parse("14.03.2001")),
            Set.of(),
            Optional.of(ReleaseFacts.Obstacle.STATUS_IN_DOUBT));
    assertThat(Eligibility.of(inDoubt, YOUNG, ROUND).decision()).isEqualTo(Decision.UNCERTAIN);
    // a repatriation decision is a health condition a selection can ask for
    Candidate decided =
        Candidate.of(
            5,
            Kind.SERVICE_MEMBER,
            Status.CAPTIVE,
            Optional.of(Party.of("UA")),
            Optional.empty(),
            Set.of(),
            true,
            Optional.empty());
    assertThat(
            Eligibility.of(decided, List.of(Selection.parse("health=repatriation-decided")), ROUND)
                .decision())
        .isEqualTo(Decision.ELIGIBLE);
  }

  @Test
  void heldByAndStatusAreConditions() {
    List<Selection> ours = List.of(Selection.parse("held-by=UA;status=captive,detained"));
    assertThat(Eligibility.of(born("2000"), ours, ROUND).decision())
        .isEqualTo(Decision.NOT_ELIGIBLE);
    List<Selection> theirs = List.of(Selection.parse("held-by=ru;status=captive"));
    assertThat(Eligibility.of(born("2000"), theirs, ROUND).decision()).isEqualTo(Decision.ELIGIBLE);
  }

  @Test
  void aSelectionReadsBackFromItsText() {
    Selection s =
        Selection.parse(
            " kind = service_member ; health=seriously-sick,severely-wounded;age=18 - 25");
    assertThat(s.toString())
        .isEqualTo("kind=service-member;health=severely-wounded,seriously-sick;age=18-25");
    assertThat(Selection.parse(s.toString())).isEqualTo(s);
  }

  @Test
  void badSelectionsNameWhatIsWrong() {
    assertThatThrownBy(() -> Selection.parse("colour=red"))
        .isInstanceOf(SelectionException.class)
        .extracting(e -> ((SelectionException) e).key())
        .isEqualTo("error.selection.key");
    assertThatThrownBy(() -> Selection.parse("kind=general"))
        .extracting(e -> ((SelectionException) e).args())
        .asList()
        .contains("kind", "general");
    assertThatThrownBy(() -> Selection.parse("age=25-18"))
        .extracting(e -> ((SelectionException) e).key())
        .isEqualTo("error.selection.age-upside-down");
    assertThatThrownBy(() -> Selection.parse("age=young"))
        .extracting(e -> ((SelectionException) e).key())
        .isEqualTo("error.selection.age-format");
    assertThatThrownBy(() -> Selection.parse("kind=child;kind=civilian"))
        .extracting(e -> ((SelectionException) e).key())
        .isEqualTo("error.selection.twice");
    assertThatThrownBy(() -> new Provision.NForN(0, 0, List.of()))
        .extracting(e -> ((SelectionException) e).key())
        .isEqualTo("error.provision.quota");
    assertThatThrownBy(() -> new Provision.Unilateral(Party.of("RU"), -5, Subject.REMAINS))
        .extracting(e -> ((SelectionException) e).key())
        .isEqualTo("error.provision.count");
  }
}
