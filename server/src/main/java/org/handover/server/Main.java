package org.handover.server;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.handover.server.cli.HandoverCommand;

/** Entry point of {@code ./handover}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // UTF-8 whatever the terminal's locale: without it, a locale that is not installed prints "?"
    // for every Cyrillic letter
    System.setOut(utf8(FileDescriptor.out));
    System.setErr(utf8(FileDescriptor.err));
    System.exit(HandoverCommand.commandLine().execute(args));
  }

  private static PrintStream utf8(FileDescriptor fd) {
    return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
  }
}
