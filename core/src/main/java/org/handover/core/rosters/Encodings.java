package org.handover.core.rosters;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Which encoding a text file is in, from its first bytes: UTF-8 (with or without BOM), UTF-16
 * LE/BE, or one of the single-byte Cyrillic code pages lists still arrive in (Windows-1251, KOI8-U,
 * KOI8-R, CP866).
 *
 * <pre>{@code
 * Encodings.Detected d = Encodings.detect(Files.readAllBytes(file));  // e.g. windows-1251, no BOM
 * }</pre>
 *
 * Single-byte code pages are told apart by what their decoding looks like: names are a capital
 * followed by small letters, so a decoding that gives "пЕТРОВ" or box-drawing signs is the wrong
 * one.
 */
public final class Encodings {
  private Encodings() {}

  public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
  public static final Charset KOI8_U = Charset.forName("KOI8-U");
  public static final Charset KOI8_R = Charset.forName("KOI8-R");
  public static final Charset CP866 = Charset.forName("IBM866");
  public static final List<Charset> SUPPORTED =
      List.of(
          StandardCharsets.UTF_8,
          StandardCharsets.UTF_16LE,
          StandardCharsets.UTF_16BE,
          WINDOWS_1251,
          KOI8_U,
          KOI8_R,
          CP866);

  /** An encoding and how many bytes of byte-order mark precede the text. */
  public record Detected(Charset charset, int bomLength) {}

  public static Detected detect(byte[] head) {
    int n = head.length;
    if (n >= 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      return new Detected(StandardCharsets.UTF_8, 3);
    }
    if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      return new Detected(StandardCharsets.UTF_16LE, 2);
    }
    if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      return new Detected(StandardCharsets.UTF_16BE, 2);
    }
    int zeroEven = 0;
    int zeroOdd = 0;
    for (int i = 0; i < Math.min(n, 4096); i++) {
      if (head[i] == 0) {
        if (i % 2 == 0) {
          zeroEven++;
        } else {
          zeroOdd++;
        }
      }
    }
    int pairs = Math.min(n, 4096) / 2;
    if (pairs > 0 && zeroOdd > pairs / 4 && zeroEven < pairs / 20) {
      return new Detected(StandardCharsets.UTF_16LE, 0);
    }
    if (pairs > 0 && zeroEven > pairs / 4 && zeroOdd < pairs / 20) {
      return new Detected(StandardCharsets.UTF_16BE, 0);
    }
    if (isUtf8(head)) {
      return new Detected(StandardCharsets.UTF_8, 0);
    }
    Charset best = WINDOWS_1251;
    long bestScore = Long.MIN_VALUE;
    for (Charset c : List.of(WINDOWS_1251, KOI8_U, KOI8_R, CP866)) {
      long score = score(new String(head, c));
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return new Detected(best, 0);
  }

  /** Whether the bytes are valid UTF-8, allowing a character cut off at the end of the sample. */
  static boolean isUtf8(byte[] head) {
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(head);
    CharBuffer out = CharBuffer.allocate(head.length + 1);
    var result = d.decode(in, out, false);
    if (result.isError()) {
      return false;
    }
    return in.remaining() < 4; // only a cut-off character may be left
  }

  /**
   * How much a decoding looks like Cyrillic names: capitals at word starts, small letters after.
   */
  static long score(String text) {
    long score = 0;
    char prev = ' ';
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean cyr = c >= 0x0400 && c <= 0x04FF;
      if (cyr && Character.isLowerCase(c)) {
        score += Character.isLetter(prev) ? 2 : 0;
      } else if (cyr && Character.isUpperCase(c)) {
        score += Character.isLetter(prev) && Character.isLowerCase(prev) ? -3 : 1;
      } else if (c >= 0x80 && !cyr && c != 0x2116 && c != 0xA0 && c != 0xAB && c != 0xBB) {
        score -= 4; // box drawing, symbols: a wrong code page
      }
      prev = c;
    }
    return score;
  }

  /** Strict decoding: undecodable bytes are an error, never silently replaced. */
  public static CharsetDecoder strictDecoder(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Decodes strictly, or says where the first bad byte is. */
  public static String decode(byte[] bytes, int offset, Charset charset)
      throws CharacterCodingException {
    return strictDecoder(charset)
        .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
        .toString();
  }
}
