package org.handover.server.tracing;

import java.time.LocalDate;
import java.util.Optional;
import org.handover.core.Keys;
import org.handover.core.registry.PartialDate;
import org.handover.core.registry.PartialDate.InvalidDateException;
import org.handover.core.tracing.BloodGroup;

/**
 * A field of a child's card that can be learnt or corrected after the request: the first five the
 * family may already give in it; where the child is now, death and burial come later. The report
 * that located a child and the provision or commitment its case belongs to are kept the same way,
 * but set only by locating and linking.
 */
public enum CardField {
  HEALTH("health", 400),
  BLOOD_GROUP("blood_group", 40), // as written; kept as "AB+"
  DOCUMENT_DATES("document_dates", 200),
  LEFT_ON("left_on", 20),
  LEFT_AT("left_at", 200),
  WHEREABOUTS(null, 200),
  INSTITUTION(null, 200),
  FOSTER_FAMILY(null, 200),
  DIED_ON(null, 20),
  BURIAL(null, 200),
  REPORT(null, 400),
  PROVISION(null, 32),
  COMMITMENT(null, 200);

  private final String column;
  private final int longest;

  CardField(String column, int longest) {
    this.column = column;
    this.longest = longest;
  }

  public String key() {
    return Keys.of(this);
  }

  /** The request's column that holds what the family gave, if it can give it. */
  Optional<String> column() {
    return Optional.ofNullable(column);
  }

  /** The longest value kept. */
  public int longest() {
    return longest;
  }

  /** Whether a card edit may set it (the rest are set by locating and linking). */
  public boolean edited() {
    return ordinal() <= BURIAL.ordinal();
  }

  /** Where the child is now: copied from the list or report that located it. */
  public boolean whereabouts() {
    return this == WHEREABOUTS || this == INSTITUTION || this == FOSTER_FAMILY;
  }

  /** Shown only to those who may trace and belong to our party: health. */
  public boolean health() {
    return this == HEALTH || this == BLOOD_GROUP;
  }

  /** The message key of its label. */
  public String label() {
    return edited() && this != DIED_ON && this != BURIAL
        ? "list-field." + key()
        : "tracing.card." + key();
  }

  public static CardField fromKey(String key) {
    return Keys.parse(CardField.class, key, "field");
  }

  /**
   * The value as kept: dates as people write them, a blood group as "A+", text stripped; empty
   * clears the field.
   *
   * @throws TracingException for a value that is not one, too long, or a date in the future
   */
  String checked(String value, LocalDate today) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      return "";
    }
    if (v.length() > longest) {
      throw new TracingException("error.tracing.too-long", longest);
    }
    return switch (this) {
      case BLOOD_GROUP ->
          BloodGroup.read(v)
              .orElseThrow(() -> new TracingException("error.tracing.blood-group", v));
      case LEFT_ON, DIED_ON -> {
        PartialDate d;
        try {
          d = PartialDate.parse(v);
        } catch (InvalidDateException e) {
          throw new TracingException("error.tracing.card-date", key().replace('-', '_'), v);
        }
        if (d.after(today)) {
          throw new TracingException("error.tracing.future", v);
        }
        yield d.toString();
      }
      default -> v;
    };
  }
}
