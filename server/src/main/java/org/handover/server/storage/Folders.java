package org.handover.server.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Folders Handover makes and removes whole: a half-unpacked program, a half-made cluster, staged
 * uploads.
 */
public final class Folders {
  private Folders() {}

  /** Removes the folder and everything in it; nothing when it is not there. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
