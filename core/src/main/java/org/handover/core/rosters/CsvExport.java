package org.handover.core.rosters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a list as CSV for Excel: UTF-8 with a byte-order mark (so that Excel shows Cyrillic),
 * comma-separated, quoted where needed, and every cell that a spreadsheet would run as a formula
 * (beginning with = + - @, a tab or a carriage return) neutralised by a leading apostrophe.
 *
 * <pre>{@code
 * try (CsvExport csv = new CsvExport(out)) { csv.row(List.of("Прізвище", "Ім'я")); csv.row(...); }
 * }</pre>
 */
public final class CsvExport implements AutoCloseable {
  private final Writer out;

  public CsvExport(OutputStream stream) throws IOException {
    stream.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
  }

  public void row(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
  }

  /** One cell, neutralised and quoted as needed. */
  public static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      v = '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
