package org.handover.names;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The conformance data in ../shared/data/names, found from wherever the tests run. */
final class SharedData {
  private SharedData() {}

  static Path path(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (Path candidate :
          List.of(
              dir.resolve("shared/data/names").resolve(name),
              dir.resolveSibling("shared").resolve("data/names").resolve(name))) {
        if (Files.exists(candidate)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException(
        "shared/data/names/" + name + " not found above " + Path.of("").toAbsolutePath());
  }

  /** Tab-separated rows, without comments and the header. */
  static List<String[]> rows(String name) {
    try {
      List<String> lines = Files.readAllLines(path(name), StandardCharsets.UTF_8);
      return lines.stream()
          .filter(l -> !l.startsWith("#") && !l.isBlank())
          .skip(1)
          .map(l -> l.split("\t"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
