package org.handover.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Every published vector for every implemented system. Vectors that do not apply are said here:
 * interscript's gost-rus-Cyrl-Latn-7.79-2000 and iuliia's gost_779 are system A (with diacritics),
 * not system B; iuliia's bgn_pcgn writes the Cyrillic letter ё inside its Latin output where
 * BGN/PCGN writes ë (interscript's vectors for the same system have ë), so those vectors are
 * compared with ë.
 */
class RomanizationTest {

  private static List<String> failures(
      Romanization system, String file, String vectorSystem, boolean yoAsEDiaeresis) {
    List<String> failures = new ArrayList<>();
    int count = 0;
    for (String[] r : SharedData.rows(file)) {
      if (!r[0].equals(vectorSystem)) {
        continue;
      }
      count++;
      String expected = yoAsEDiaeresis ? r[2].replace('ё', 'ë') : r[2];
      String actual = system.romanize(r[1]);
      if (!actual.equals(expected)) {
        failures.add(r[1] + " -> " + actual + " (expected " + expected + ")");
      }
    }
    assertThat(count).as("vectors for " + vectorSystem).isPositive();
    return failures;
  }

  @Test
  void kmu2010PassesAllOfficialExamples() {
    List<String> failures = new ArrayList<>();
    List<String[]> rows = SharedData.rows("kmu55_official_examples.tsv");
    for (String[] r : rows) {
      String actual = Romanization.KMU2010.romanize(r[0]);
      if (!actual.equals(r[1])) {
        failures.add(r[0] + " -> " + actual + " (expected " + r[1] + ")");
      }
    }
    assertThat(rows).hasSizeGreaterThanOrEqualTo(76);
    assertThat(failures).isEmpty();
  }

  @Test
  void kmu2010PassesInterscriptVectors() {
    assertThat(
            failures(
                Romanization.KMU2010,
                "interscript_ru_uk_test_vectors.tsv",
                "ua-ukr-Cyrl-Latn-2010",
                false))
        .isEmpty();
  }

  @Test
  void icao9303PassesIuliiaSamples() {
    assertThat(failures(Romanization.ICAO9303, "iuliia_ru_samples.tsv", "icao_doc_9303", false))
        .isEmpty();
    assertThat(Romanization.ICAO9303.romanize("Дмитрий")).isEqualTo("Dmitrii");
  }

  @Test
  void mvd310PassesIuliiaSamples() {
    assertThat(failures(Romanization.MVD310, "iuliia_ru_samples.tsv", "mvd_310", false)).isEmpty();
    assertThat(Romanization.MVD310.romanize("ЮЛИЯ")).isEqualTo("YULIYA");
  }

  @Test
  void gost779bPassesIuliiaSample() {
    assertThat(failures(Romanization.GOST779B, "iuliia_ru_samples.tsv", "gost_779_alt", false))
        .isEmpty();
  }

  @Test
  void bgnRussianPassesInterscriptAndIuliiaVectors() {
    assertThat(
            failures(
                Romanization.BGN_RU,
                "interscript_ru_uk_test_vectors.tsv",
                "bgnpcgn-rus-Cyrl-Latn-1947",
                false))
        .isEmpty();
    assertThat(failures(Romanization.BGN_RU, "iuliia_ru_samples.tsv", "bgn_pcgn", true)).isEmpty();
  }

  @Test
  void bgnUkrainian1965PassesInterscriptVectors() {
    assertThat(
            failures(
                Romanization.BGN_UK_1965,
                "interscript_ru_uk_test_vectors.tsv",
                "bgnpcgn-ukr-Cyrl-Latn-1965",
                false))
        .isEmpty();
  }

  @Test
  void keysReadBack() {
    for (Romanization r : Romanization.values()) {
      assertThat(Romanization.fromKey(r.key())).isEqualTo(r);
    }
  }

  @Property
  void neverThrowsAndAsciiSystemsGiveAsciiForCyrillicAndAscii(@ForAll String text) {
    String cyrillicOrAscii =
        text.chars()
            .filter(ch -> ch < 0x80 || (ch >= 0x0400 && ch <= 0x045F))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    for (Romanization r : Romanization.values()) {
      r.romanize(text);
      if (r.asciiOnly()) {
        String out = r.romanize(cyrillicOrAscii.replaceAll("[\\u0400-\\u040F\\u0450-\\u045F]", ""));
        assertThat(out.chars().allMatch(ch -> ch < 0x80)).as(r + ": " + out).isTrue();
      }
    }
  }
}
