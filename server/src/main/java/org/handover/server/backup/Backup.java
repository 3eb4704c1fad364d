package org.handover.server.backup;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.handover.core.journal.Checkpoint;
import org.handover.server.App;
import org.handover.server.storage.Json;
import org.handover.server.storage.StorageException;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a backup: every table of the database in one snapshot, with the journal's head, a signed
 * checkpoint and a SHA-256 of the whole, compressed and sealed ({@link Sealed}). Written to a
 * temporary file beside the target and renamed when whole: a failed backup leaves no file.
 */
public final class Backup {
  static final String MAGIC = "handover-backup";

  /** What was written. */
  public record Made(
      Path file, int tables, long rows, long bytes, long journalSeq, String sha256) {}

  private Backup() {}

  public static Made write(App app, Path file, BackupKey key, Consumer<String> progress)
      throws IOException {
    if (Files.exists(file)) {
      throw new BackupException("backup.exists", file.toString());
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path part = Files.createTempFile(dir, file.getFileName().toString(), ".part");
    try {
      Made made;
      try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
        made = write(app, raw, key, progress);
      }
      Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
      return new Made(
          file, made.tables(), made.rows(), Files.size(file), made.journalSeq(), made.sha256());
    } finally {
      Files.deleteIfExists(part);
    }
  }

  private static Made write(App app, OutputStream raw, BackupKey key, Consumer<String> progress)
      throws IOException {
    MessageDigest sha = sha256();
    Sealed.Writer sealed = new Sealed.Writer(raw, key);
    GZIPOutputStream zip =
        new GZIPOutputStream(sealed, 1 << 16) {
          {
            def.setLevel(Deflater.BEST_SPEED);
          }
        };
    DataOutputStream out = new DataOutputStream(new DigestOutputStream(zip, sha));
    Optional<String> signingKey = app.key().fileText();
    return app.database()
        .jdbi()
        .inTransaction(
            h -> {
              h.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
              Map<String, Object> head =
                  h.createQuery("SELECT last_seq, last_hash FROM journal_head WHERE id = 1")
                      .mapToMap()
                      .one();
              long seq = ((Number) head.get("last_seq")).longValue();
              String hash = ((String) head.get("last_hash")).trim();
              String checkpoint =
                  signingKey.isPresent()
                      ? new Checkpoint(seq, hash, app.key().sign(Checkpoint.signed(seq, hash)))
                          .toString()
                      : "";
              List<Manifest.Table> tables = Tables.inOrder(h);
              Manifest m =
                  new Manifest(
                      Manifest.FORMAT,
                      app.database().schemaVersion(),
                      app.clock().millis(),
                      app.key().installation(),
                      seq,
                      hash,
                      checkpoint,
                      signingKey.orElse(""),
                      tables);
              out.writeUTF(MAGIC);
              text(out, Json.write(m));
              long rows = 0;
              for (Manifest.Table t : tables) {
                long n = dump(h, t, out);
                rows += n;
                progress.accept(t.name() + ": " + n + " rows");
              }
              out.flush();
              String digest = HexFormat.of().formatHex(sha.digest());
              // the checksum of everything before it, outside the digest stream
              zip.write(digest.getBytes(StandardCharsets.US_ASCII));
              zip.close();
              return new Made(null, tables.size(), rows, 0, seq, digest);
            });
  }

  private static long dump(Handle h, Manifest.Table t, DataOutputStream out) throws IOException {
    try {
      CopyManager copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI();
      Frames.Out frames = new Frames.Out(out);
      long n =
          copy.copyOut(
              "COPY " + t.name() + " (" + String.join(", ", t.columns()) + ") TO STDOUT", frames);
      frames.close();
      out.writeLong(n);
      return n;
    } catch (SQLException e) {
      throw new StorageException("cannot read the table " + t.name() + ": " + e.getMessage(), e);
    }
  }

  static void text(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** The database's tables, each after the tables it refers to. */
  static final class Tables {
    private Tables() {}

    static List<Manifest.Table> inOrder(Handle h) {
      List<String> names =
          h.createQuery(
                  "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                      + " current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN"
                      + " ('flyway_schema_history', 'web_sessions', 'match_records',"
                      + " 'roster_match_records') ORDER BY table_name")
              .mapTo(String.class)
              .list();
      Map<String, List<String>> parents = new LinkedHashMap<>();
      names.forEach(n -> parents.put(n, new ArrayList<>()));
      h.createQuery(
              "SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent"
                  + " FROM pg_constraint c JOIN pg_namespace s ON s.oid = c.connamespace"
                  + " WHERE c.contype = 'f' AND s.nspname = current_schema()")
          .mapToMap()
          .forEach(
              r -> {
                String child = (String) r.get("child");
                String parent = (String) r.get("parent");
                if (parents.containsKey(child) && !child.equals(parent)) {
                  parents.get(child).add(parent);
                }
              });
      List<String> order = new ArrayList<>();
      while (order.size() < names.size()) {
        boolean moved = false;
        for (String n : names) {
          if (!order.contains(n) && order.containsAll(parents.get(n))) {
            order.add(n);
            moved = true;
          }
        }
        if (!moved) {
          throw new IllegalStateException("the tables' foreign keys form a cycle: " + parents);
        }
      }
      List<Manifest.Table> tables = new ArrayList<>();
      for (String n : order) {
        List<String> columns =
            h.createQuery(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema ="
                        + " current_schema() AND table_name = :t ORDER BY ordinal_position")
                .bind("t", n)
                .mapTo(String.class)
                .list();
        List<String> identity =
            h.createQuery(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema ="
                        + " current_schema() AND table_name = :t AND is_identity = 'YES'")
                .bind("t", n)
                .mapTo(String.class)
                .list();
        tables.add(new Manifest.Table(n, columns, identity));
      }
      return tables;
    }
  }
}
