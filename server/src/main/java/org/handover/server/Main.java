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
    // a command's embedded server finishes its last checkpoint after the command has ended; a web
    // server, stopped by its service manager, waits for it to end (else the manager kills it)
    if (args.length > 0 && !args[0].equals("serve") && !args[0].equals("demo")) {
      org.handover.server.storage.EmbeddedServer.stopWithoutWaiting();
    }
    int code;
    try {
      code = HandoverCommand.commandLine(args).execute(args);
    } catch (OutOfMemoryError e) {
      code = outOfMemory(args);
    }
    System.exit(code);
  }

  /**
   * Running out of heap said in the user's language, naming the setting that gives more, instead of
   * a stack trace; nothing half-done stays (every change is one transaction).
   */
  static int outOfMemory(String[] args) {
    String lang = null;
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--lang")) {
        lang = args[i + 1];
      }
    }
    long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    System.err.println(
        org.handover.server.cli.Options.messages(
                lang != null && org.handover.server.i18n.Messages.LANGUAGES.contains(lang)
                    ? lang
                    : null)
            .get("error.out-of-memory", mb));
    return 3;
  }

  private static PrintStream utf8(FileDescriptor fd) {
    return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
  }
}
