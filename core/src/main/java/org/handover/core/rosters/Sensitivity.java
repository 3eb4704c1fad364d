package org.handover.core.rosters;

import java.util.Map;
import java.util.Set;
import org.handover.core.Keys;

/**
 * How much harm a list's field can do once it has left for the other side (the ICRC's Handbook on
 * Data Protection in Humanitarian Action, 2020): a person's health, a stated refusal to return,
 * relatives (who may live under the other side's control), a child's whereabouts, free text that
 * may hold any of them. Everything else identifies a person, which is what a list is for.
 */
public enum Sensitivity {
  IDENTITY,
  HEALTH,
  REFUSAL_TO_RETURN,
  RELATIVES,
  CHILD_WHEREABOUTS,
  FREE_TEXT;

  private static final Map<String, Sensitivity> FIELDS =
      Map.ofEntries(
          Map.entry("severely-wounded", HEALTH),
          Map.entry("seriously-sick", HEALTH),
          Map.entry("features", HEALTH),
          Map.entry("health", HEALTH),
          Map.entry("blood-group", HEALTH),
          Map.entry("left-at", CHILD_WHEREABOUTS),
          Map.entry("whereabouts", CHILD_WHEREABOUTS),
          Map.entry("institution", CHILD_WHEREABOUTS),
          Map.entry("foster-family", CHILD_WHEREABOUTS),
          Map.entry("consent", REFUSAL_TO_RETURN),
          Map.entry("father-name", RELATIVES),
          Map.entry("mother-maiden-name", RELATIVES),
          Map.entry("mother", RELATIVES),
          Map.entry("relative", RELATIVES),
          Map.entry("relation", RELATIVES),
          Map.entry("contact", RELATIVES),
          Map.entry("siblings", RELATIVES),
          Map.entry("sharing", RELATIVES),
          Map.entry("last-residence", CHILD_WHEREABOUTS),
          Map.entry("separated-at", CHILD_WHEREABOUTS),
          Map.entry("notes", FREE_TEXT),
          Map.entry("circumstances", FREE_TEXT));

  /**
   * What a list of each purpose needs beyond identity when it goes to the other side: the health
   * categories an exchange is agreed by; for children, the parents' names that find them. Never a
   * refusal to return, a relative's contact, or free text.
   */
  private static final Map<Purpose, Set<String>> NEEDED =
      Map.of(
          Purpose.EXCHANGE, Set.of("severely-wounded", "seriously-sick"),
          Purpose.INFORMATION, Set.of(),
          Purpose.CHILDREN, Set.of("father-name", "mother-maiden-name", "mother", "features"),
          Purpose.REMAINS, Set.of("features"));

  public String key() {
    return Keys.of(this);
  }

  /** A list field's sensitivity; a field not named here identifies. */
  public static Sensitivity of(String field) {
    return FIELDS.getOrDefault(field, IDENTITY);
  }

  /** Whether a list of this purpose going to the other side carries the field. */
  public static boolean needed(String field, Purpose purpose) {
    return of(field) == IDENTITY || NEEDED.getOrDefault(purpose, Set.of()).contains(field);
  }
}
