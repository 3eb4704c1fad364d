package org.handover.server.rosters;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.handover.server.journal.Audited;
import org.handover.server.journal.StateAudit;
import org.jdbi.v3.core.Handle;

/**
 * What the state audit keeps of a roster: its record, every entry, and the file it was read from,
 * whose bytes are checked against the SHA-256 that names them.
 */
final class RosterAudit {
  private RosterAudit() {}

  /** Complete rosters only: one still importing has no journal entry yet. */
  static final Audited ROSTERS =
      new Audited(
          "roster",
          2,
          "SELECT r.id::text AS id, "
              + Audited.digest(
                  Audited.row(
                      "r.id, r.file_sha256, r.file_name, r.file_format, r.file_encoding,"
                          + " r.file_delimiter, r.file_sheet, r.from_party, r.to_party,"
                          + " r.received_on, r.purpose, r.notes, r.header, r.mapping, r.row_count,"
                          + " r.error_rows, r.imported_by, r.imported_at, r.state"),
                  Audited.rows(
                      "f.sha256, f.size_bytes",
                      "FROM roster_files f WHERE f.sha256 = r.file_sha256",
                      "f.sha256"),
                  Audited.rows(
                      "e.row_no, e.line_no, e.cells, e.family, e.given, e.patronymic,"
                          + " e.birth_year, e.birth_month, e.birth_day, e.fields, e.problems,"
                          + " e.has_problems",
                      "FROM roster_entries e WHERE e.roster_id = r.id",
                      "e.row_no"),
                  Audited.rows(
                      "a.approved_by, a.approved_at, a.contents",
                      "FROM roster_approvals a WHERE a.roster_id = r.id",
                      "a.roster_id"))
              + " AS digest FROM rosters r WHERE r.state = 'complete' "
              + Audited.AND,
          "r.id = CAST(:id AS BIGINT)");

  /** Every stored file's bytes, read chunk by chunk, against its SHA-256 and size. */
  static final StateAudit.Check FILES = RosterAudit::files;

  private static void files(Handle h, Consumer<StateAudit.Finding> found) {
    record StoredFile(String sha, long size) {}
    List<StoredFile> files =
        h.createQuery("SELECT sha256, size_bytes FROM roster_files ORDER BY sha256")
            .map((rs, ctx) -> new StoredFile(rs.getString(1).trim(), rs.getLong(2)))
            .list();
    for (StoredFile f : files) {
      MessageDigest sha = sha256();
      long[] size = {0};
      h.createQuery("SELECT content FROM roster_file_chunks WHERE sha256 = :s ORDER BY chunk_no")
          .bind("s", f.sha())
          .setFetchSize(4)
          .map((rs, ctx) -> rs.getBytes(1))
          .forEach(
              bytes -> {
                sha.update(bytes);
                size[0] += bytes.length;
              });
      String now = HexFormat.of().formatHex(sha.digest());
      if (!now.equals(f.sha()) || size[0] != f.size()) {
        found.accept(
            new StateAudit.Finding(
                "file",
                f.sha(),
                StateAudit.Kind.BYTES,
                0,
                "",
                size[0] + " B, SHA-256 " + now + "; " + f.size() + " B"));
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
