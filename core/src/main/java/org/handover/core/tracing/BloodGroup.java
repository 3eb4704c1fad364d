package org.handover.core.tracing;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ABO group with its Rh sign, as a child's card gives it in any of the ways it is written here:
 * "A+", "0(I) Rh+", "II Rh-", "AB(IV) негативний", "B positive". Written back as "A+".
 */
public final class BloodGroup {
  private static final Map<String, String> ABO =
      Map.ofEntries(
          Map.entry("0", "O"),
          Map.entry("O", "O"),
          Map.entry("I", "O"),
          Map.entry("A", "A"),
          Map.entry("II", "A"),
          Map.entry("B", "B"),
          Map.entry("III", "B"),
          Map.entry("AB", "AB"),
          Map.entry("IV", "AB"));

  // Cyrillic А, В, О, І written for the Latin letters they look like
  private static final String GROUP = "([AА][BВ]|[AА]|[BВ]|[OО0]|[IІ]V|[IІ]{1,3})";

  private static final Pattern FORM =
      Pattern.compile(
          GROUP
              + "\\s*(?:\\(\\s*"
              + GROUP
              + "\\s*\\))?\\s*(?:RH)?\\s*"
              + "([+-]|POS\\p{L}*|NEG\\p{L}*|ПОЗ\\p{L}*|ПОЛ\\p{L}*|НЕГ\\p{L}*|ОТР\\p{L}*)?");

  private BloodGroup() {}

  /** The group written as "A+" (or "A" without a sign), or empty for what is not a group. */
  public static Optional<String> read(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT).replace('−', '-').replace('–', '-');
    Matcher m = FORM.matcher(t);
    if (t.isEmpty() || !m.matches()) {
      return Optional.empty();
    }
    String group = ABO.get(latin(m.group(1)));
    if (m.group(2) != null && !ABO.get(latin(m.group(2))).equals(group)) {
      return Optional.empty(); // "A(III)" says two groups
    }
    String rh = m.group(3);
    if (rh == null) {
      return Optional.of(group);
    }
    boolean positive =
        rh.equals("+") || rh.startsWith("POS") || rh.startsWith("ПОЗ") || rh.startsWith("ПОЛ");
    return Optional.of(group + (positive ? "+" : "-"));
  }

  private static String latin(String s) {
    return s.replace('А', 'A').replace('В', 'B').replace('О', 'O').replace('І', 'I');
  }
}
