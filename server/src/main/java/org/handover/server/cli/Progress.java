package org.handover.server.cli;

/** How far a long command has come, as the terminal shows it. */
public final class Progress {
  private Progress() {}

  /**
   * "[##########----------] 50%" for a share of the work done; nothing when the share is unknown.
   */
  public static String bar(double share) {
    if (share < 0) {
      return "";
    }
    int filled = (int) Math.round(share * 20);
    return "["
        + "#".repeat(filled)
        + "-".repeat(20 - filled)
        + "] "
        + String.format("%3d%%", Math.round(share * 100));
  }

  /** One line of a terminal rewritten in place, each text clearing what a longer one left. */
  public static final class Line {
    private int last;

    /** Shows {@code text} in place of the line before (on standard error), from any thread. */
    public synchronized void show(String text) {
      System.err.print("\r" + text + " ".repeat(Math.max(0, last - text.length())));
      last = text.length();
    }

    /** Ends the line, if anything was shown on it, so that what follows starts on its own. */
    public synchronized void end() {
      if (last > 0) {
        System.err.println();
        last = 0;
      }
    }
  }
}
