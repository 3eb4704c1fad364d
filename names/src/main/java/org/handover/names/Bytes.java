package org.handover.names;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bytes written and read back quickly: strings as UTF-8 after their length, numbers big-endian. A
 * stored registry is read a million records at a time, where {@code DataInputStream.readUTF}
 * decoding Cyrillic a character at a time was most of the reading.
 */
public final class Bytes {
  private Bytes() {}

  /** A growing array written from the start. */
  public static final class Writer {
    private byte[] bytes = new byte[256];
    private int size;

    private void room(int n) {
      if (size + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
      }
    }

    public Writer put(int b) {
      room(1);
      bytes[size++] = (byte) b;
      return this;
    }

    public Writer putShort(int v) {
      room(2);
      bytes[size++] = (byte) (v >>> 8);
      bytes[size++] = (byte) v;
      return this;
    }

    public Writer putLong(long v) {
      room(8);
      for (int s = 56; s >= 0; s -= 8) {
        bytes[size++] = (byte) (v >>> s);
      }
      return this;
    }

    public Writer putString(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      if (b.length > 0xffff) {
        throw new IllegalArgumentException("a string of " + b.length + " bytes is too long");
      }
      putShort(b.length);
      room(b.length);
      System.arraycopy(b, 0, bytes, size, b.length);
      size += b.length;
      return this;
    }

    public byte[] toArray() {
      return Arrays.copyOf(bytes, size);
    }
  }

  /** An array read from the start. */
  public static final class Reader {
    private final byte[] bytes;
    private int at;

    public Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    public int get() {
      return bytes[at++];
    }

    public int getShort() {
      int v = ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
      at += 2;
      return (short) v;
    }

    public int getUnsignedShort() {
      return getShort() & 0xffff;
    }

    public long getLong() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (bytes[at++] & 0xff);
      }
      return v;
    }

    /** Skips a string. */
    public void skipString() {
      int n = getUnsignedShort(); // read first: "at += getUnsignedShort()" would lose its 2 bytes
      at += n;
    }

    /** Skips the rest of a prepared part after its raw text: folded, flags, skeletons, phonetic. */
    void skipPart() {
      skipString();
      at++;
      int n = get();
      for (int i = 0; i < n; i++) {
        skipString();
      }
      skipString();
    }

    public String getString() {
      int n = getUnsignedShort();
      String s = n == 0 ? "" : new String(bytes, at, n, StandardCharsets.UTF_8);
      at += n;
      return s;
    }
  }
}
