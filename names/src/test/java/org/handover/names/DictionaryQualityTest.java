package org.handover.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sample of the bench's checks, so that CI sees a fall in quality; the full figures are in
 * bench/results.
 */
class DictionaryQualityTest {
  static List<String[]> pairs;

  @BeforeAll
  static void load() throws IOException {
    pairs = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                Equivalents.class.getResourceAsStream("uk-ru.tsv"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.startsWith("#")) {
          pairs.add(line.split("\t", 2));
        }
      }
    }
    Collections.shuffle(pairs, new Random(11));
  }

  private static ParsedName word(String w) {
    return new ParsedName(
        Character.toUpperCase(w.charAt(0)) + w.substring(1), "", "", ParsedName.Order.UNKNOWN, 1);
  }

  @Test
  void everySystemsSpellingOfEitherFormIsAtLeastEquivalentAndSharesAKey() {
    List<String> misses = new ArrayList<>();
    for (String[] p : pairs.subList(0, 300)) {
      PreparedName original = Names.prepare(word(p[0]));
      List<String> originalKeys = Names.keys(original);
      for (String form : p) {
        for (Romanization r : Romanization.values()) {
          PreparedName spelt = Names.prepare(word(r.romanize(form)));
          if (!Names.compare(original, spelt).level().atLeast(Level.EQUIVALENT)
              || Collections.disjoint(originalKeys, Names.keys(spelt))) {
            misses.add(p[0] + " ~ " + r.romanize(form) + " (" + r.key() + ")");
          }
        }
      }
    }
    assertThat(misses).hasSizeLessThanOrEqualTo(3); // of 3,600 spellings
  }

  @Test
  void differentNamesRarelyLookEquivalent() {
    int strong = 0;
    for (int i = 0; i + 1 < 2000; i += 2) {
      String[] a = pairs.get(i);
      String[] b = pairs.get(i + 1);
      if (Names.compare(Names.prepare(word(a[0])), Names.prepare(word(b[1])))
          .level()
          .atLeast(Level.EQUIVALENT)) {
        strong++;
      }
    }
    assertThat(strong).isLessThanOrEqualTo(5); // of 1,000 pairs
  }

  @Test
  void theReadmeExampleHolds() {
    assertThat(Names.keys("Kowalczuk, Jurij"))
        .containsExactly("F:kovalchuk", "F:kovaltsuk", "G:iuri.k");
    // without the comma the order is a guess, and both readings are keyed
    assertThat(Names.keys("Kowalczuk Jurij"))
        .contains("F:kovalchuk", "G:iuri.k", "F:iuri", "G:kovalchuk.i");
  }
}
