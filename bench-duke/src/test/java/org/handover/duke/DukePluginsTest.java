package org.handover.duke;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The two plug-ins the peer benchmark gives Duke do what their javadoc says. */
class DukePluginsTest {
  private final LatinCleaner cleaner = new LatinCleaner();
  private final DateComparator dates = new DateComparator();

  @Test
  void cyrillicOfEitherLanguageBecomesPlainLatin() {
    // as the documents write them: Ukraine's KMU 2010, Russian passports' ICAO 9303
    assertThat(cleaner.clean("Ковальчук Юрій")).isEqualTo("kovalchuk yurii");
    assertThat(cleaner.clean("Ковальчук Юрий")).isEqualTo("kovalchuk iurii");
    assertThat(cleaner.clean("Вінницький")).isEqualTo("vinnytskyi");
    assertThat(cleaner.clean("Згурський Євген")).isEqualTo("zghurskyi yevhen");
    assertThat(new LatinCleaner.Ukrainian().clean("Гнат Петрович")).isEqualTo("hnat petrovych");
    assertThat(cleaner.clean("Gnat Petrovich")).isEqualTo("gnat petrovich");
    assertThat(cleaner.clean(" KOVALCHUK ")).isEqualTo("kovalchuk");
    assertThat(cleaner.clean(" - ")).isNull();
  }

  @Test
  void datesAreComparedAsDates() {
    assertThat(dates.compare("12.03.1985", "12.03.1985")).isEqualTo(1.0);
    assertThat(dates.compare("12.03.1985", "1985-03-12")).isEqualTo(1.0);
    assertThat(dates.compare("12.03.1985", "03.12.1985")).isEqualTo(0.9);
    assertThat(dates.compare("12.03.1985", "12.03.1986")).isEqualTo(0.6);
    assertThat(dates.compare("12.03.1985", "1985")).isEqualTo(0.75);
    assertThat(dates.compare("03.1985", "12.03.1985")).isEqualTo(0.75);
    assertThat(dates.compare("04.1985", "12.03.1985")).isZero();
    assertThat(dates.compare("1986", "12.03.1985")).isZero();
    assertThat(dates.compare("12.04.1986", "12.03.1985")).isZero();
    assertThat(dates.compare("not a date", "12.03.1985")).isZero();
  }
}
