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
}
