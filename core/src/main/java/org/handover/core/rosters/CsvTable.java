package org.handover.core.rosters;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A delimited text list (CSV, TSV, semicolons), decoded strictly and streamed. */
final class CsvTable implements Table {
  private final CsvReader<CsvRecord> reader;
  private final CloseableIterator<CsvRecord> rows;
  private final Charset charset;
  private final char delimiter;
  private final List<String> header;
  private int number;

  /** The line the next record starts on, or after (empty lines are passed over). */
  private long nextLine = 1;

  private final Path file;
  private final int bomLength;

  private final long size;
  private volatile long consumed;

  /** A character no list holds, for quotes read literally. */
  private static final char NO_QUOTE = '\u0000';

  CsvTable(Path file, Charset charset, int bomLength, char delimiter, boolean literalQuotes)
      throws RosterFileException, IOException {
    this.charset = charset;
    this.file = file;
    this.bomLength = bomLength;
    this.delimiter = delimiter;
    this.size = Math.max(1, Files.size(file));
    InputStream in =
        new FilterInputStream(Files.newInputStream(file)) {
          @Override
          public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
              consumed++;
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
              consumed += n;
            }
            return n;
          }
        };
    in.skipNBytes(bomLength);
    this.reader =
        CsvReader.builder()
            .fieldSeparator(delimiter)
            .skipEmptyLines(true)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .quoteCharacter(literalQuotes ? NO_QUOTE : '"')
            .ofCsvRecord(new InputStreamReader(in, Encodings.strictDecoder(charset)));
    this.rows = reader.iterator();
    Optional<CsvRecord> first;
    try {
      first = read();
    } catch (RosterFileException | RuntimeException e) {
      close(); // a file that cannot be read is not kept open
      throw e;
    }
    if (first.isEmpty()) {
      close();
      throw new RosterFileException(
          "error.file.empty", "the file has no rows", file.getFileName().toString());
    }
    List<String> h = new ArrayList<>();
    int breaks = 0;
    for (String cell : first.get().getFields()) {
      h.add(cell.strip());
      breaks += lineBreaks(cell);
    }
    nextLine = first.get().getStartingLineNumber() + breaks + 1;
    this.header = List.copyOf(h);
  }

  private Optional<CsvRecord> read() throws RosterFileException {
    try {
      return rows.hasNext() ? Optional.of(rows.next()) : Optional.empty();
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        long line = badLine();
        throw new RosterFileException(
            "error.file.undecodable",
            "bytes on line " + line + " are not valid " + charset.name(),
            String.valueOf(line),
            charset.name());
      }
      throw new RosterFileException(
          "error.file.unreadable", "cannot read the file: " + e.getMessage(), e.getMessage());
    } catch (CsvParseException e) {
      throw new RosterFileException(
          "error.file.csv",
          "the text from line " + nextLine + " on is not valid CSV: " + e.getMessage(),
          String.valueOf(nextLine),
          String.valueOf(e.getMessage()));
    }
  }

  private static int lineBreaks(String cell) {
    int n = 0;
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n'))) {
        n++;
      }
    }
    return n;
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public Optional<Row> next() throws RosterFileException {
    Optional<CsvRecord> r = read();
    if (r.isEmpty()) {
      return Optional.empty();
    }
    number++;
    List<String> cells = r.get().getFields();
    int breaks = 0;
    boolean runaway = false;
    for (String cell : cells) {
      int inCell = lineBreaks(cell);
      breaks += inCell;
      // a cell over several lines holding separators took in rows of the file: a stray quote opened
      // it
      runaway |= inCell > 0 && cell.indexOf(delimiter) >= 0;
    }
    nextLine = r.get().getStartingLineNumber() + breaks + 1;
    return Optional.of(
        new Row(number, r.get().getStartingLineNumber(), cells, 1 + breaks, runaway));
  }

  @Override
  public double progress() {
    return Math.min(1.0, (double) consumed / size);
  }

  @Override
  public Optional<Charset> charset() {
    return Optional.of(charset);
  }

  @Override
  public char delimiter() {
    return delimiter;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // reading is over; a failure to close a read-only file loses nothing
    }
  }

  /**
   * The line of the first bytes that do not decode, found by decoding the file again: the parser
   * reads ahead, and the decoder drops what it decoded of a chunk that holds bad bytes.
   */
  private long badLine() {
    java.nio.charset.CharsetDecoder decoder = Encodings.strictDecoder(charset);
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(1 << 16);
    java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(1 << 16);
    long line = 1;
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(bomLength);
      boolean end = false;
      while (true) {
        int n = end ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
        end = n < 0;
        bytes.position(bytes.position() + Math.max(0, n));
        bytes.flip();
        java.nio.charset.CoderResult r = decoder.decode(bytes, chars, end);
        chars.flip();
        while (chars.hasRemaining()) {
          line += chars.get() == '\n' ? 1 : 0;
        }
        chars.clear();
        if (r.isError() || (end && !bytes.hasRemaining())) {
          return line;
        }
        bytes.compact();
      }
    } catch (IOException e) {
      return line;
    }
  }
}
