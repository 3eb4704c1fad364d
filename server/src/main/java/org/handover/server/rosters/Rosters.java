package org.handover.server.rosters;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.parties.Party;
import org.handover.core.registry.PartialDate;
import org.handover.core.rosters.ColumnMapping;
import org.handover.core.rosters.Entry;
import org.handover.core.rosters.RosterDetails;
import org.handover.core.rosters.RosterFileException;
import org.handover.core.rosters.Tables;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.storage.Columns;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Jdbi;

/**
 * Rosters: a file is stored byte for byte under its SHA-256, then read row by row into entries in
 * committed batches under a roster marked importing, which one last transaction completes and
 * journals ({@link RosterImport}), so that a roster is seen whole or not at all.
 *
 * <pre>{@code
 * Rosters.Imported r = rosters.importFile(path, "spysok.csv", details, Tables.Options.detect(), Optional.empty(), "olena", (rows, share) -> {});
 * }</pre>
 */
public final class Rosters {
  private final Jdbi jdbi;
  private final Journal journal;
  private final Clock clock;

  private final Disclosure disclosure;

  /** What of a list we send may leave, once approved. */
  public Disclosure disclosure() {
    return disclosure;
  }

  public Rosters(
      Jdbi jdbi, Journal journal, org.handover.server.parties.Parties parties, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.clock = clock;
    this.disclosure = new Disclosure(jdbi, journal, parties, clock);
    journal.audit(RosterAudit.ROSTERS);
    journal.audit(RosterAudit.FILES);
  }

  /**
   * Told how an import goes: rows read so far, and the share of the file read (0 to 1, or -1 if
   * unknown).
   */
  @FunctionalInterface
  public interface Progress {
    void report(long rows, double fraction);
  }

  /** What an import stored. */
  public record Imported(long id, int rows, int errorRows, String sha256, ColumnMapping mapping) {}

  /**
   * Imports a list. Nothing is stored when the file cannot be read as a whole (the exception says
   * why); rows that cannot be read are stored with their problems.
   *
   * @param progress told the rows read so far and the share of the file read, every 10,000 rows and
   *     at the end
   */
  public Imported importFile(
      Path file,
      String fileName,
      RosterDetails details,
      Tables.Options options,
      Optional<ColumnMapping> mapping,
      String actor,
      Progress progress)
      throws RosterFileException, IOException {
    return importFile(file, fileName, details, options, mapping, Optional.empty(), actor, progress);
  }

  /** A detached signature (Base64) and the public key (Base64) it should verify against. */
  public record Signed(String signature, String publicKey) {}

  /**
   * A file to import and what is known of it: its name as received, the details the user gave (a
   * JSON interchange file brings its own, which replace them), how to read it, the mapping chosen
   * (guessed when empty), and the signature it came with.
   */
  public record Source(
      Path file,
      String fileName,
      RosterDetails details,
      Tables.Options options,
      Optional<ColumnMapping> mapping,
      Optional<Signed> signed) {}

  /**
   * As {@link #importFile(Path, String, RosterDetails, Tables.Options, Optional, String,
   * Progress)}, for a file that may come signed: a signature that does not verify refuses the file;
   * one that does is recorded. A JSON interchange file brings its own details, which replace {@code
   * details}.
   */
  public Imported importFile(
      Path file,
      String fileName,
      RosterDetails details,
      Tables.Options options,
      Optional<ColumnMapping> mapping,
      Optional<Signed> signed,
      String actor,
      Progress progress)
      throws RosterFileException, IOException {
    return importFile(
        new Source(file, fileName, details, options, mapping, signed), actor, progress);
  }

  /**
   * Imports a list in batches under a roster marked as importing, which nothing shows until one
   * last small transaction marks it complete and journals it: a process that dies leaves a roster
   * that {@link #removeUnfinished} takes away at the next start.
   */
  public Imported importFile(Source source, String actor, Progress progress)
      throws RosterFileException, IOException {
    return new RosterImport(jdbi, journal, clock).run(source, actor, progress);
  }

  /**
   * Removes imports left unfinished by a process that died, and the stored files only they used.
   */
  public List<RosterImport.Abandoned> removeUnfinished() {
    return RosterImport.removeUnfinished(jdbi, journal);
  }

  /** A stored roster's details and counts. */
  public record Summary(
      long id,
      String fileName,
      String sha256,
      String format,
      String encoding,
      String delimiter,
      Party from,
      Party to,
      LocalDate receivedOn,
      String purpose,
      String notes,
      List<String> header,
      Map<String, Integer> mapping,
      int rows,
      int errorRows,
      String importedBy,
      long importedAt,
      String signature) {}

  public Optional<Summary> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM rosters WHERE id = :id AND state = 'complete'")
                .bind("id", id)
                .map((rs, ctx) -> summary(rs))
                .findOne());
  }

  public List<Summary> list() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM rosters WHERE state = 'complete' ORDER BY id DESC")
                .map((rs, ctx) -> summary(rs))
                .list());
  }

  private static Summary summary(ResultSet rs) throws SQLException {
    return new Summary(
        rs.getLong("id"),
        rs.getString("file_name"),
        rs.getString("file_sha256").trim(),
        rs.getString("file_format"),
        rs.getString("file_encoding"),
        rs.getString("file_delimiter"),
        Party.fromKey(rs.getString("from_party")),
        Party.fromKey(rs.getString("to_party")),
        rs.getObject("received_on", LocalDate.class),
        rs.getString("purpose"),
        rs.getString("notes"),
        parse(rs.getString("header"), new TypeReference<List<String>>() {}),
        parse(rs.getString("mapping"), new TypeReference<LinkedHashMap<String, Integer>>() {}),
        rs.getInt("row_count"),
        rs.getInt("error_rows"),
        rs.getString("imported_by"),
        rs.getLong("imported_at"),
        rs.getString("signature"));
  }

  /** A stored entry as shown: row, raw cells, the name read from them, and problems. */
  public record StoredEntry(
      int row,
      long line,
      List<String> cells,
      String family,
      String given,
      String patronymic,
      String born,
      Map<String, String> fields,
      List<Entry.Problem> problems) {}

  /** An entry as matching reads it: no cells, no problems (a list's problems do not stop it). */
  public record NamedEntry(
      int row,
      String family,
      String given,
      String patronymic,
      Optional<PartialDate> born,
      Map<String, String> fields) {}

  /**
   * Every entry of a list as matching reads it, in row order, in one query: the cells and problems
   * left unread (their JSON was half of reading a list of 5,000 for a match).
   */
  public List<NamedEntry> named(long rosterId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT row_no, family, given, patronymic, birth_year, birth_month, birth_day,"
                        + " fields FROM roster_entries WHERE roster_id = :id ORDER BY row_no")
                .bind("id", rosterId)
                .setFetchSize(5000)
                .map(
                    (rs, ctx) ->
                        new NamedEntry(
                            rs.getInt("row_no"),
                            rs.getString("family"),
                            rs.getString("given"),
                            rs.getString("patronymic"),
                            Columns.birthDate(rs),
                            parse(
                                rs.getString("fields"),
                                new TypeReference<LinkedHashMap<String, String>>() {})))
                .list());
  }

  public List<StoredEntry> entries(long rosterId, boolean onlyProblems, int offset, int limit) {
    return entries(rosterId, onlyProblems ? " AND e.has_problems = TRUE" : "", offset, limit);
  }

  /** The entries numbered so, in row order. */
  public List<StoredEntry> entries(long rosterId, java.util.Collection<Integer> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    StringBuilder in = new StringBuilder(" AND e.row_no IN (");
    rows.forEach(r -> in.append(r.intValue()).append(','));
    in.setCharAt(in.length() - 1, ')');
    return entries(rosterId, in.toString(), 0, rows.size());
  }

  /** The entries a reviewer has linked to a person of the registry (a confirmed match). */
  public List<StoredEntry> confirmedEntries(long rosterId, int offset, int limit) {
    return entries(
        rosterId,
        " AND EXISTS (SELECT 1 FROM match_decisions d WHERE d.roster_id = e.roster_id"
            + " AND d.entry_row = e.row_no AND d.decision = 'confirmed')",
        offset,
        limit);
  }

  private List<StoredEntry> entries(long rosterId, String condition, int offset, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT e.* FROM roster_entries e WHERE e.roster_id = :id"
                        + condition
                        + " ORDER BY e.row_no LIMIT :limit OFFSET :offset")
                .bind("id", rosterId)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(
                    (rs, ctx) -> {
                      String born = Columns.birthDate(rs).map(PartialDate::toString).orElse("");
                      return new StoredEntry(
                          rs.getInt("row_no"),
                          rs.getLong("line_no"),
                          parse(rs.getString("cells"), new TypeReference<List<String>>() {}),
                          rs.getString("family"),
                          rs.getString("given"),
                          rs.getString("patronymic"),
                          born,
                          parse(
                              rs.getString("fields"),
                              new TypeReference<LinkedHashMap<String, String>>() {}),
                          parse(
                              rs.getString("problems"),
                              new TypeReference<List<Entry.Problem>>() {}));
                    })
                .list());
  }

  /** Writes the stored file, byte for byte, to {@code out}; false when there is no such file. */
  public boolean file(String sha256, OutputStream out) {
    return jdbi.withHandle(
        h -> {
          if (h.createQuery("SELECT COUNT(*) FROM roster_files WHERE sha256 = :s")
                  .bind("s", sha256)
                  .mapTo(Long.class)
                  .one()
              == 0) {
            return false;
          }
          try (var chunks =
              h
                  .createQuery(
                      "SELECT content FROM roster_file_chunks WHERE sha256 = :s ORDER BY chunk_no")
                  .bind("s", sha256)
                  .mapTo(byte[].class)
                  .stream()) {
            for (var it = chunks.iterator(); it.hasNext(); ) {
              try {
                out.write(it.next());
              } catch (IOException e) {
                throw new UncheckedIOException("cannot write the stored file " + sha256, e);
              }
            }
          }
          return true;
        });
  }

  /** Saves the mapping a user confirmed for a counterpart under a name. */
  public void saveProfile(Party party, String name, ColumnMapping mapping, String actor) {
    jdbi.useTransaction(
        h -> {
          Optional<String> before =
              h.createQuery("SELECT mapping FROM mapping_profiles WHERE party = :p AND name = :n")
                  .bind("p", party.key())
                  .bind("n", name)
                  .mapTo(String.class)
                  .findOne();
          h.createUpdate("DELETE FROM mapping_profiles WHERE party = :p AND name = :n")
              .bind("p", party.key())
              .bind("n", name)
              .execute();
          String after = json(mapping.toProfile());
          h.createUpdate(
                  "INSERT INTO mapping_profiles (party, name, mapping, updated_at) VALUES (:p, :n, :m, :at)")
              .bind("p", party.key())
              .bind("n", name)
              .bind("m", after)
              .bind("at", clock.millis())
              .execute();
          journal.append(
              h,
              Change.by(actor, "mapping.save")
                  .on("mapping", party.key() + "/" + name)
                  .was(before.orElse(""))
                  .now(after));
        });
  }

  /** Every saved mapping, as "PARTY/name". */
  public List<String> profiles() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT party, name FROM mapping_profiles ORDER BY party, name")
                .map((rs, ctx) -> rs.getString("party") + "/" + rs.getString("name"))
                .list());
  }

  public Optional<Map<String, Integer>> profile(Party party, String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT mapping FROM mapping_profiles WHERE party = :p AND name = :n")
                .bind("p", party.key())
                .bind("n", name)
                .mapTo(String.class)
                .findOne()
                .map(s -> parse(s, new TypeReference<LinkedHashMap<String, Integer>>() {})));
  }

  static String sha256(Path file) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  static String json(Object o) {
    return Json.write(o);
  }

  static <T> T parse(String s, TypeReference<T> type) {
    return Json.read(s, type);
  }
}
