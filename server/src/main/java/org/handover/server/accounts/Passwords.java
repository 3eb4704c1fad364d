package org.handover.server.accounts;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Argon2id hashes in the standard {@code $argon2id$} form, and generated passwords. */
final class Passwords {
  private Passwords() {}

  private static final SecureRandom RANDOM = new SecureRandom();
  // no 0/O, 1/l/I: the password is read off a screen and typed
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  /**
   * Argon2 hashes running at once: each holds 19 MiB, so a flood of logins waits here (in turn)
   * instead of taking the server's memory.
   */
  private static final Semaphore HASHING = new Semaphore(Argon2id.KEPT, true);

  /** How long a login waits for a turn to hash before it is told to try again. */
  static final long WAIT_MILLIS = 20_000;

  /** Logins waiting for a turn at most; beyond them, try again in a moment. */
  static final int MOST_WAITING = 128;

  /** The work done with a turn to hash; empty when none came in time. */
  static <T> Optional<T> inTurn(Supplier<T> work) {
    if (HASHING.getQueueLength() > MOST_WAITING) {
      return Optional.empty(); // each waiter holds a server thread: the pages must stay served
    }
    try {
      if (!HASHING.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    try {
      return Optional.of(work.get());
    } finally {
      HASHING.release();
    }
  }

  static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return Argon2id.encode(password.getBytes(StandardCharsets.UTF_8), salt, Argon2id.STANDARD, 32);
  }

  static boolean check(String password, String hash) {
    try {
      return Argon2id.verify(password, hash);
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
