package org.handover.server.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.security.SecureRandom;

/** Argon2id hashes in the standard {@code $argon2id$} form, and generated passwords. */
final class Passwords {
  private Passwords() {}

  // 19 MiB, 2 passes, 1 lane: OWASP's minimum for Argon2id
  private static final Argon2Function ARGON2 =
      Argon2Function.getInstance(19456, 2, 1, 32, Argon2.ID);
  private static final SecureRandom RANDOM = new SecureRandom();
  // no 0/O, 1/l/I: the password is read off a screen and typed
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  static String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
  }

  static boolean check(String password, String hash) {
    try {
      return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    } catch (RuntimeException e) {
      return false; // a malformed stored hash never lets anyone in
    }
  }

  static String generate() {
    StringBuilder b = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}
