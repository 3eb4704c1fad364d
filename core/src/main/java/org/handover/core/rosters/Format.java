package org.handover.core.rosters;

import java.util.Locale;

/** The kinds of file a roster arrives in. */
public enum Format {
  CSV,
  XLSX,
  JSON;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * What the first bytes say the file is; the name's extension must agree, so that a file that is
   * not what its name says is refused rather than read as something else.
   */
  public static Format of(String fileName, byte[] head) throws RosterFileException {
    if (head.length == 0) {
      throw new RosterFileException(
          "error.file.empty", "the file " + fileName + " is empty", fileName);
    }
    String name = fileName.toLowerCase(Locale.ROOT);
    boolean zip =
        head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    boolean ole2 =
        head.length >= 8
            && (head[0] & 0xFF) == 0xD0
            && (head[1] & 0xFF) == 0xCF
            && (head[2] & 0xFF) == 0x11
            && (head[3] & 0xFF) == 0xE0;
    if (ole2) {
      throw new RosterFileException(
          "error.file.xls",
          fileName + " is an old Excel 97-2003 workbook: save it as .xlsx",
          fileName);
    }
    if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
      if (!zip) {
        throw new RosterFileException(
            "error.file.not-what-named",
            fileName + " is named as an Excel workbook but is not one",
            fileName,
            "xlsx");
      }
      return XLSX;
    }
    if (zip) {
      throw new RosterFileException(
          "error.file.not-what-named",
          fileName + " is a zip archive, not a text list",
          fileName,
          name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "");
    }
    if (name.endsWith(".json")) {
      return JSON;
    }
    for (byte b : head) {
      if (b == 0 && !looksUtf16(head)) {
        throw new RosterFileException(
            "error.file.binary", fileName + " is not a text file", fileName);
      }
    }
    return CSV;
  }

  private static boolean looksUtf16(byte[] head) {
    return Encodings.detect(head).charset().name().startsWith("UTF-16");
  }
}
