package org.handover.server.backup;

import java.util.List;

/**
 * What a backup says about itself, at the start of its archive (inside the encryption).
 *
 * @param schema the version of the last migration the database had
 * @param checkpoint the journal's head signed with the installation's key at the backup's moment,
 *     "" when the key could not be read
 * @param signingKey the installation's key file, so that a restore on another machine can still
 *     sign; "" when there was none to read
 * @param tables in the order they are written: every table before those that refer to it
 */
record Manifest(
    int format,
    String schema,
    long madeAt,
    String installation,
    long journalSeq,
    String journalHash,
    String checkpoint,
    String signingKey,
    List<Table> tables) {
  static final int FORMAT = 1;

  /** A table, its columns in the order dumped, and those that draw numbers from a sequence. */
  record Table(String name, List<String> columns, List<String> identity) {}
}
