package org.handover.core.journal;

import java.util.Objects;

/**
 * One change, as the journal keeps it: who did what to which record, its state before and after
 * (JSON, "" where there was none), a digest of the rows it left behind, and the hash that chains it
 * to the entry before.
 *
 * @param atMillis when, in milliseconds since the epoch (an integer, so every database stores it
 *     exactly)
 * @param digest the state audit's digest of the entity's rows after the change ("rule:hex"), "" for
 *     entries written before the audit existed or of entities it does not cover
 */
public record JournalEntry(
    long seq,
    long atMillis,
    String actor,
    String action,
    String entity,
    String entityId,
    String before,
    String after,
    String digest,
    String prevHash,
    String hash) {
  public JournalEntry {
    if (seq < 1) {
      throw new IllegalArgumentException("seq: must be 1 or more, was " + seq);
    }
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(prevHash, "prevHash");
    Objects.requireNonNull(hash, "hash");
  }

  /** A new entry that follows {@code prevHash}, with its hash computed. */
  public static JournalEntry next(
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
    String hash =
        JournalChain.hash(
            seq, atMillis, actor, action, entity, entityId, before, after, digest, prevHash);
    return new JournalEntry(
        seq, atMillis, actor, action, entity, entityId, before, after, digest, prevHash, hash);
  }
}
