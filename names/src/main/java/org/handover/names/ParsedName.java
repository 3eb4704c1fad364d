package org.handover.names;

import java.util.Objects;

/**
 * A full name read into its parts. An initial keeps its dot ("Ю."). {@code confidence} is how sure
 * the reading of the order is, from 0.5 (two plain words) to 0.95 (a comma). A title or rank
 * written with the name is kept apart ({@code title}), and a former or maiden family name written
 * in parentheses is {@code otherFamily}.
 *
 * <pre>{@code
 * NameParser.parse("Ковальчук Ю. П.")  // family Ковальчук, given Ю., patronymic П., FAMILY_FIRST
 * NameParser.parse("рядовий Іваненко (Петренко) Олена")  // title рядовий, other family Петренко
 * }</pre>
 */
public record ParsedName(
    String family,
    String given,
    String patronymic,
    Order order,
    double confidence,
    String title,
    String otherFamily) {
  /** Where the family name stood. */
  public enum Order {
    FAMILY_FIRST,
    FAMILY_LAST,
    UNKNOWN
  }

  public ParsedName(
      String family, String given, String patronymic, Order order, double confidence) {
    this(family, given, patronymic, order, confidence, "", "");
  }

  /** The same reading with a title and another family name. */
  ParsedName with(String title, String otherFamily) {
    return new ParsedName(family, given, patronymic, order, confidence, title, otherFamily);
  }

  public ParsedName {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(otherFamily, "otherFamily");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(patronymic, "patronymic");
    Objects.requireNonNull(order, "order");
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence: must be within 0..1, was " + confidence);
    }
  }

  /** Whether a part is an initial: one letter, with or without its dot. */
  public static boolean isInitial(String part) {
    String p = part.endsWith(".") ? part.substring(0, part.length() - 1) : part;
    return p.codePointCount(0, p.length()) == 1 && Character.isLetter(p.codePointAt(0));
  }

  /**
   * "Family, Given Patronymic": the one form that {@link NameParser#parse} reads back unchanged.
   */
  public String format() {
    StringBuilder b = new StringBuilder(family);
    if (!given.isEmpty() || !patronymic.isEmpty()) {
      b.append(',');
    }
    if (!given.isEmpty()) {
      b.append(' ').append(given);
    }
    if (!patronymic.isEmpty()) {
      b.append(' ').append(patronymic);
    }
    return b.toString();
  }
}
