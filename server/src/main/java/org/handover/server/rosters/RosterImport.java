package org.handover.server.rosters;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.parties.Party;
import org.handover.core.rosters.ColumnMapping;
import org.handover.core.rosters.Entry;
import org.handover.core.rosters.EntryReader;
import org.handover.core.rosters.Format;
import org.handover.core.rosters.InterchangeTable;
import org.handover.core.rosters.RosterDetails;
import org.handover.core.rosters.RosterFileException;
import org.handover.core.rosters.Table;
import org.handover.core.rosters.Tables;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.signing.InstallationKey;
import org.handover.server.storage.Json;
import org.handover.server.storage.StorageException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import of a list, step by step: verify its signature, open it, store the file and a roster
 * marked as importing, read its entries in committed batches, then complete it and journal it in
 * one small transaction. While it runs, the importing process holds a PostgreSQL advisory lock on
 * the roster's id: a roster still marked importing whose lock is free belongs to a process that
 * died, and {@link #removeUnfinished} takes it away with the file only it used.
 */
public final class RosterImport {
  private static final Logger LOG = LoggerFactory.getLogger(RosterImport.class);

  /** The advisory locks' namespace: one lock per importing roster. */
  static final int LOCKS = 0x486f5249; // "HoRI"

  static final int BATCH = 1000;
  static final int COMMIT_ROWS = 10_000;
  private static final int CHUNK = 1024 * 1024;

  /** An import that a dead process left unfinished, as removed. */
  public record Abandoned(long roster, String fileName, long entries) {}

  private final Jdbi jdbi;
  private final Journal journal;
  private final Clock clock;

  RosterImport(Jdbi jdbi, Journal journal, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.clock = clock;
  }

  /** A file opened for import: its table and what is read from it. */
  private record Opened(
      Table table,
      RosterDetails details,
      ColumnMapping mapping,
      boolean json,
      String sha,
      long size,
      boolean tagsAlone) {}

  Rosters.Imported run(Rosters.Source source, String actor, Rosters.Progress progress)
      throws RosterFileException, IOException {
    verify(source);
    Opened o = open(source);
    try (Table table = o.table();
        Handle lock = jdbi.open()) {
      long id =
          lock.createQuery("SELECT nextval(pg_get_serial_sequence('rosters', 'id'))")
              .mapTo(Long.class)
              .one();
      lock.execute("SELECT pg_advisory_lock(?, ?)", LOCKS, Math.toIntExact(id));
      boolean done = false;
      try {
        store(id, source, o, actor);
        int[] counts = readEntries(id, o, progress);
        Rosters.Imported imported = complete(id, source, o, counts, actor);
        done = true;
        progress.report(counts[0], 1.0);
        return imported;
      } finally {
        if (!done) {
          abandon(id);
        }
        lock.execute("SELECT pg_advisory_unlock(?, ?)", LOCKS, Math.toIntExact(id));
      }
    }
  }

  private static void verify(Rosters.Source s) throws RosterFileException, IOException {
    if (s.signed().isPresent()
        && !InstallationKey.verify(
            s.file(), s.signed().get().signature(), s.signed().get().publicKey())) {
      throw new RosterFileException(
          "error.signature.invalid",
          s.fileName() + ": the signature does not verify",
          s.fileName());
    }
  }

  private Opened open(Rosters.Source s) throws RosterFileException, IOException {
    String sha = Rosters.sha256(s.file());
    long size = Files.size(s.file());
    boolean json = Tables.format(s.file(), s.fileName()) == Format.JSON;
    Table table =
        json ? new InterchangeTable(s.file()) : Tables.open(s.file(), s.fileName(), s.options());
    Optional<InterchangeTable> interchange =
        table instanceof InterchangeTable i ? Optional.of(i) : Optional.empty();
    try {
      RosterDetails details = interchange.isPresent() ? interchange.get().details() : s.details();
      Optional<ColumnMapping> chosen =
          interchange.isPresent() ? Optional.of(interchange.get().mapping()) : s.mapping();
      requireKnown(details);
      ColumnMapping m = chosen.isPresent() ? chosen.get() : ColumnMapping.guess(table.header());
      if (chosen.isPresent()) {
        ColumnMapping.checkHeader(table.header());
      }
      // remains may come as tags alone, a body's identity being what the list does not know; a
      // column no field names could be a name column under another header: then it is refused
      boolean tagsAlone =
          details.purpose() == org.handover.core.rosters.Purpose.REMAINS
              && m.column(org.handover.core.rosters.Field.TAG).isPresent()
              && table.header().stream()
                  .allMatch(
                      h -> h.isBlank() || org.handover.core.rosters.Field.forHeader(h).isPresent());
      if (!m.hasName() && !tagsAlone) {
        throw new RosterFileException(
            "error.file.no-name-column",
            "no column holds the name: the headers are " + table.header(),
            String.join(", ", table.header()));
      }
      return new Opened(table, details, m, json, sha, size, tagsAlone && !m.hasName());
    } catch (RosterFileException | RuntimeException e) {
      table.close();
      throw e;
    }
  }

  /**
   * A list from or to a party this installation does not know is refused before anything is stored.
   */
  private void requireKnown(RosterDetails details) throws RosterFileException {
    for (Party p : List.of(details.from(), details.to())) {
      boolean known =
          jdbi.withHandle(
                  h ->
                      h.createQuery("SELECT count(*) FROM parties WHERE code = :c")
                          .bind("c", p.code())
                          .mapTo(Integer.class)
                          .one())
              > 0;
      if (!known) {
        throw new RosterFileException(
            "error.party.unknown", "no party has the code " + p.code(), p.code());
      }
    }
  }

  /** The file, byte for byte, and the roster marked as importing, in one transaction. */
  private void store(long id, Rosters.Source s, Opened o, String actor) throws IOException {
    jdbi.<IOException>useTransaction(
        h -> {
          storeFile(h, s, o);
          Table t = o.table();
          String name = s.fileName().length() > 255 ? s.fileName().substring(0, 255) : s.fileName();
          h.createUpdate(
                  "INSERT INTO rosters (id, file_sha256, file_name, file_format, file_encoding, file_delimiter,"
                      + " file_sheet, from_party, to_party, received_on, purpose, notes, header, mapping, row_count,"
                      + " error_rows, imported_by, imported_at, signature, state) VALUES (:id, :sha, :name, :format,"
                      + " :enc, :delim, 0, :from, :to, :received, :purpose, :notes, :header, :mapping, 0, 0, :by, :at,"
                      + " :signature, 'importing')")
              .bind("id", id)
              .bind("sha", o.sha())
              .bind("name", name)
              .bind("format", o.json() ? "json" : t.charset().isPresent() ? "csv" : "xlsx")
              .bind("enc", t.charset().map(c -> c.name()).orElse(""))
              .bind("delim", t.delimiter() == 0 ? "" : String.valueOf(t.delimiter()))
              .bind("from", o.details().from().key())
              .bind("to", o.details().to().key())
              .bind("received", o.details().receivedOn())
              .bind("purpose", o.details().purpose().key())
              .bind("notes", o.details().notes())
              .bind("header", Json.write(t.header()))
              .bind("mapping", Json.write(o.mapping().toProfile()))
              .bind("by", actor)
              .bind("at", clock.millis())
              .bind("signature", s.signed().isPresent() ? "verified" : "none")
              .execute();
        });
  }

  private void storeFile(Handle h, Rosters.Source s, Opened o) throws IOException {
    // the same file sent twice at once: the second waits for the first to store it, then finds it
    h.execute("SELECT pg_advisory_xact_lock(hashtext(?))", o.sha());
    boolean known =
        h.createQuery("SELECT COUNT(*) FROM roster_files WHERE sha256 = :s")
                .bind("s", o.sha())
                .mapTo(Long.class)
                .one()
            > 0;
    if (known) {
      return;
    }
    h.createUpdate("INSERT INTO roster_files (sha256, size_bytes, stored_at) VALUES (:s, :n, :at)")
        .bind("s", o.sha())
        .bind("n", o.size())
        .bind("at", clock.millis())
        .execute();
    try (InputStream in = Files.newInputStream(s.file())) {
      int chunk = 0;
      for (byte[] bytes = in.readNBytes(CHUNK); bytes.length > 0; bytes = in.readNBytes(CHUNK)) {
        h.createUpdate(
                "INSERT INTO roster_file_chunks (sha256, chunk_no, content) VALUES (:s, :n, :c)")
            .bind("s", o.sha())
            .bind("n", chunk++)
            .bind("c", bytes)
            .execute();
      }
    }
  }

  /**
   * Every row read into an entry, committed every {@link #COMMIT_ROWS} rows; returns rows and rows
   * with problems.
   */
  private int[] readEntries(long id, Opened o, Rosters.Progress progress)
      throws RosterFileException, IOException {
    EntryReader read = new EntryReader(o.table().header(), o.mapping(), LocalDate.now(clock));
    EntryReader reader = o.tagsAlone() ? read.withoutNames() : read;
    int rows = 0;
    int errorRows = 0;
    try (Handle h = jdbi.open()) {
      CopyManager copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI();
      StringBuilder batch = new StringBuilder(1 << 20);
      for (Optional<Table.Row> r = o.table().next(); r.isPresent(); r = o.table().next()) {
        Entry e = reader.read(r.get());
        EntryCopy.append(batch, id, e);
        rows++;
        errorRows += e.ok() ? 0 : 1;
        if (rows % COMMIT_ROWS == 0) {
          // each batch commits on its own (COPY in autocommit): a batch lost to a crash only
          // belongs
          // to a list still marked importing, which the next start removes
          copy.copyIn(EntryCopy.SQL, new StringReader(batch.toString()));
          batch.setLength(0);
          progress.report(rows, o.table().progress());
        }
      }
      if (batch.length() > 0) {
        copy.copyIn(EntryCopy.SQL, new StringReader(batch.toString()));
      }
    } catch (SQLException e) {
      throw new StorageException(
          "entries of list " + id + " could not be stored: " + e.getMessage(), e);
    }
    return new int[] {rows, errorRows};
  }

  /**
   * Counts checked against the stored entries, the roster marked complete and journaled, at once.
   */
  private Rosters.Imported complete(
      long id, Rosters.Source s, Opened o, int[] counts, String actor) {
    return jdbi.inTransaction(
        h -> {
          long stored =
              h.createQuery("SELECT count(*) FROM roster_entries WHERE roster_id = :id")
                  .bind("id", id)
                  .mapTo(Long.class)
                  .one();
          if (stored != counts[0]) {
            throw new IllegalStateException(
                "roster " + id + ": " + counts[0] + " rows read but " + stored + " stored");
          }
          h.createUpdate(
                  "UPDATE rosters SET row_count = :rows, error_rows = :errors, state = 'complete' WHERE id = :id")
              .bind("rows", counts[0])
              .bind("errors", counts[1])
              .bind("id", id)
              .execute();
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("file", s.fileName());
          after.put("sha256", o.sha());
          after.put("from", o.details().from().key());
          after.put("to", o.details().to().key());
          after.put("purpose", o.details().purpose().key());
          after.put("signature", s.signed().isPresent() ? "verified" : "none");
          after.put("rows", counts[0]);
          after.put("errorRows", counts[1]);
          journal.append(
              h,
              Change.by(actor, "roster.import")
                  .on("roster", String.valueOf(id))
                  .now(Json.write(after)));
          return new Rosters.Imported(id, counts[0], counts[1], o.sha(), o.mapping());
        });
  }

  /**
   * What a failed import had stored goes, in one transaction; a failure here is left to the next
   * start.
   */
  private void abandon(long id) {
    try {
      jdbi.useTransaction(h -> remove(h, id));
    } catch (RuntimeException e) {
      LOG.warn(
          "the unfinished import of roster {} could not be removed now; the next start removes it: {}",
          id,
          e.getMessage());
    }
  }

  /**
   * Removes a roster still marked importing, its entries and a file only it used; a complete one is
   * never touched.
   */
  private static long remove(Handle h, long id) {
    boolean importing =
        h.createQuery("SELECT state FROM rosters WHERE id = :id FOR UPDATE")
            .bind("id", id)
            .mapTo(String.class)
            .findOne()
            .map("importing"::equals)
            .orElse(false);
    if (!importing) {
      return -1;
    }
    long entries =
        h.createUpdate("DELETE FROM roster_entries WHERE roster_id = :id").bind("id", id).execute();
    String sha =
        h.createQuery("SELECT file_sha256 FROM rosters WHERE id = :id")
            .bind("id", id)
            .mapTo(String.class)
            .findOne()
            .orElse("");
    h.createUpdate("DELETE FROM rosters WHERE id = :id AND state = 'importing'")
        .bind("id", id)
        .execute();
    long users =
        h.createQuery("SELECT count(*) FROM rosters WHERE file_sha256 = :s")
            .bind("s", sha)
            .mapTo(Long.class)
            .one();
    if (!sha.isEmpty() && users == 0) {
      h.createUpdate("DELETE FROM roster_file_chunks WHERE sha256 = :s").bind("s", sha).execute();
      h.createUpdate("DELETE FROM roster_files WHERE sha256 = :s").bind("s", sha).execute();
    }
    return entries;
  }

  /**
   * Removes every roster still marked importing whose importer is gone (its advisory lock is free),
   * with its entries and the stored file only it used, and journals each removal.
   */
  static List<Abandoned> removeUnfinished(Jdbi jdbi, Journal journal) {
    List<Abandoned> removed = new ArrayList<>();
    List<Map<String, Object>> importing =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT id, file_name FROM rosters WHERE state = 'importing' ORDER BY id")
                    .mapToMap()
                    .list());
    for (Map<String, Object> r : importing) {
      long id = ((Number) r.get("id")).longValue();
      String name = (String) r.get("file_name");
      Optional<Abandoned> gone =
          jdbi.inTransaction(
              h -> {
                // a live importer holds the lock; a transaction-scoped try takes it only from a
                // dead one
                boolean free =
                    h.createQuery("SELECT pg_try_advisory_xact_lock(:ns, :id)")
                        .bind("ns", LOCKS)
                        .bind("id", Math.toIntExact(id))
                        .mapTo(Boolean.class)
                        .one();
                if (!free) {
                  return Optional.<Abandoned>empty();
                }
                long entries = remove(h, id);
                if (entries < 0) {
                  return Optional
                      .<Abandoned>empty(); // it completed between the listing and the lock
                }
                journal.append(
                    h,
                    Change.by("system", "roster.import-abandoned")
                        .on("roster", String.valueOf(id))
                        .now(Json.write(Map.of("file", name, "entries", entries))));
                return Optional.of(new Abandoned(id, name, entries));
              });
      gone.ifPresent(removed::add);
    }
    return removed;
  }
}
