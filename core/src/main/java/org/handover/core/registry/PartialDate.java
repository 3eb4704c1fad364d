package org.handover.core.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date known to the year, the month or the day.
 *
 * <pre>{@code
 * PartialDate.parse("12.03.1998")  // 1998-03-12
 * PartialDate.parse("03.1998")     // 1998-03
 * PartialDate.parse("1998")        // 1998
 * PartialDate.parse("31.02.1999")  // throws InvalidDateException (no 31 February)
 * }</pre>
 */
public record PartialDate(int year, Optional<Integer> month, Optional<Integer> day)
    implements Comparable<PartialDate> {

  private static final Pattern DMY = Pattern.compile("(\\d{1,2})[./](\\d{1,2})[./](\\d{4})");
  private static final Pattern MY = Pattern.compile("(\\d{1,2})[./](\\d{4})");
  private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");

  public PartialDate {
    if (year < 1850 || year > 9999) {
      throw new InvalidDateException("year", String.valueOf(year));
    }
    if (day.isPresent() && month.isEmpty()) {
      throw new InvalidDateException("day without month", day.get() + "." + year);
    }
    if (month.isPresent() && (month.get() < 1 || month.get() > 12)) {
      throw new InvalidDateException("month", month.get() + "." + year);
    }
    if (day.isPresent()) {
      try {
        LocalDate.of(year, month.get(), day.get());
      } catch (DateTimeException e) {
        throw new InvalidDateException("day", day.get() + "." + month.get() + "." + year);
      }
    }
  }

  public static PartialDate ofYear(int year) {
    return new PartialDate(year, Optional.empty(), Optional.empty());
  }

  public static PartialDate of(int year, int month) {
    return new PartialDate(year, Optional.of(month), Optional.empty());
  }

  public static PartialDate of(int year, int month, int day) {
    return new PartialDate(year, Optional.of(month), Optional.of(day));
  }

  /** Reads dd.mm.yyyy, mm.yyyy, yyyy, yyyy-mm or yyyy-mm-dd (slashes as dots). */
  public static PartialDate parse(String text) {
    String t = text.strip();
    Matcher m = DMY.matcher(t);
    if (m.matches()) {
      return of(
          Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
    }
    m = MY.matcher(t);
    if (m.matches()) {
      return of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
    }
    m = ISO.matcher(t);
    if (m.matches()) {
      int y = Integer.parseInt(m.group(1));
      if (m.group(2) == null) {
        return ofYear(y);
      }
      if (m.group(3) == null) {
        return of(y, Integer.parseInt(m.group(2)));
      }
      return of(y, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
    throw new InvalidDateException("format", t);
  }

  /** The first day this date can stand for. */
  public LocalDate earliest() {
    return LocalDate.of(year, month.orElse(1), day.orElse(1));
  }

  /** The last day this date can stand for. */
  public LocalDate latest() {
    if (day.isPresent()) {
      return earliest();
    }
    if (month.isPresent()) {
      return YearMonth.of(year, month.get()).atEndOfMonth();
    }
    return LocalDate.of(year, 12, 31);
  }

  /** Whether every day this date can stand for lies after {@code date}. */
  public boolean after(LocalDate date) {
    return earliest().isAfter(date);
  }

  /** As people write it here: dd.mm.yyyy, mm.yyyy or yyyy. */
  @Override
  public String toString() {
    // written out by hand: String.format was most of the time of reading a list's dates
    StringBuilder s = new StringBuilder(10);
    day.ifPresent(d -> padded(s, d, 2).append('.'));
    month.ifPresent(m -> padded(s, m, 2).append('.'));
    return padded(s, year, 4).toString();
  }

  private static StringBuilder padded(StringBuilder s, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      s.append('0');
    }
    return s.append(digits);
  }

  @Override
  public int compareTo(PartialDate o) {
    int c = earliest().compareTo(o.earliest());
    return c != 0 ? c : latest().compareTo(o.latest());
  }

  /** A date that cannot exist, or text that is not a date. */
  public static final class InvalidDateException extends IllegalArgumentException {
    private final String value;

    InvalidDateException(String part, String value) {
      super("date: impossible " + part + " in '" + value + "'");
      this.value = value;
    }

    public String value() {
      return value;
    }
  }
}
