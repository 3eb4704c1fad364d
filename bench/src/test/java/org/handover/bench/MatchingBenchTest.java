package org.handover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchingBenchTest {
  @TempDir
  Path dir;

  @Test
  void reportsPrecisionAndRecallOnGeneratedDataWithKnownTruth() throws Exception {
    Path out = dir.resolve("m.md");
    MatchingBench.main(new String[] {"--registry", "3000", "--roster", "300", "--out", out.toString()});
    String report = Files.readString(out);
    assertThat(report).contains("| auto-link (p ≥ 0.99, ≥ 5 bits ahead of the next candidate) |").contains("| auto-link + review (p ≥ 0.5) |")
        .contains("Review band:");
    // the engine finds most entries drawn from the registry; the committed figures give the exact rates
    String recall = report.lines().filter(l -> l.startsWith("| auto-link + review")).findFirst().orElseThrow();
    double r = Double.parseDouble(recall.substring(recall.lastIndexOf('|', recall.length() - 2) + 1, recall.length() - 1).strip());
    assertThat(r).isGreaterThan(0.8);
  }
}
