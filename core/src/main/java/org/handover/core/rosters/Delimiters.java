package org.handover.core.rosters;

/**
 * Which character separates the cells of a delimited text: comma, semicolon (what Excel writes
 * where the comma is the decimal sign), tab or vertical bar, judged by which one splits the first
 * lines into the same, largest number of cells.
 */
public final class Delimiters {
  private Delimiters() {}

  public static final char[] CANDIDATES = {',', ';', '\t', '|'};

  public static char detect(String head) {
    String[] lines = head.split("\r?\n", 21);
    int usable = Math.max(1, Math.min(lines.length - 1, 20)); // the last line may be cut off
    char best = ',';
    double bestScore = 0;
    for (char d : CANDIDATES) {
      int first = -1;
      int consistent = 0;
      for (int i = 0; i < usable; i++) {
        int count = count(lines[i], d);
        if (first < 0) {
          first = count;
        }
        if (count == first && count > 0) {
          consistent++;
        }
      }
      double score = first <= 0 ? 0 : consistent * 1000.0 + first;
      if (score > bestScore) {
        best = d;
        bestScore = score;
      }
    }
    return best;
  }

  /** Separators outside double quotes. */
  private static int count(String line, char d) {
    int n = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == d && !quoted) {
        n++;
      }
    }
    return n;
  }
}
