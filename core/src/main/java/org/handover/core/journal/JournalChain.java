package org.handover.core.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain that makes the journal tamper-evident: each entry's hash covers its own fields and
 * the previous entry's hash, so editing, deleting or reordering any entry breaks every link after
 * it.
 *
 * <pre>{@code
 * JournalChain.Verification v = JournalChain.verify(entries, headHash);
 * if (!v.intact()) System.out.println("broken at " + v.firstBroken() + ": " + v.reason());
 * }</pre>
 */
public final class JournalChain {
  /** The "previous hash" of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private JournalChain() {}

  public static String hash(
      long seq,
      long atMillis,
      String actor,
      String action,
      String entity,
      String entityId,
      String before,
      String after,
      String digest,
      String prevHash) {
    MessageDigest sha = sha256();
    sha.update(ByteBuffer.allocate(16).putLong(seq).putLong(atMillis).array());
    // length-prefixed, so that no shift of text between fields gives the same bytes
    for (String field : new String[] {actor, action, entity, entityId, before, after, prevHash}) {
      field(sha, field);
    }
    if (!digest.isEmpty()) {
      // entries written before the state audit have none, and keep the hash they were given
      field(sha, digest);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * What a walk of the chain found.
   *
   * @param count entries read
   * @param firstBroken sequence number of the first entry that does not fit, 0 when intact
   */
  public record Verification(long count, long firstBroken, String reason) {
    public boolean intact() {
      return firstBroken == 0;
    }
  }

  /**
   * Walks entries in the order stored and checks numbering, links and hashes; {@code headHash} is
   * the hash the journal's head records as the last one, or "" for an empty journal.
   */
  public static Verification verify(Iterable<JournalEntry> entries, String headHash, long headSeq) {
    String prev = GENESIS;
    long expected = 1;
    long count = 0;
    for (JournalEntry e : entries) {
      count++;
      if (e.seq() != expected) {
        return new Verification(
            count,
            e.seq(),
            "expected entry "
                + expected
                + " here, found "
                + e.seq()
                + " (an entry was deleted or moved)");
      }
      if (!e.prevHash().equals(prev)) {
        return new Verification(
            count,
            e.seq(),
            "its link to the entry before does not match (an entry was removed or reordered)");
      }
      String recomputed =
          hash(
              e.seq(),
              e.atMillis(),
              e.actor(),
              e.action(),
              e.entity(),
              e.entityId(),
              e.before(),
              e.after(),
              e.digest(),
              e.prevHash());
      if (!recomputed.equals(e.hash())) {
        return new Verification(
            count, e.seq(), "its content does not match its hash (the entry was edited)");
      }
      prev = e.hash();
      expected++;
    }
    if (headSeq != count
        || !(count == 0 ? headHash.isEmpty() || headHash.equals(GENESIS) : headHash.equals(prev))) {
      return new Verification(
          count,
          count + 1,
          "the journal's head records entry "
              + headSeq
              + " as the last, but "
              + count
              + " were found (entries were removed from the end)");
    }
    return new Verification(count, 0, "");
  }

  private static void field(MessageDigest sha, String field) {
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    sha.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
