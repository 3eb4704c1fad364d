package org.handover.core.rosters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens a stored list for reading, detecting what the caller did not say.
 *
 * <pre>{@code
 * try (Table t = Tables.open(file, "spysok.csv", Tables.Options.detect())) {
 *   for (Optional<Table.Row> r = t.next(); r.isPresent(); r = t.next()) { ... }
 * }
 * }</pre>
 */
public final class Tables {
  private Tables() {}

  /**
   * What to use instead of detecting; {@code maxInflatedBytes} bounds a workbook's unpacked size.
   */
  public record Options(
      Optional<Charset> charset,
      Optional<Character> delimiter,
      int sheet,
      long maxInflatedBytes,
      boolean literalQuotes) {
    public static Options detect() {
      return new Options(Optional.empty(), Optional.empty(), 0, 256L * 1024 * 1024, false);
    }

    public Options withCharset(Charset c) {
      return new Options(Optional.of(c), delimiter, sheet, maxInflatedBytes, literalQuotes);
    }

    public Options withDelimiter(char d) {
      return new Options(charset, Optional.of(d), sheet, maxInflatedBytes, literalQuotes);
    }

    public Options withSheet(int index) {
      return new Options(charset, delimiter, index, maxInflatedBytes, literalQuotes);
    }

    public Options withMaxInflatedBytes(long max) {
      return new Options(charset, delimiter, sheet, max, literalQuotes);
    }

    /** Quotes read as any other character: for a list whose stray quotes swallowed its rows. */
    public Options withLiteralQuotes(boolean literal) {
      return new Options(charset, delimiter, sheet, maxInflatedBytes, literal);
    }
  }

  public static Format format(Path file, String fileName) throws RosterFileException, IOException {
    return Format.of(fileName, head(file, 4096));
  }

  public static Table open(Path file, String fileName, Options options)
      throws RosterFileException, IOException {
    byte[] head = head(file, 64 * 1024);
    Format format = Format.of(fileName, head);
    if (format == Format.XLSX) {
      return new XlsxTable(file, options.sheet(), options.maxInflatedBytes());
    }
    if (format == Format.JSON) {
      throw new RosterFileException(
          "error.file.json-not-a-table", "a JSON roster is read by the interchange reader");
    }
    Encodings.Detected detected = Encodings.detect(head);
    Charset charset = options.charset().orElse(detected.charset());
    int bom =
        options.charset().isEmpty() || options.charset().get().equals(detected.charset())
            ? detected.bomLength()
            : 0;
    char delimiter;
    if (options.delimiter().isPresent()) {
      delimiter = options.delimiter().get();
    } else {
      String text = new String(head, bom, head.length - bom, charset);
      delimiter = Delimiters.detect(text);
    }
    return new CsvTable(file, charset, bom, delimiter, options.literalQuotes());
  }

  static byte[] head(Path file, int max) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(max);
    }
  }
}
