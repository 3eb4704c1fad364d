package org.handover.server;

import org.handover.server.cli.HandoverCommand;

/** Entry point of {@code ./handover}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(HandoverCommand.commandLine().execute(args));
  }
}
