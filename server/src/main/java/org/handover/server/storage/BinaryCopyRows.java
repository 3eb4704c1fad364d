package org.handover.server.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Rows in PostgreSQL's binary COPY format, for rows of bytes: a record of a kilobyte goes as a
 * kilobyte, where the text format sends it as two of hexadecimal that both sides must write and
 * read.
 *
 * <pre>{@code
 * BinaryCopyRows rows = new BinaryCopyRows();
 * rows.row(3).int8(id).text(codec).bytes(record);
 * rows.copy(h, "COPY match_records (person_id, codec, record) FROM STDIN (FORMAT binary)");
 * }</pre>
 */
public final class BinaryCopyRows {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
  private final DataOutputStream out = new DataOutputStream(bytes);

  public BinaryCopyRows() {
    try {
      out.write("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
      out.writeInt(0); // flags
      out.writeInt(0); // no header extension
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Begins a row of {@code fields} values, each given next in the table's column order. */
  public BinaryCopyRows row(int fields) {
    return write(() -> out.writeShort(fields));
  }

  /** A BIGINT. */
  public BinaryCopyRows int8(long v) {
    return write(
        () -> {
          out.writeInt(8);
          out.writeLong(v);
        });
  }

  /** An INTEGER. */
  public BinaryCopyRows int4(int v) {
    return write(
        () -> {
          out.writeInt(4);
          out.writeInt(v);
        });
  }

  /** A TEXT or VARCHAR. */
  public BinaryCopyRows text(String s) {
    return bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A BYTEA. */
  public BinaryCopyRows bytes(byte[] b) {
    return write(
        () -> {
          out.writeInt(b.length);
          out.write(b);
        });
  }

  /** Sends the rows with {@code sql} (a COPY ... FROM STDIN (FORMAT binary)). */
  public long copy(Handle h, String sql) {
    try {
      out.writeShort(-1);
      return h.getConnection()
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(sql, new ByteArrayInputStream(bytes.toByteArray()));
    } catch (SQLException | IOException e) {
      throw new StorageException("rows could not be stored: " + e.getMessage(), e);
    }
  }

  private interface Write {
    void run() throws IOException;
  }

  private BinaryCopyRows write(Write w) {
    try {
      w.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
