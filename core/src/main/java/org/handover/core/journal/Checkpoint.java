package org.handover.core.journal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The journal's head at one moment, signed by the installation's key: a paper or a file that
 * carries it proves later that the journal still extends it (nothing before it was rewritten, and
 * it was not cut back).
 *
 * <pre>{@code
 * Checkpoint.parse("handover-checkpoint v1 seq=1042 hash=9f2c... sig=MEUCIQ...")
 * }</pre>
 */
public record Checkpoint(long seq, String hash, String signature) {
  private static final Pattern TEXT =
      Pattern.compile(
          "handover-checkpoint v1 seq=(\\d+) hash=([0-9a-f]{64}) sig=([A-Za-z0-9+/=]+)");

  public Checkpoint {
    if (seq < 0) {
      throw new IllegalArgumentException("checkpoint: seq " + seq + " is negative");
    }
    if (hash == null || !hash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("checkpoint: '" + hash + "' is not a SHA-256 in hex");
    }
  }

  /** What is signed: the head's sequence and hash. */
  public static String signed(long seq, String hash) {
    return "handover-checkpoint v1 seq=" + seq + " hash=" + hash;
  }

  public String signed() {
    return signed(seq, hash);
  }

  /** The one line that is printed, stored and given: the signed part and its signature. */
  @Override
  public String toString() {
    return signed() + " sig=" + signature;
  }

  /** A checkpoint from its line, found anywhere in the text. */
  public static Checkpoint parse(String text) {
    Matcher m = TEXT.matcher(text);
    if (!m.find()) {
      throw new IllegalArgumentException(
          "checkpoint: no 'handover-checkpoint v1 seq=N hash=H sig=S' line in the text given");
    }
    return new Checkpoint(Long.parseLong(m.group(1)), m.group(2), m.group(3));
  }
}
