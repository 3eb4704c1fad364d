package org.handover.server.i18n;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.handover.core.Refused;

/** Whole dates as people write them here (dd.mm.yyyy), and as browsers and scripts send them. */
public final class Days {
  private static final DateTimeFormatter DOTTED =
      DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

  private Days() {}

  /**
   * dd.mm.yyyy or yyyy-mm-dd; 31.02 is refused.
   *
   * @throws DateTimeParseException for anything else
   */
  public static LocalDate parse(String text) {
    String t = text.strip();
    return t.contains(".") ? LocalDate.parse(t, DOTTED) : LocalDate.parse(t);
  }

  /** As {@link #parse(String)}, refusing with the field's name for the reader. */
  public static LocalDate parse(String text, String field) {
    try {
      return parse(text == null ? "" : text);
    } catch (DateTimeParseException e) {
      throw new Refused("error.agreement.date", field, text);
    }
  }

  /** dd.mm.yyyy. */
  public static String written(LocalDate d) {
    return String.format("%02d.%02d.%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
  }
}
