package org.handover.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldingTest {
  @Test
  void foldsCaseAndLatinDiacritics() {
    assertThat(Folding.fold("KOWALCZÜK Łukasz")).isEqualTo("kowalczuk lukasz");
  }

  @Test
  void keepsUkrainianLettersButFoldsYo() {
    assertThat(Folding.fold("Ґудзь Ковалёв Їжак Йосип")).isEqualTo("ґудзь ковалев їжак йосип");
  }

  @Test
  void dropsApostrophesAndSplitsOnPunctuation() {
    assertThat(Folding.tokens("Знам'янка, Петров-Водкін"))
        .containsExactly("знамянка", "петров", "водкін");
  }
}
