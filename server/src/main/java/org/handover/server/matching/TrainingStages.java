package org.handover.server.matching;

import java.util.Locale;
import java.util.function.Consumer;
import org.handover.core.matching.Linker;

/**
 * The training's stages as steps of a command or a web job: each stage a step line of its own, the
 * bar under it counting its own work (random pairs, rules learnt from, persons counted).
 */
final class TrainingStages {
  private TrainingStages() {}

  /** The step's message key: {@code job.train.random-pairs}, {@code ...fitting}, ... */
  static String step(Linker.Stage stage) {
    return "job.train." + stage.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The message of a bar under {@code step}: what its "N of M" counts. */
  static String bar(String step) {
    return switch (step) {
      case "job.match.preparing" -> "match.prepared";
      case "job.train.random-pairs" -> "match.random-compared";
      case "job.train.fitting" -> "match.fitted";
      case "job.train.counting" -> "match.counted";
      default -> "match.compared";
    };
  }

  /**
   * Told the comparing's and each stage's progress by {@code at}, each stage begun by {@code step}.
   */
  static Linker.Progress of(Consumer<String> step, Linker.Progress at) {
    return new Linker.Progress() {
      @Override
      public void at(int done, int of) {
        at.at(done, of);
      }

      @Override
      public void stage(Linker.Stage stage) {
        step.accept(step(stage));
      }
    };
  }
}
