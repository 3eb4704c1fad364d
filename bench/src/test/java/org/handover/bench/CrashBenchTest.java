package org.handover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three imports killed with SIGKILL — at their start, in the middle after committed batches, and
 * one let to finish — each followed by a start that finds no partial list and an intact journal.
 */
class CrashBenchTest {
  @TempDir Path dir;

  @Test
  void aKilledImportLeavesNothingHalfDoneAndTheNextStartSaysWhatItRemoved() throws Exception {
    Path csv = dir.resolve("list.csv");
    int rows = 60_000;
    ImportBench.generate(csv, rows);
    String db = "embedded:" + dir.resolve("db");
    CrashBench.prepare(db);
    // 0 with afterRows: killed as soon as 20,000 rows are read, so that two batches are committed
    List<CrashBench.Outcome> outcomes =
        CrashBench.run(CrashBench.jar(), csv, db, rows, List.of(0.0, 0.4, 600.0), 20_000);
    assertThat(outcomes).allSatisfy(o -> assertThat(o.failures()).isEmpty());
    assertThat(outcomes.get(0).removed()).isEqualTo(1);
    assertThat(outcomes.get(0).removedRows()).isGreaterThanOrEqualTo(20_000).isLessThan(rows);
    assertThat(outcomes.get(0).complete()).isZero();
    assertThat(outcomes.get(2).complete()).isEqualTo(1);
  }
}
