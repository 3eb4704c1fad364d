package org.handover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchBenchTest {
  @TempDir Path dir;

  @Test
  void writesAReportWithEveryKindOfQueryAndTheMachine() throws Exception {
    Path out = dir.resolve("report.md");
    SearchBench.main(
        new String[] {
          "--persons",
          "300",
          "--queries",
          "8",
          "--runs",
          "2",
          "--db-dir",
          dir.resolve("db").toString(),
          "--out",
          out.toString()
        });
    String report = Files.readString(out);
    assertThat(report)
        .contains("300 generated persons")
        .contains(Runtime.getRuntime().availableProcessors() + " cores")
        .contains("--runs 2");
    assertThat(report.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| query")))
        .hasSize(5);
  }
}
