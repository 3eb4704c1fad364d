package org.handover.names;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link Names#compare} found: a level for the whole name (the weakest of the parts both sides
 * have), each part's level, and an explanation a reviewer can check.
 *
 * <pre>{@code
 * Comparison c = Names.compare("Ковальчук Юрій Петрович", "KOVALCHUK IURII");
 * c.level();           // TRANSLITERATION
 * c.parts().get(2);    // patronymic: missing on one side, not counted
 * c.explanation();     // "family: Ковальчук ~ KOVALCHUK: same name, KMU 2010 spelling; given: ..."
 * }</pre>
 */
public record Comparison(Level level, List<Part> parts, boolean swapped) {
  /**
   * One part compared; {@code level} is null when either side lacks the part. {@code reason} says
   * why in a few words ("same name, ICAO 9303 spelling"); {@link #why} puts the names before it.
   */
  public record Part(String part, String a, String b, Level level, String reason) {
    public boolean missing() {
      return level == null;
    }

    public String why() {
      return missing() ? reason : a + " ~ " + b + ": " + reason;
    }
  }

  public Comparison {
    parts = List.copyOf(parts);
  }

  public String explanation() {
    List<Part> present =
        parts.stream().filter(p -> !(p.missing() && p.a().isEmpty() && p.b().isEmpty())).toList();
    String text =
        present.stream()
            .map(p -> present.size() == 1 ? p.why() : p.part() + ": " + p.why())
            .collect(Collectors.joining("; "));
    return swapped ? text + " (family and given names in swapped order)" : text;
  }
}
