package org.handover.server.matching;

import java.util.function.Consumer;
import org.handover.server.cli.Progress;
import org.handover.server.i18n.Messages;

/**
 * A run's steps on standard error, each on its line, and under the one under way a bar of how far
 * it is: the registry's new and changed persons prepared, then the candidate pairs compared. Told
 * from several threads; a bar never goes back.
 */
final class StepLines implements Consumer<String>, StoredRecords.Progress {
  private final Messages m;
  private String step = "";
  private int shown = -1;

  StepLines(Messages m) {
    this.m = m;
  }

  @Override
  public synchronized void accept(String key) {
    endBar();
    step = key;
    System.err.println(m.get(key));
  }

  @Override
  public synchronized void at(int done, int of) {
    if (done <= shown || of <= 0) {
      return;
    }
    shown = done;
    String what = step.equals("job.match.preparing") ? "match.prepared" : "match.compared";
    System.err.print("\r" + Progress.bar((double) done / of) + " " + m.get(what, done, of));
    if (done >= of) {
      endBar();
    }
  }

  /** The bar's line ended, if one is open, so that the next step starts on its own. */
  private void endBar() {
    if (shown >= 0) {
      System.err.println();
    }
    shown = -1;
  }
}
