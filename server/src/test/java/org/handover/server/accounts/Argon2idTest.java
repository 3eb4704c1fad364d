package org.handover.server.accounts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Argon2idTest {
  private static byte[] repeat(int b, int n) {
    byte[] x = new byte[n];
    java.util.Arrays.fill(x, (byte) b);
    return x;
  }

  @Test
  void rfc9106TestVector() {
    byte[] tag =
        Argon2id.hash(
            repeat(1, 32),
            repeat(2, 16),
            repeat(3, 8),
            repeat(4, 12),
            new Argon2id.Cost(32, 3, 4),
            32);
    assertEquals(
        "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659",
        HexFormat.of().formatHex(tag));
  }

  @Test
  void blake2bOfAbc() {
    byte[] out = new byte[64];
    new Blake2b().init(64).update("abc".getBytes(StandardCharsets.US_ASCII)).finish(out, 0);
    assertEquals(
        "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
            + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
        HexFormat.of().formatHex(out));
  }

  /** Hashes made before this implementation (by password4j) still let their owners in. */
  @Test
  void agreesWithAnotherImplementationBothWays() {
    Random random = new Random(7);
    int[][] costs = {{19456, 2, 1}, {64, 1, 1}, {96, 3, 2}, {256, 2, 4}, {4096, 1, 1}};
    for (int[] c : costs) {
      for (int k = 0; k < 3; k++) {
        String password = "пароль-" + random.nextInt() + "-passphrase".repeat(k * 20);
        String theirs =
            Password.hash(password)
                .addRandomSalt(16)
                .with(Argon2Function.getInstance(c[0], c[1], c[2], 32, Argon2.ID))
                .getResult();
        assertTrue(Argon2id.verify(password, theirs), theirs);
        assertFalse(Argon2id.verify(password + "x", theirs));
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String mine =
            Argon2id.encode(
                password.getBytes(StandardCharsets.UTF_8),
                salt,
                new Argon2id.Cost(c[0], c[1], c[2]),
                32);
        assertTrue(
            Password.check(password, mine).with(Argon2Function.getInstanceFromHash(mine)), mine);
      }
    }
  }

  @Test
  void longTagsAndReusedMemoryGiveTheSameAnswer() {
    Argon2id.Cost cost = new Argon2id.Cost(128, 2, 1);
    byte[] a = Argon2id.hash(repeat(5, 9), repeat(6, 16), new byte[0], new byte[0], cost, 100);
    for (int i = 0; i < Argon2id.KEPT + 2; i++) {
      assertArrayEquals(
          a, Argon2id.hash(repeat(5, 9), repeat(6, 16), new byte[0], new byte[0], cost, 100));
    }
  }

  @Test
  void whatIsNotAHashLetsNobodyIn() {
    for (String bad :
        new String[] {
          "",
          "$argon2id$",
          "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
          "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$!!!",
          "$argon2id$v=19$m=99999999,t=1,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
          "$argon2id$v=19$m=4194304,t=1,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
          "$argon2id$v=19$m=64,t=1000,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
          "$argon2id$v=19$m=4,t=1,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
          "$argon2id$v=19$m=64,t=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA"
        }) {
      assertFalse(Argon2id.verify("x", bad), bad);
    }
  }
}
