package org.handover.server.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * The digests of {@link Audited#row}, {@link Audited#rows} and {@link Audited#digest} made in Java
 * from the values a feature is about to store: PostgreSQL's text of {@code ROW(...)} written as its
 * {@code record_out} writes it. A million persons imported are digested while their rows are made,
 * not read back by the database one correlated query at a time; {@link Journal#agree} holds a
 * sample to the audit's own SQL before the digests are trusted.
 *
 * <pre>{@code
 * byte[] row = new RowDigest().number(id).text(name).bool(consent).sha256();
 * String hex = RowDigest.digest(row, RowDigest.rows(List.of(...)));
 * }</pre>
 */
public final class RowDigest {
  private static final HexFormat HEX = HexFormat.of();
  private final StringBuilder row = new StringBuilder(256).append('(');
  private boolean first = true;

  /** A text column; null is SQL NULL. */
  public RowDigest text(String s) {
    next();
    if (s != null) {
      quoted(s);
    }
    return this;
  }

  /** An integer column; null is SQL NULL. */
  public RowDigest number(Number n) {
    next();
    if (n != null) {
      row.append(n.longValue()); // a number is never quoted: digits and a sign
    }
    return this;
  }

  public RowDigest bool(boolean b) {
    next();
    row.append(b ? 't' : 'f');
    return this;
  }

  /**
   * A date column as the ISO date style writes it (the session's DateStyle; another style is caught
   * by {@link Journal#agree}).
   */
  public RowDigest date(LocalDate d) {
    next();
    if (d.getYear() < 1 || d.getYear() > 9999) {
      throw new IllegalArgumentException("a date out of years 1-9999: " + d);
    }
    padded(d.getYear(), 4).append('-');
    padded(d.getMonthValue(), 2).append('-');
    padded(d.getDayOfMonth(), 2); // not String.format: a fifth of a million persons' digests
    return this;
  }

  private StringBuilder padded(int n, int digits) {
    for (int d = digits - 1, p = (int) Math.pow(10, d); d > 0 && n < p; d--, p /= 10) {
      row.append('0');
    }
    return row.append(n);
  }

  /** SHA-256 of the row's text in UTF-8, as {@link Audited#row} gives it. */
  public byte[] sha256() {
    return sha().digest(text().getBytes(StandardCharsets.UTF_8));
  }

  /** The row's text, as {@code ROW(...)::text} gives it. */
  String text() {
    return row + ")";
  }

  /**
   * A text holding every ASCII character but NUL and a character for every byte UTF-8 uses beyond
   * ASCII: whether PostgreSQL quotes a value depends on its locale's idea of a space byte, which
   * {@link Journal#agree} checks with it.
   */
  static String probe() {
    StringBuilder s = new StringBuilder();
    for (int c = 1; c < 0x800; c++) {
      s.appendCodePoint(c); // ASCII, and every lead and continuation byte of two-byte characters
    }
    for (int c = 0x800; c < 0x10000; c += 0x1000) {
      s.appendCodePoint(c == 0xD800 ? 0xD7FF : c); // each lead byte of three
    }
    s.appendCodePoint(0x3000).appendCodePoint(0x2003).appendCodePoint(0xFEFF);
    for (int c : new int[] {0x10000, 0x40000, 0x100000, 0x10FFFF}) {
      s.appendCodePoint(c); // and of four
    }
    return s.toString();
  }

  /** SHA-256 of rows' digests in their order, as {@link Audited#rows} gives it. */
  public static byte[] rows(List<byte[]> each) {
    MessageDigest sha = sha();
    each.forEach(sha::update);
    return sha.digest();
  }

  /** The hex digest of parts, as {@link Audited#digest} gives it. */
  public static String digest(byte[]... parts) {
    MessageDigest sha = sha();
    for (byte[] p : parts) {
      sha.update(p);
    }
    return HEX.formatHex(sha.digest());
  }

  private void next() {
    if (!first) {
      row.append(',');
    }
    first = false;
  }

  // record_out: quoted when empty or holding a quote, backslash, parenthesis, comma or an ASCII
  // space; within quotes a quote and a backslash are doubled
  private void quoted(String s) {
    boolean quote = s.isEmpty();
    boolean doubled = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      doubled |= c == '"' || c == '\\';
      quote |= c == '(' || c == ')' || c == ',' || c == ' ' || (c >= '\t' && c <= '\r');
    }
    quote |= doubled;
    if (quote) {
      row.append('"');
    }
    if (!doubled) {
      row.append(s); // most values: appended whole, not a character at a time
    } else {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\\') {
          row.append(c);
        }
        row.append(c);
      }
    }
    if (quote) {
      row.append('"');
    }
  }

  // one per thread: looking the algorithm up for every row cost as much as hashing it
  private static final ThreadLocal<MessageDigest> SHA =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("this Java has no SHA-256", e);
            }
          });

  private static MessageDigest sha() {
    MessageDigest sha = SHA.get();
    sha.reset();
    return sha;
  }
}
