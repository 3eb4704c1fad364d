package org.handover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handover's commands and Duke's, each a process of its own, run on the same two files and are
 * scored by one rule.
 */
class PeerBenchTest {
  @Test
  void bothToolsRunFromTheSameFilesAndAreScoredAlike(@TempDir Path dir) throws Exception {
    String report = PeerBench.run(3_000, 300, 1, 2, "1g", dir, "--registry 3000 --roster 300");
    assertThat(report)
        .contains("| Handover, auto-link |")
        .contains("| Duke, one-to-one, confidence ≥ 0.5 |")
        .contains("| Duke 1.2: reads both files")
        .contains("The engine alone inside that process");
    assertThat(precision(report, "Handover, auto-link")).isGreaterThan(0.97);
    // Duke, given the romanizing cleaner and the date comparator, finds most of the list
    assertThat(recall(report, "Duke, one-to-one, confidence ≥ 0.5")).isGreaterThan(0.6);
  }

  @Test
  void russianFormsByRulesNeedNoDictionary() {
    assertThat(RussianByRules.of("Олександр")).isEqualTo("Александр");
    assertThat(RussianByRules.of("Петрівна")).isEqualTo("Петровна");
    assertThat(RussianByRules.of("Андрійович")).isEqualTo("Андреевич");
    assertThat(RussianByRules.of("Вінницький")).isEqualTo("Винницкий");
    assertThat(RussianByRules.of("Мар'яна")).isEqualTo("Марьяна");
    assertThat(RussianByRules.of("Юрій")).isEqualTo("Юрий");
    assertThat(RussianByRules.of("Ковальчук")).isEqualTo("Ковальчук");
  }

  private static double precision(String report, String row) {
    return column(report, row, 2);
  }

  private static double recall(String report, String row) {
    return column(report, row, 3);
  }

  /** The k-th number after the row's name (0: entries linked). */
  private static double column(String report, String row, int k) {
    Matcher m = Pattern.compile("\\| " + Pattern.quote(row) + " \\|([^\\n]*)").matcher(report);
    assertThat(m.find()).as(row).isTrue();
    String[] cells = m.group(1).split("\\|");
    return Double.parseDouble(cells[k].strip().replace(",", ""));
  }
}
