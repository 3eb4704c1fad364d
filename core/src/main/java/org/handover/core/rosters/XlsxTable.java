package org.handover.core.rosters;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * One sheet of an Excel workbook, streamed. Cells formatted as dates become dd.mm.yyyy; other
 * numbers their plain digits (an Excel serial date in an unformatted cell is left to the entry
 * reader).
 */
final class XlsxTable implements Table {
  private final ReadableWorkbook workbook;
  private final Stream<org.dhatim.fastexcel.reader.Row> stream;
  private final Iterator<org.dhatim.fastexcel.reader.Row> rows;
  private final List<String> header;

  /** Added to the reader's row numbers to give the sheet's own (from 1). */
  private int firstRowOffset;

  private int number;

  XlsxTable(Path file, int sheetIndex, long maxInflatedBytes)
      throws RosterFileException, IOException {
    ZipGuard.check(file, maxInflatedBytes);
    try {
      this.workbook = new ReadableWorkbook(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new RosterFileException(
          "error.file.not-what-named",
          "the workbook cannot be opened: " + e.getMessage(),
          file.getFileName().toString(),
          "xlsx");
    }
    List<String> h = null;
    try {
      Optional<Sheet> sheet = workbook.getSheet(sheetIndex);
      if (sheet.isEmpty()) {
        long count = workbook.getSheets().count();
        workbook.close();
        throw new RosterFileException(
            "error.file.no-sheet",
            "the workbook has " + count + " sheets; there is no sheet " + (sheetIndex + 1),
            String.valueOf(sheetIndex + 1),
            String.valueOf(count));
      }
      this.stream = sheet.get().openStream();
      this.rows = stream.iterator();
      while (h == null && rows.hasNext()) {
        org.dhatim.fastexcel.reader.Row first = rows.next();
        // a sheet whose rows name no number of their own ("r", optional) is counted from 0
        firstRowOffset = first.getRowNum() == 0 ? 1 : 0;
        List<String> cells = cells(first);
        if (cells.stream().anyMatch(c -> !c.isBlank())) {
          h = cells;
        }
      }
    } catch (IOException | RuntimeException e) {
      // a part the workbook names is missing or broken (a file cut short, a zip mended by hand)
      workbook.close();
      throw new RosterFileException(
          "error.file.damaged-workbook", "the workbook is damaged: " + e.getMessage());
    }
    if (h == null) {
      close();
      throw new RosterFileException(
          "error.file.empty", "the sheet has no rows", file.getFileName().toString());
    }
    this.header = List.copyOf(h.stream().map(String::strip).toList());
  }

  private static List<String> cells(org.dhatim.fastexcel.reader.Row row) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < row.getCellCount(); i++) {
      Cell c = row.getCell(i);
      out.add(c == null ? "" : text(c));
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private static String text(Cell c) {
    if (c.getType() == CellType.NUMBER) {
      String format = c.getDataFormatString();
      if (format != null && isDateFormat(format)) {
        LocalDateTime d = c.asDate();
        return String.format("%02d.%02d.%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
      }
      BigDecimal n = c.asNumber();
      return n.stripTrailingZeros().toPlainString();
    }
    String t = c.getText();
    return t == null ? "" : t;
  }

  private static boolean isDateFormat(String format) {
    String f = format.toLowerCase(java.util.Locale.ROOT).replaceAll("\"[^\"]*\"|\\[[^]]*]", "");
    return f.contains("d") && f.contains("y") || f.contains("mm") && f.contains("yy");
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public Optional<Row> next() throws RosterFileException {
    try {
      while (rows.hasNext()) {
        org.dhatim.fastexcel.reader.Row r = rows.next();
        List<String> cells = cells(r);
        if (cells.isEmpty()) {
          continue;
        }
        if (cells.size() < header.size()) {
          // a workbook stores no empty cell: one absent at the end of a row is empty, not missing
          cells = new ArrayList<>(cells);
          while (cells.size() < header.size()) {
            cells.add("");
          }
        }
        number++;
        return Optional.of(new Row(number, r.getRowNum() + firstRowOffset, cells));
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      throw new RosterFileException(
          "error.file.unreadable",
          "the workbook cannot be read after row " + number + ": " + e.getMessage(),
          String.valueOf(e.getMessage()));
    }
  }

  @Override
  public Optional<Charset> charset() {
    return Optional.empty();
  }

  @Override
  public char delimiter() {
    return 0;
  }

  @Override
  public void close() {
    stream.close();
    try {
      workbook.close();
    } catch (IOException e) {
      // reading is over
    }
  }
}
