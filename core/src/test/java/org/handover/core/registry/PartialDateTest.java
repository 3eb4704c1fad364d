package org.handover.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PartialDateTest {
  @Test
  void readsTheThreePrecisions() {
    assertThat(PartialDate.parse("12.03.1998")).isEqualTo(PartialDate.of(1998, 3, 12));
    assertThat(PartialDate.parse("03.1998")).isEqualTo(PartialDate.of(1998, 3));
    assertThat(PartialDate.parse("1998")).isEqualTo(PartialDate.ofYear(1998));
    assertThat(PartialDate.parse("1998-03-12")).isEqualTo(PartialDate.of(1998, 3, 12));
  }

  @Test
  void refusesTheThirtyFirstOfFebruary() {
    assertThatThrownBy(() -> PartialDate.parse("31.02.1999"))
        .isInstanceOf(PartialDate.InvalidDateException.class)
        .hasMessageContaining("31.2.1999");
  }

  @Test
  void refusesTextThatIsNoDate() {
    assertThatThrownBy(() -> PartialDate.parse("вчора"))
        .isInstanceOf(PartialDate.InvalidDateException.class);
    assertThatThrownBy(() -> PartialDate.parse("13.1998"))
        .isInstanceOf(PartialDate.InvalidDateException.class);
  }

  @Test
  void aYearStandsForItsWholeRange() {
    PartialDate y = PartialDate.ofYear(2000);
    assertThat(y.earliest()).isEqualTo(LocalDate.of(2000, 1, 1));
    assertThat(y.latest()).isEqualTo(LocalDate.of(2000, 12, 31));
    assertThat(PartialDate.of(2000, 2).latest()).isEqualTo(LocalDate.of(2000, 2, 29));
  }

  @org.junit.jupiter.api.Test
  void printsDayAndMonthWithTwoDigitsAndTheYearWithFour() {
    assertThat(PartialDate.of(1975, 6, 4)).hasToString("04.06.1975");
    assertThat(PartialDate.of(1975, 11, 24)).hasToString("24.11.1975");
    assertThat(PartialDate.of(1975, 6)).hasToString("06.1975");
    assertThat(PartialDate.ofYear(1975)).hasToString("1975");
  }

  @Property
  void printsWhatItReads(
      @ForAll @IntRange(min = 1900, max = 2100) int year,
      @ForAll @IntRange(min = 1, max = 12) int month,
      @ForAll @IntRange(min = 1, max = 28) int day) {
    PartialDate d = PartialDate.of(year, month, day);
    assertThat(PartialDate.parse(d.toString())).isEqualTo(d);
    assertThat(PartialDate.parse(PartialDate.of(year, month).toString()))
        .isEqualTo(PartialDate.of(year, month));
  }
}
