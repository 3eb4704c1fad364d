package org.handover.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class Kmu2010Test {

  static Path sharedData(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data/names").resolve(name);
      if (Files.exists(candidate)) {
        return candidate;
      }
      Path sibling = dir.resolveSibling("shared").resolve("data/names").resolve(name);
      if (Files.exists(sibling)) {
        return sibling;
      }
    }
    throw new IllegalStateException("shared/data/names/" + name + " not found above " + Path.of("").toAbsolutePath());
  }

  @Test
  void allOfficialExamplesOfResolution55Pass() throws IOException {
    List<String[]> rows = Files.readAllLines(sharedData("kmu55_official_examples.tsv"), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.startsWith("#") && !l.startsWith("cyrillic\t") && !l.isBlank())
        .map(l -> l.split("\t"))
        .collect(Collectors.toList());
    assertThat(rows).hasSizeGreaterThanOrEqualTo(76);
    List<String> failures = rows.stream()
        .filter(r -> !Kmu2010.romanize(r[0]).equals(r[1]))
        .map(r -> r[0] + " -> " + Kmu2010.romanize(r[0]) + " (expected " + r[1] + ")")
        .collect(Collectors.toList());
    assertThat(failures).isEmpty();
  }

  @Test
  void wholeWordInCapitalsStaysInCapitals() {
    assertThat(Kmu2010.romanize("КОВАЛЬЧУК Юрій")).isEqualTo("KOVALCHUK Yurii");
  }

  @Test
  void russianOnlyLettersGetTheirIcaoForms() {
    assertThat(Kmu2010.romanize("Эдуард Ковалёв Рыбаков")).isEqualTo("Eduard Kovalev Rybakov");
  }
}
