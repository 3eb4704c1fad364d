package org.handover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Duke 1.2 really runs, in its own process, on a small generated registry and roster. */
class DukePeerTest {
  @Test
  void dukeLinksMostOfASmallRosterInItsOwnProcess(@TempDir Path dir) throws Exception {
    MatchingRun.Run run = MatchingBench.run(2_000, 200);
    DukePeer.Result duke = DukePeer.run(run.registry(), run.drawn().entries(), 0.5, dir);
    long correct =
        duke.links().keySet().stream()
            .filter(l -> run.drawn().truth().get((int) (l / 2_000)) == (int) (l % 2_000))
            .count();
    assertThat(duke.links()).isNotEmpty();
    assertThat((double) correct / run.inRegistry()).as("Duke's recall").isGreaterThan(0.5);
    assertThat(duke.seconds()).isPositive();
  }
}
