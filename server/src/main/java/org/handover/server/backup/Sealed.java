package org.handover.server.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A backup file's encryption: AES-256-GCM in segments of at most 1 MiB, so that neither side holds
 * the whole backup in memory. Each segment's nonce carries its number and whether it is the last,
 * and each authenticates the file's header: segments cannot be reordered, dropped, cut off or moved
 * to another file without the restore saying so.
 *
 * <pre>
 * file    = "HOBK" version(1) kind(1) salt(16) prefix(7) segment*
 * segment = last(1) length(4) ciphertext-with-tag(length)
 * nonce   = prefix(7) number(4) last(1)
 * </pre>
 */
final class Sealed {
  static final byte[] MAGIC = {'H', 'O', 'B', 'K'};
  static final byte VERSION = 1;
  static final int SEGMENT = 1 << 20;
  private static final int TAG_BITS = 128;
  private static final int HEADER = 4 + 1 + 1 + 16 + 7;

  private Sealed() {}

  /** Encrypts everything written to it; {@link #close} writes the last segment. */
  static final class Writer extends OutputStream {
    private final DataOutputStream out;
    private final SecretKeySpec key;
    private final byte[] header;
    private final byte[] prefix;
    private final byte[] buffer = new byte[SEGMENT];
    private int filled;
    private int number;
    private boolean closed;

    Writer(OutputStream file, BackupKey source) throws IOException {
      SecureRandom random = new SecureRandom();
      byte[] salt = new byte[16];
      random.nextBytes(salt);
      prefix = new byte[7];
      random.nextBytes(prefix);
      header =
          ByteBuffer.allocate(HEADER)
              .put(MAGIC)
              .put(VERSION)
              .put(source.kind())
              .put(salt)
              .put(prefix)
              .array();
      try {
        key = source.derive(salt);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot derive the backup's key", e);
      }
      out = new DataOutputStream(file);
      out.write(header);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        if (filled == SEGMENT) {
          seal(false);
        }
        int n = Math.min(len, SEGMENT - filled);
        System.arraycopy(b, off, buffer, filled, n);
        filled += n;
        off += n;
        len -= n;
      }
    }

    private void seal(boolean last) throws IOException {
      try {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(
            Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce(prefix, number, last)));
        c.updateAAD(header);
        byte[] sealed = c.doFinal(buffer, 0, filled);
        out.writeByte(last ? 1 : 0);
        out.writeInt(sealed.length);
        out.write(sealed);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM encryption failed", e);
      }
      number++;
      filled = 0;
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        seal(true);
        Arrays.fill(buffer, (byte) 0);
        out.close();
      }
    }
  }

  /** Decrypts a file made by {@link Writer}, segment by segment, refusing any that was altered. */
  static final class Reader extends InputStream {
    private final DataInputStream in;
    private final SecretKeySpec key;
    private final byte[] header = new byte[HEADER];
    private final byte[] prefix;
    private byte[] plain = new byte[0];
    private int read;
    private int number;
    private boolean ended;

    Reader(InputStream file, BackupKeys keys) throws IOException {
      in = new DataInputStream(file);
      try {
        in.readFully(header);
      } catch (EOFException e) {
        throw new BackupException("backup.short");
      }
      if (!Arrays.equals(Arrays.copyOf(header, 4), MAGIC)) {
        throw new BackupException("backup.magic");
      }
      if (header[4] != VERSION) {
        throw new BackupException("backup.file-format", header[4]);
      }
      byte[] salt = Arrays.copyOfRange(header, 6, 22);
      prefix = Arrays.copyOfRange(header, 22, 29);
      try {
        key = keys.forKind(header[5]).derive(salt);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot derive the backup's key", e);
      }
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (read == plain.length) {
        if (ended) {
          return -1;
        }
        next();
      }
      int n = Math.min(len, plain.length - read);
      System.arraycopy(plain, read, b, off, n);
      read += n;
      return n;
    }

    private void next() throws IOException {
      byte last;
      int length;
      byte[] sealed;
      try {
        last = in.readByte();
        length = in.readInt();
        if (length < 16 || length > SEGMENT + 16 || (last != 0 && last != 1)) {
          throw new BackupException("backup.segment-header", number + 1);
        }
        sealed = new byte[length];
        in.readFully(sealed);
      } catch (EOFException e) {
        throw new BackupException("backup.segment-cut", number);
      }
      try {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(
            Cipher.DECRYPT_MODE,
            key,
            new GCMParameterSpec(TAG_BITS, nonce(prefix, number, last == 1)));
        c.updateAAD(header);
        plain = c.doFinal(sealed);
      } catch (AEADBadTagException e) {
        throw number == 0
            ? new BackupException("backup.wrong-key")
            : new BackupException("backup.segment-altered", number + 1);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM decryption failed", e);
      }
      read = 0;
      number++;
      if (last == 1) {
        ended = true;
        if (in.read() >= 0) {
          throw new BackupException("backup.trailing");
        }
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static byte[] nonce(byte[] prefix, int number, boolean last) {
    return ByteBuffer.allocate(12).put(prefix).putInt(number).put((byte) (last ? 1 : 0)).array();
  }
}
