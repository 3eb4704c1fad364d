package org.handover.names;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DistanceTest {
  @Test
  void wordsToldApartByTheirLettersAreApartByTheirDistance() {
    Random random = new Random(11);
    String letters = "abdeikmnorstuvyzSZCTw";
    int apart = 0;
    for (int i = 0; i < 200_000; i++) {
      String a = word(random, letters);
      String b = random.nextBoolean() ? word(random, letters) : edited(a, random, letters);
      for (int bound = 1; bound <= 2; bound++) {
        if (Distance.surelyApart(Distance.presence(a), Distance.presence(b), bound)) {
          apart++;
          assertTrue(Distance.osa(a, b, bound) > bound, a + " / " + b);
        }
      }
    }
    assertTrue(apart > 100_000, "told apart: " + apart);
  }

  @Test
  void oneSlipIsNeverToldApart() {
    assertFalse(
        Distance.surelyApart(Distance.presence("kovalenko"), Distance.presence("kovalanko"), 1));
    assertTrue(Distance.surelyApart(Distance.presence("ivan"), Distance.presence("petro"), 2));
  }

  private static String word(Random random, String letters) {
    StringBuilder b = new StringBuilder();
    int n = 2 + random.nextInt(9);
    for (int i = 0; i < n; i++) {
      b.append(letters.charAt(random.nextInt(letters.length())));
    }
    return b.toString();
  }

  /** One or two random edits: a letter changed, added, dropped or two swapped. */
  private static String edited(String a, Random random, String letters) {
    StringBuilder b = new StringBuilder(a);
    for (int e = 1 + random.nextInt(2); e > 0 && b.length() > 1; e--) {
      int at = random.nextInt(b.length());
      char c = letters.charAt(random.nextInt(letters.length()));
      switch (random.nextInt(4)) {
        case 0 -> b.setCharAt(at, c);
        case 1 -> b.insert(at, c);
        case 2 -> b.deleteCharAt(at);
        default -> {
          if (at + 1 < b.length()) {
            char x = b.charAt(at);
            b.setCharAt(at, b.charAt(at + 1));
            b.setCharAt(at + 1, x);
          }
        }
      }
    }
    return b.toString();
  }
}
