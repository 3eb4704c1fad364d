package org.handover.names;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The transliteration standards' conformance data, copied into the tests' resources (their sources
 * and licences are in NOTICE): the tests never read anything outside the repository.
 */
final class SharedData {
  private SharedData() {}

  /** Tab-separated rows, without comments and the header. */
  static List<String[]> rows(String name) {
    try (InputStream in = SharedData.class.getResourceAsStream("conformance/" + name)) {
      if (in == null) {
        throw new IllegalStateException("conformance/" + name + " is not among the test resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.startsWith("#") && !l.isBlank())
          .skip(1)
          .map(l -> l.split("\t"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
