package org.handover.core.rosters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Refuses a workbook whose parts inflate past a limit, counting the bytes actually inflated (the
 * sizes a zip's headers claim can lie), before any XML parser sees them.
 */
final class ZipGuard {
  private ZipGuard() {}

  static void check(Path file, long maxInflatedBytes) throws RosterFileException {
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            total += n;
            if (total > maxInflatedBytes) {
              throw new RosterFileException(
                  "error.file.zip-bomb",
                  "the workbook inflates to more than " + maxInflatedBytes / (1024 * 1024) + " MB",
                  String.valueOf(maxInflatedBytes / (1024 * 1024)));
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new RosterFileException(
          "error.file.not-what-named",
          "the workbook is damaged: " + e.getMessage(),
          file.getFileName().toString(),
          "xlsx");
    }
  }
}
