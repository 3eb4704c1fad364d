package org.handover.server.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Which live Handover processes use the embedded server: one empty file per process, named by its
 * pid, under {@code <root>/postgres-users}. A file whose process is gone (killed) does not count.
 * Called under the embedded server's lock.
 */
final class Leases {
  private Leases() {}

  static void take(Path root) throws IOException {
    Path dir = root.resolve("postgres-users");
    Files.createDirectories(dir);
    Path mine = dir.resolve(String.valueOf(ProcessHandle.current().pid()));
    if (!Files.exists(mine)) {
      Files.createFile(mine);
    }
  }

  /** Gives up this process's lease and forgets dead ones; returns how many live ones remain. */
  static int release(Path root) throws IOException {
    Path dir = root.resolve("postgres-users");
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    Files.deleteIfExists(dir.resolve(String.valueOf(ProcessHandle.current().pid())));
    int live = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        if (alive(f.getFileName().toString())) {
          live++;
        } else {
          Files.deleteIfExists(f);
        }
      }
    }
    return live;
  }

  private static boolean alive(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
