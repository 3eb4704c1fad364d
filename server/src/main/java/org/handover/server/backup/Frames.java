package org.handover.server.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One table's COPY data inside the archive, as frames of at most 64 KiB ending with an empty one:
 * the reader knows where a table ends without parsing its rows.
 */
final class Frames {
  private static final int FRAME = 64 * 1024;

  private Frames() {}

  static final class Out extends OutputStream {
    private final DataOutputStream out;
    private final byte[] buffer = new byte[FRAME];
    private int filled;

    Out(DataOutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        if (filled == FRAME) {
          flushFrame();
        }
        int n = Math.min(len, FRAME - filled);
        System.arraycopy(b, off, buffer, filled, n);
        filled += n;
        off += n;
        len -= n;
      }
    }

    private void flushFrame() throws IOException {
      if (filled > 0) {
        out.writeInt(filled);
        out.write(buffer, 0, filled);
        filled = 0;
      }
    }

    /** Writes what is left and the empty frame that ends the table; the archive stays open. */
    @Override
    public void close() throws IOException {
      flushFrame();
      out.writeInt(0);
    }
  }

  static final class In extends InputStream {
    private final DataInputStream in;
    private int left;
    private boolean ended;

    In(DataInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (ended) {
        return -1;
      }
      if (left == 0) {
        left = in.readInt();
        if (left < 0 || left > FRAME) {
          throw new BackupException("backup.frame", String.valueOf(left));
        }
        if (left == 0) {
          ended = true;
          return -1;
        }
      }
      int n = in.read(b, off, Math.min(len, left));
      if (n < 0) {
        throw new BackupException("backup.cut-table");
      }
      left -= n;
      return n;
    }

    /** Reads to the table's end, so the archive stands at the next table. */
    void drain() throws IOException {
      byte[] skip = new byte[FRAME];
      while (read(skip, 0, skip.length) >= 0) {
        // nothing: the rest of the table is not wanted
      }
    }
  }
}
