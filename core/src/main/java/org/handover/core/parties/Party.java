package org.handover.core.parties;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A side, by its code: a party at war (UA, RU), or an intermediary (ICRC, TR). What the code stands
 * for — its kind and its names — is data, a {@link PartyProfile} an installation keeps.
 *
 * <pre>{@code
 * Party.of("ua")      // Party[code=UA]
 * Party.of("Україна") // IllegalArgumentException: party: 'Україна' is not a code (2 to 8 Latin capitals, digits, -)
 * }</pre>
 */
public record Party(String code) {
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9-]{1,7}");

  public Party {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "party: '" + code + "' is not a code (2 to 8 Latin capitals, digits, -)");
    }
  }

  /** The party of that code, read without regard to case. */
  public static Party of(String code) {
    return new Party(code == null ? null : code.strip().toUpperCase(Locale.ROOT));
  }

  /** The stored and posted form of the party: its code. */
  public String key() {
    return code;
  }

  public static Party fromKey(String key) {
    return of(key);
  }

  @Override
  public String toString() {
    return code;
  }
}
