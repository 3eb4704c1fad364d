package org.handover.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EndingsTest {
  @Test
  void anEndingCountsInAnyCaseAndOnlyAfterSomethingElse() {
    Endings e = new Endings("енко", "ovych");
    assertThat(e.of("Шевченко")).isTrue();
    assertThat(e.of("ШЕВЧЕНКО")).isTrue();
    assertThat(e.of("PETROVYCH")).isTrue();
    assertThat(e.of("енко")).as("the ending alone is no name with it").isFalse();
    assertThat(e.of("Шевчук")).isFalse();
  }

  @Test
  void combinedEndingsAreEveryChoiceInOrder() {
    assertThat(Endings.combined(List.of("s", "c"), List.of("", "ʹ"), List.of("kyj")))
        .containsExactly("skyj", "sʹkyj", "ckyj", "cʹkyj");
    Endings e = new Endings("ov").and(List.of("ʹkyj"));
    assertThat(e.of("Čaplinsʹkyj")).isTrue();
    assertThat(e.of("Petrov")).isTrue();
  }
}
