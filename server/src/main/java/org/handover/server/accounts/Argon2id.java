package org.handover.server.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Argon2id (RFC 9106, version 0x13) over working memory that is kept and reused: a library that
 * allocates 19 MiB for every hash lets a flood of logins grow the server's heap by its garbage.
 */
final class Argon2id {
  private static final int VERSION = 0x13;
  private static final int TYPE = 2;
  private static final int WORDS = 128; // 64-bit words in a 1 KiB block

  /** Working memories kept between hashes: as many as hashes may run at once. */
  static final int KEPT = Math.max(2, Runtime.getRuntime().availableProcessors());

  /** The cost of new hashes: 19 MiB, 2 passes, 1 lane (OWASP's minimum for Argon2id). */
  static final Cost STANDARD = new Cost(19456, 2, 1);

  /** A stored hash asking for more is not worked through: it is not one of ours. */
  private static final int MOST_KIB = 64 * 1024;

  private static final int MOST_PASSES = 16;

  private static final ConcurrentLinkedQueue<long[]> MEMORIES = new ConcurrentLinkedQueue<>();
  private static final AtomicInteger KEPT_NOW = new AtomicInteger();

  /** The cost of a hash. */
  record Cost(int memoryKib, int iterations, int lanes) {
    Cost {
      if (lanes < 1 || lanes > 255 || iterations < 1 || memoryKib < 8 * lanes) {
        throw new IllegalArgumentException("Argon2 cost m=" + memoryKib + " t=" + iterations);
      }
    }

    int blocks() {
      return 4 * lanes * (memoryKib / (4 * lanes));
    }
  }

  private Argon2id() {}

  /** The hash in the standard {@code $argon2id$v=19$m=..,t=..,p=..$salt$tag} form. */
  static String encode(byte[] password, byte[] salt, Cost cost, int tagLength) {
    byte[] tag = hash(password, salt, new byte[0], new byte[0], cost, tagLength);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m="
        + cost.memoryKib()
        + ",t="
        + cost.iterations()
        + ",p="
        + cost.lanes()
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(tag);
  }

  /** Whether the password gives the encoded hash; false for anything that is not one. */
  static boolean verify(byte[] password, String encoded) {
    String[] part = encoded.split("\\$", -1);
    if (part.length != 6
        || !part[0].isEmpty()
        || !part[1].equals("argon2id")
        || !part[2].equals("v=19")) {
      return false;
    }
    int m = -1;
    int t = -1;
    int p = -1;
    for (String kv : part[3].split(",", -1)) {
      String[] pair = kv.split("=", 2);
      if (pair.length != 2 || !pair[1].matches("[0-9]{1,8}")) {
        return false;
      }
      int value = Integer.parseInt(pair[1]);
      switch (pair[0]) {
        case "m" -> m = value;
        case "t" -> t = value;
        case "p" -> p = value;
        default -> {
          return false;
        }
      }
    }
    byte[] salt;
    byte[] tag;
    try {
      salt = Base64.getDecoder().decode(part[4]);
      tag = Base64.getDecoder().decode(part[5]);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (m < 0
        || t < 0
        || p < 0
        || tag.length < 4
        || tag.length > 1024
        || salt.length < 8
        || m > MOST_KIB
        || t > MOST_PASSES
        || p > 16) {
      return false; // an absurd cost in a stored hash is not worked through
    }
    Cost cost;
    try {
      cost = new Cost(m, t, p);
    } catch (IllegalArgumentException e) {
      return false;
    }
    byte[] mine = hash(password, salt, new byte[0], new byte[0], cost, tag.length);
    return MessageDigest.isEqual(mine, tag);
  }

  static boolean verify(String password, String encoded) {
    return verify(password.getBytes(StandardCharsets.UTF_8), encoded);
  }

  /** The raw tag, with the optional secret and associated data of RFC 9106. */
  static byte[] hash(
      byte[] password, byte[] salt, byte[] secret, byte[] associated, Cost cost, int tagLength) {
    int lanes = cost.lanes();
    int blocks = cost.blocks();
    int laneLength = blocks / lanes;
    Blake2b blake = new Blake2b();
    byte[] h0 = new byte[72];
    blake.init(64).updateInt(lanes).updateInt(tagLength).updateInt(cost.memoryKib());
    blake.updateInt(cost.iterations()).updateInt(VERSION).updateInt(TYPE);
    blake.updateInt(password.length).update(password).updateInt(salt.length).update(salt);
    blake.updateInt(secret.length).update(secret).updateInt(associated.length).update(associated);
    blake.finish(h0, 0);

    long[] memory = borrow(blocks * WORDS);
    try {
      byte[] block = new byte[1024];
      for (int lane = 0; lane < lanes; lane++) {
        for (int j = 0; j < 2; j++) {
          putInt(h0, 64, j);
          putInt(h0, 68, lane);
          hashLong(blake, h0, block, 1024);
          for (int w = 0; w < WORDS; w++) {
            memory[(lane * laneLength + j) * WORDS + w] = longAt(block, 8 * w);
          }
        }
      }
      new Filling(memory, lanes, laneLength, cost.iterations(), blocks).run();
      long[] last = new long[WORDS];
      for (int lane = 0; lane < lanes; lane++) {
        int at = (lane * laneLength + laneLength - 1) * WORDS;
        for (int w = 0; w < WORDS; w++) {
          last[w] ^= memory[at + w];
        }
      }
      for (int w = 0; w < WORDS; w++) {
        for (int b = 0; b < 8; b++) {
          block[8 * w + b] = (byte) (last[w] >>> (8 * b));
        }
      }
      byte[] tag = new byte[tagLength];
      hashLong(blake, block, tag, tagLength);
      return tag;
    } finally {
      giveBack(memory);
    }
  }

  private static long[] borrow(int words) {
    if (words == STANDARD.blocks() * WORDS) {
      long[] m = MEMORIES.poll();
      if (m != null) {
        KEPT_NOW.decrementAndGet();
        return m;
      }
    }
    return new long[words];
  }

  private static void giveBack(long[] memory) {
    if (memory.length != STANDARD.blocks() * WORDS) {
      return; // only the standard cost's memory is kept: another one is rare
    }
    Arrays.fill(memory, 0L); // no derived secret lies in a kept memory
    if (KEPT_NOW.incrementAndGet() <= KEPT) {
      MEMORIES.add(memory);
    } else {
      KEPT_NOW.decrementAndGet();
    }
  }

  /** H' of RFC 9106: BLAKE2b stretched to any length. */
  private static void hashLong(Blake2b blake, byte[] input, byte[] out, int length) {
    if (length <= 64) {
      blake.init(length).updateInt(length).update(input).finish(out, 0);
      return;
    }
    byte[] v = new byte[64];
    blake.init(64).updateInt(length).update(input).finish(v, 0);
    System.arraycopy(v, 0, out, 0, 32);
    int at = 32;
    int remaining = length - 32;
    while (remaining > 64) {
      blake.init(64).update(v).finish(v, 0);
      System.arraycopy(v, 0, out, at, 32);
      at += 32;
      remaining -= 32;
    }
    blake.init(remaining).update(v).finish(out, at);
  }

  static long longAt(byte[] b, int at) {
    long x = 0;
    for (int i = 7; i >= 0; i--) {
      x = (x << 8) | (b[at + i] & 0xFFL);
    }
    return x;
  }

  private static void putInt(byte[] b, int at, int value) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) (value >>> (8 * i));
    }
  }

  /** The passes over memory; lanes of a slice are filled one after another. */
  private static final class Filling {
    private final long[] memory;
    private final int lanes;
    private final int laneLength;
    private final int segment;
    private final int passes;
    private final int blocks;
    private final long[] zero = new long[WORDS];
    private final long[] input = new long[WORDS];
    private final long[] address = new long[WORDS];
    private final long[] r = new long[WORDS];
    private final long[] t = new long[WORDS];

    Filling(long[] memory, int lanes, int laneLength, int passes, int blocks) {
      this.memory = memory;
      this.lanes = lanes;
      this.laneLength = laneLength;
      this.segment = laneLength / 4;
      this.passes = passes;
      this.blocks = blocks;
    }

    void run() {
      for (int pass = 0; pass < passes; pass++) {
        for (int slice = 0; slice < 4; slice++) {
          for (int lane = 0; lane < lanes; lane++) {
            segment(pass, slice, lane);
          }
        }
      }
    }

    private void segment(int pass, int slice, int lane) {
      boolean independent = pass == 0 && slice < 2; // Argon2id: Argon2i's addressing first
      if (independent) {
        Arrays.fill(input, 0L);
        input[0] = pass;
        input[1] = lane;
        input[2] = slice;
        input[3] = blocks;
        input[4] = passes;
        input[5] = TYPE;
      }
      int start = 0;
      if (pass == 0 && slice == 0) {
        start = 2;
        if (independent) {
          nextAddresses();
        }
      }
      int current = lane * laneLength + slice * segment + start;
      int previous = current % laneLength == 0 ? current + laneLength - 1 : current - 1;
      for (int i = start; i < segment; i++, current++, previous++) {
        if (current % laneLength == 1) {
          previous = current - 1;
        }
        long random;
        if (independent) {
          if (i % WORDS == 0) {
            nextAddresses();
          }
          random = address[i % WORDS];
        } else {
          random = memory[previous * WORDS];
        }
        int refLane = pass == 0 && slice == 0 ? lane : (int) ((random >>> 32) % lanes);
        int refIndex = referenceIndex(pass, slice, i, random & 0xFFFFFFFFL, refLane == lane);
        compress(
            memory,
            previous * WORDS,
            memory,
            (refLane * laneLength + refIndex) * WORDS,
            memory,
            current * WORDS,
            pass != 0);
      }
    }

    private int referenceIndex(int pass, int slice, int i, long j1, boolean sameLane) {
      long area;
      if (pass == 0 && slice == 0) {
        area = i - 1;
      } else {
        long done = pass == 0 ? (long) slice * segment : laneLength - segment;
        area = sameLane ? done + i - 1 : done + (i == 0 ? -1 : 0);
      }
      long x = (j1 * j1) >>> 32;
      long relative = area - 1 - ((area * x) >>> 32);
      long start = pass != 0 && slice != 3 ? (long) (slice + 1) * segment : 0;
      return (int) ((start + relative) % laneLength);
    }

    private void nextAddresses() {
      input[6]++;
      compress(zero, 0, input, 0, address, 0, false);
      compress(zero, 0, address, 0, address, 0, false);
    }

    /** G: out = P(x ^ y) ^ (x ^ y) [^ out, from the second pass]. */
    private void compress(long[] x, int xo, long[] y, int yo, long[] out, int oo, boolean withOld) {
      for (int w = 0; w < WORDS; w++) {
        r[w] = x[xo + w] ^ y[yo + w];
        t[w] = withOld ? r[w] ^ out[oo + w] : r[w];
      }
      for (int i = 0; i < 8; i++) {
        int b = 16 * i;
        round(
            b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 8, b + 9, b + 10, b + 11,
            b + 12, b + 13, b + 14, b + 15);
      }
      for (int i = 0; i < 8; i++) {
        int b = 2 * i;
        round(
            b, b + 1, b + 16, b + 17, b + 32, b + 33, b + 48, b + 49, b + 64, b + 65, b + 80,
            b + 81, b + 96, b + 97, b + 112, b + 113);
      }
      for (int w = 0; w < WORDS; w++) {
        out[oo + w] = t[w] ^ r[w];
      }
    }

    private void round(
        int v0,
        int v1,
        int v2,
        int v3,
        int v4,
        int v5,
        int v6,
        int v7,
        int v8,
        int v9,
        int v10,
        int v11,
        int v12,
        int v13,
        int v14,
        int v15) {
      g(v0, v4, v8, v12);
      g(v1, v5, v9, v13);
      g(v2, v6, v10, v14);
      g(v3, v7, v11, v15);
      g(v0, v5, v10, v15);
      g(v1, v6, v11, v12);
      g(v2, v7, v8, v13);
      g(v3, v4, v9, v14);
    }

    private void g(int a, int b, int c, int d) {
      long[] v = r;
      v[a] = blaMka(v[a], v[b]);
      v[d] = Long.rotateRight(v[d] ^ v[a], 32);
      v[c] = blaMka(v[c], v[d]);
      v[b] = Long.rotateRight(v[b] ^ v[c], 24);
      v[a] = blaMka(v[a], v[b]);
      v[d] = Long.rotateRight(v[d] ^ v[a], 16);
      v[c] = blaMka(v[c], v[d]);
      v[b] = Long.rotateRight(v[b] ^ v[c], 63);
    }

    private static long blaMka(long x, long y) {
      return x + y + 2 * (x & 0xFFFFFFFFL) * (y & 0xFFFFFFFFL);
    }
  }
}
