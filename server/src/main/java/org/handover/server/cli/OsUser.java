package org.handover.server.cli;

/**
 * The operating-system user running this process, as the operating system knows it (the owner of
 * the process), never the {@code user.name} property, which anyone may set on the command line.
 */
public final class OsUser {
  private OsUser() {}

  public static String name() {
    return ProcessHandle.current()
        .info()
        .user()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the operating system does not say which user runs this process"));
  }
}
