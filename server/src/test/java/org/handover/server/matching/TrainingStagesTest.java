package org.handover.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.handover.core.matching.Linker;
import org.handover.server.i18n.Messages;
import org.junit.jupiter.api.Test;

/** A web job hears the training's stages as its steps, and each bar says what it counts. */
class TrainingStagesTest {
  @Test
  void aJobHearsEachStageAsAStepAndItsCountsUnderIt() {
    List<String> heard = new ArrayList<>();
    Linker.Progress p = TrainingStages.of(heard::add, (done, of) -> heard.add(done + " of " + of));
    p.at(10, 20);
    p.stage(Linker.Stage.COUNTING);
    p.at(5, 400);
    assertThat(heard).containsExactly("10 of 20", "job.train.counting", "5 of 400");
    for (Linker.Stage s : Linker.Stage.values()) {
      String step = TrainingStages.step(s);
      for (String lang : List.of("uk", "en", "ru")) {
        Messages m = Messages.of(lang);
        assertThat(m.get(step)).doesNotContain("job.train");
        assertThat(m.get(TrainingStages.bar(step), 1, 2)).doesNotContain("match.");
      }
    }
    assertThat(TrainingStages.bar("job.train.counting")).isEqualTo("match.counted");
    assertThat(TrainingStages.bar("job.match.comparing")).isEqualTo("match.compared");
  }
}
