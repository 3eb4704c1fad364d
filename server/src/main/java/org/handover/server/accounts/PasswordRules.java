package org.handover.server.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password a person chooses must be: long enough to resist guessing without rules of
 * composition (NIST SP 800-63B asks for length, and a check against common choices, not for
 * symbols), not a common password with digits or signs added, not the user's own name.
 */
final class PasswordRules {
  private PasswordRules() {}

  static final int SHORTEST = 12;
  static final int LONGEST = 256;
  private static final Set<String> COMMON = load();

  /** The message key of what is wrong with the password, if anything. */
  static Optional<String> problem(String password, String username) {
    int length = password.codePointCount(0, password.length());
    if (length < SHORTEST) {
      return Optional.of("password.too-short");
    }
    if (length > LONGEST) {
      return Optional.of("password.too-long");
    }
    String plain = password.toLowerCase(Locale.ROOT);
    if (username.length() >= 3 && plain.contains(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("password.has-name");
    }
    if (plain.codePoints().distinct().count() < 5 || common(plain)) {
      return Optional.of("password.common");
    }
    return Optional.empty();
  }

  /** A common password, repeated or with digits and signs around it ("password2024!"). */
  private static boolean common(String plain) {
    String core = plain.replaceAll("^[\\d\\p{Punct}\\s]+|[\\d\\p{Punct}\\s]+$", "");
    if (core.isEmpty() || COMMON.contains(core)) {
      return true;
    }
    for (int n = 1; n <= core.length() / 2; n++) { // "qwertyqwerty", "abcabcabcabc"
      if (core.length() % n == 0 && core.substring(0, n).repeat(core.length() / n).equals(core)) {
        return COMMON.contains(core.substring(0, n)) || n <= 3;
      }
    }
    return false;
  }

  private static Set<String> load() {
    Set<String> out = new HashSet<>();
    try (InputStream in =
            PasswordRules.class.getResourceAsStream("/accounts/common-passwords.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .forEach(l -> out.add(l.toLowerCase(Locale.ROOT)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(out);
  }
}
