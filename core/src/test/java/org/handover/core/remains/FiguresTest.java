package org.handover.core.remains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.handover.core.Refused;
import org.junit.jupiter.api.Test;

class FiguresTest {
  static final LocalDate JUNE = LocalDate.of(2025, 6, 14);

  private static Figures.Case received(LocalDate on) {
    return new Figures.Case(
        on,
        false,
        Identification.Status.UNIDENTIFIED,
        Optional.empty(),
        Optional.empty(),
        Set.of());
  }

  private static Figures.Case identified(LocalDate on, LocalDate when, long person, Method m) {
    return new Figures.Case(
        on, true, Method.establishes(Set.of(m)), Optional.of(when), Optional.of(person), Set.of(m));
  }

  @Test
  void secondaryEvidenceAlonePresumesAndNeverIdentifies() {
    assertThat(Method.establishes(Set.of(Method.DOCUMENTS, Method.VISUAL)))
        .isEqualTo(Identification.Status.PRESUMED);
    assertThat(Method.establishes(Set.of(Method.DOCUMENTS, Method.DNA)))
        .isEqualTo(Identification.Status.IDENTIFIED);
    assertThat(Method.establishes(Set.of())).isEqualTo(Identification.Status.UNIDENTIFIED);
    assertThatThrownBy(() -> new Identification(0, 1, Set.of(), "", JUNE, "x", Optional.empty()))
        .isInstanceOf(Refused.class)
        .hasMessageContaining("error.remains.no-method");
  }

  @Test
  void ratesPerCaseAndPerPersonMonthByMonth() {
    List<Figures.Case> cases =
        List.of(
            // one man's remains in two cases, both identified by DNA
            identified(JUNE, LocalDate.of(2025, 7, 20), 7, Method.DNA),
            identified(JUNE, LocalDate.of(2025, 8, 2), 7, Method.DNA),
            identified(JUNE, LocalDate.of(2025, 8, 30), 8, Method.DENTAL),
            // documents alone: presumed, not counted as identified
            identified(JUNE, LocalDate.of(2025, 7, 1), 9, Method.DOCUMENTS),
            received(JUNE),
            received(LocalDate.of(2025, 7, 3)),
            // identified after the day asked: not yet
            identified(JUNE, LocalDate.of(2025, 10, 1), 10, Method.DNA),
            // received after the day asked: not counted at all
            received(LocalDate.of(2025, 9, 15)));
    Figures.Result r = Figures.of(cases, LocalDate.of(2025, 8, 31));
    assertThat(r.received()).isEqualTo(7);
    assertThat(r.claimed()).isEqualTo(5);
    assertThat(r.identified()).isEqualTo(3);
    assertThat(r.presumed()).isEqualTo(1);
    assertThat(r.identifiedPersons()).isEqualTo(2);
    assertThat(r.ratePerCase()).isEqualTo(3.0 / 7);
    // the second part of person 7 is not a person waiting: 2 persons of 6
    assertThat(r.ratePerPerson()).isEqualTo(2.0 / 6);
    assertThat(r.byMethod()).containsEntry(Method.DNA, 2L).containsEntry(Method.DENTAL, 1L);
    // 36, 49 and 77 days
    assertThat(r.medianDays()).contains(49L);
    assertThat(r.months())
        .extracting(
            m -> m.month() + " " + m.received() + " " + m.identified() + " " + m.identifiedSoFar())
        .containsExactly("2025-06 6 0 0", "2025-07 1 1 1", "2025-08 0 2 3");
    assertThat(r.months().get(2).rate()).isEqualTo(3.0 / 7);
    assertThat(r.months().get(0).month()).isEqualTo(YearMonth.of(2025, 6));
  }
}
