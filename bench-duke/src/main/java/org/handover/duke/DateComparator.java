package org.handover.duke;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.priv.garshol.duke.Comparator;

/**
 * Dates of birth compared as dates, which none of Duke's own comparators does: written dd.mm.yyyy,
 * mm.yyyy or yyyy (ISO yyyy-mm-dd too). The same date is 1; day and month swapped 0.9; one part
 * different (a slip of the pen) 0.6; a year alone, or a month and year, against a date that agrees
 * with it 0.75; anything else 0. Duke turns a similarity under 0.5 into the property's low
 * probability.
 */
public final class DateComparator implements Comparator {
  private static final Pattern DOTTED =
      Pattern.compile("(?:(\\d{1,2})\\.)?(?:(\\d{1,2})\\.)?(\\d{4})");
  private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{1,2}))?(?:-(\\d{1,2}))?");

  /** Year, month and day; 0 where the text does not give them. */
  record Parts(int year, int month, int day) {
    static Parts of(String text) {
      String t = text == null ? "" : text.strip();
      Matcher m = ISO.matcher(t);
      if (m.matches()) {
        return new Parts(Integer.parseInt(m.group(1)), number(m.group(2)), number(m.group(3)));
      }
      m = DOTTED.matcher(t);
      if (m.matches()) {
        // "03.1985" is a month and year; "12.03.1985" a whole date
        return m.group(2) == null
            ? new Parts(Integer.parseInt(m.group(3)), number(m.group(1)), 0)
            : new Parts(Integer.parseInt(m.group(3)), number(m.group(2)), number(m.group(1)));
      }
      return null;
    }

    private static int number(String digits) {
      return digits == null ? 0 : Integer.parseInt(digits);
    }

    boolean whole() {
      return day != 0 && month != 0;
    }
  }

  @Override
  public boolean isTokenized() {
    return false;
  }

  @Override
  public double compare(String v1, String v2) {
    Parts a = Parts.of(v1);
    Parts b = Parts.of(v2);
    if (a == null || b == null) {
      return 0;
    }
    if (a.whole() && b.whole()) {
      if (a.equals(b)) {
        return 1;
      }
      if (a.year == b.year && a.day == b.month && a.month == b.day) {
        return 0.9;
      }
      int same =
          (a.year == b.year ? 1 : 0) + (a.month == b.month ? 1 : 0) + (a.day == b.day ? 1 : 0);
      return same == 2 ? 0.6 : 0;
    }
    boolean months = a.month == 0 || b.month == 0 || a.month == b.month;
    return a.year == b.year && months ? 0.75 : 0;
  }
}
