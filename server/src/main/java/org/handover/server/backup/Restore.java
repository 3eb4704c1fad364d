package org.handover.server.backup;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.handover.server.storage.Database;
import org.handover.server.storage.Json;
import org.handover.server.storage.StorageException;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a backup into an empty database, in one transaction: a wrong key, an altered or cut file, a
 * count or checksum that does not hold leaves the database as empty as it was.
 */
public final class Restore {
  private Restore() {}

  /** What was loaded, and what the backup said of itself. */
  public record Loaded(Manifest manifest, long rows) {
    public long journalSeq() {
      return manifest.journalSeq();
    }

    public String journalHash() {
      return manifest.journalHash();
    }

    public String checkpoint() {
      return manifest.checkpoint();
    }

    public String signingKey() {
      return manifest.signingKey();
    }

    public String schema() {
      return manifest.schema();
    }
  }

  /**
   * Loads the backup into the database at {@code url}, created (and migrated to the backup's
   * schema) when it does not exist. The caller opens it afterwards, which migrates it further.
   */
  static Loaded into(String url, Path file, BackupKeys keys, Consumer<String> progress)
      throws IOException {
    InputStream raw;
    try {
      raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (NoSuchFileException e) {
      throw new BackupException("backup.no-file", file.toString());
    }
    try (raw) {
      MessageDigest sha = Backup.sha256();
      Sealed.Reader sealed = new Sealed.Reader(raw, keys);
      GZIPInputStream zip = new GZIPInputStream(sealed, 1 << 16);
      DataInputStream in = new DataInputStream(new DigestInputStream(zip, sha));
      if (!Backup.MAGIC.equals(in.readUTF())) {
        throw new BackupException("backup.no-header");
      }
      Manifest m = Json.read(text(in), new TypeReference<Manifest>() {});
      if (m.format() != Manifest.FORMAT) {
        throw new BackupException("backup.format", m.format());
      }
      try (Database db = Database.createAt(url, m.schema())) {
        String schema = db.schemaVersion();
        if (!schema.equals(m.schema())) {
          throw new BackupException("backup.newer", m.schema(), schema);
        }
        long rows =
            db.jdbi()
                .inTransaction(
                    h -> {
                      refuseUnlessEmpty(h, db.url());
                      List<Manifest.Table> tables = m.tables();
                      for (int i = tables.size() - 1; i >= 0; i--) {
                        // the rows a fresh database starts with (the first parties, the head)
                        h.execute("DELETE FROM " + tables.get(i).name());
                      }
                      long n = load(h, in, tables, progress);
                      String computed = HexFormat.of().formatHex(sha.digest());
                      byte[] stored = zip.readNBytes(64);
                      if (!computed.equals(new String(stored, StandardCharsets.US_ASCII))) {
                        throw new BackupException("backup.checksum");
                      }
                      if (zip.read() >= 0) {
                        throw new BackupException("backup.after-checksum");
                      }
                      return n;
                    });
        return new Loaded(m, rows);
      }
    } catch (EOFException e) {
      throw new BackupException("backup.cut");
    } catch (ZipException e) {
      throw new BackupException("backup.damaged", String.valueOf(e.getMessage()));
    }
  }

  private static void refuseUnlessEmpty(Handle h, String url) {
    long entries = h.createQuery("SELECT count(*) FROM journal").mapTo(Long.class).one();
    long persons = h.createQuery("SELECT count(*) FROM persons").mapTo(Long.class).one();
    long users = h.createQuery("SELECT count(*) FROM users").mapTo(Long.class).one();
    if (entries + persons + users > 0) {
      throw new BackupException("backup.not-empty", url, entries, persons, users);
    }
  }

  private static long load(
      Handle h, DataInputStream in, List<Manifest.Table> tables, Consumer<String> progress)
      throws IOException {
    CopyManager copy;
    try {
      copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI();
    } catch (SQLException e) {
      throw new StorageException("cannot load the backup: " + e.getMessage(), e);
    }
    long rows = 0;
    for (Manifest.Table t : tables) {
      Frames.In frames = new Frames.In(in);
      long n;
      try {
        n =
            copy.copyIn(
                "COPY " + t.name() + " (" + String.join(", ", t.columns()) + ") FROM STDIN",
                frames);
      } catch (SQLException e) {
        throw new BackupException("backup.rows-fail", t.name(), String.valueOf(e.getMessage()));
      }
      frames.drain();
      long expected = in.readLong();
      if (n != expected) {
        throw new BackupException("backup.rows-count", t.name(), n, expected);
      }
      for (String column : t.identity()) {
        // the next number drawn follows the restored ones
        h.createQuery(
                "SELECT setval(pg_get_serial_sequence(:t, :c), coalesce(max("
                    + column
                    + "), 0) + 1, false) FROM "
                    + t.name())
            .bind("t", t.name())
            .bind("c", column)
            .mapTo(Long.class)
            .one();
      }
      rows += n;
      progress.accept(t.name() + ": " + n + " rows");
    }
    return rows;
  }

  private static String text(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 16 * 1024 * 1024) {
      throw new BackupException("backup.header-size", String.valueOf(n));
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }
}
