package org.handover.core.tracing;

import java.util.List;
import org.handover.core.matching.FieldComparison;
import org.handover.core.matching.PersonFields;
import org.handover.core.registry.PartialDate;
import org.handover.names.Level;
import org.handover.names.Names;
import org.handover.names.PreparedName;

/**
 * The children's profile of the engine. A deported child is often found under another family name
 * (a foster family's), a Russian form of the given name, a shifted date of birth: the family name
 * differing says little, a date within a year agrees in part, and the parents' names weigh most.
 */
public final class ChildFields {
  private ChildFields() {}

  static final List<String> SAME_SIMILAR_DIFFERENT = List.of("same", "similar", "different");

  /** The best level of one part over every pair of spellings, or missing. */
  static int part(ChildRecord a, ChildRecord b, int part) {
    Level best = null;
    for (PreparedName x : a.names()) {
      for (PreparedName y : b.names()) {
        Level l = Names.compare(x, y).parts().get(part).level();
        if (l != null && (best == null || l.ordinal() < best.ordinal())) {
          best = l;
        }
      }
    }
    return best == null ? FieldComparison.MISSING : best.ordinal();
  }

  static int born(ChildRecord a, ChildRecord b) {
    if (a.born().isEmpty() || b.born().isEmpty()) {
      return FieldComparison.MISSING;
    }
    PartialDate x = a.born().get();
    PartialDate y = b.born().get();
    if (x.equals(y) && x.day().isPresent()) {
      return 0;
    }
    if (x.year() == y.year() && x.month().isPresent() && x.month().equals(y.month())) {
      return 1;
    }
    if (x.year() == y.year()) {
      return 2;
    }
    return Math.abs(x.year() - y.year()) <= 1 ? 3 : 4;
  }

  /** A parent's name: the given name decides, the family name (often changed too) helps. */
  static int parent(java.util.Optional<PreparedName> a, java.util.Optional<PreparedName> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return FieldComparison.MISSING;
    }
    var parts = Names.compare(a.get(), b.get()).parts();
    Level given = parts.get(1).level();
    Level family = parts.get(0).level();
    if (given == null) {
      return FieldComparison.MISSING;
    }
    if (given.atLeast(Level.EQUIVALENT)) {
      return family == null || family.atLeast(Level.PHONETIC) ? 0 : 1;
    }
    return given.atLeast(Level.TWO_EDITS) ? 1 : 2;
  }

  public static List<FieldComparison<ChildRecord>> all() {
    return List.of(
        FieldComparison.<ChildRecord>of(
                "given name", PersonFields.NAME_LEVELS, (a, b) -> part(a, b, 1))
            .typically(4, 0.45, 0.15, 0.25, 0.05, 0.03, 0.03, 0.01, 0.02, 0.01),
        // a changed family name is common: differing is weak evidence against
        FieldComparison.<ChildRecord>of(
                "family name", PersonFields.NAME_LEVELS, (a, b) -> part(a, b, 0))
            .typically(3, 0.45, 0.1, 0.1, 0.005, 0.02, 0.02, 0.01, 0.01, 0.285),
        FieldComparison.<ChildRecord>of(
                "patronymic", PersonFields.NAME_LEVELS, (a, b) -> part(a, b, 2))
            .typically(3, 0.5, 0.1, 0.25, 0.005, 0.03, 0.03, 0.01, 0.03, 0.045),
        FieldComparison.<ChildRecord>of(
                "date of birth",
                List.of(
                    "exact", "same year and month", "same year", "within one year", "different"),
                ChildFields::born)
            .typically(0.65, 0.05, 0.08, 0.19, 0.03),
        FieldComparison.<ChildRecord>of(
                "place of birth",
                SAME_SIMILAR_DIFFERENT,
                (a, b) -> {
                  if (a.birthPlace().isEmpty() || b.birthPlace().isEmpty()) {
                    return FieldComparison.MISSING;
                  }
                  Level l = Names.compareWords(a.birthPlace(), b.birthPlace()).level();
                  return l.atLeast(Level.EQUIVALENT) ? 0 : l.atLeast(Level.TWO_EDITS) ? 1 : 2;
                })
            .typically(0.65, 0.2, 0.15),
        FieldComparison.<ChildRecord>of(
                "mother's name", SAME_SIMILAR_DIFFERENT, (a, b) -> parent(a.mother(), b.mother()))
            .typically(0.85, 0.12, 0.03),
        FieldComparison.<ChildRecord>of(
                "father's name", SAME_SIMILAR_DIFFERENT, (a, b) -> parent(a.father(), b.father()))
            .typically(0.85, 0.12, 0.03),
        FieldComparison.<ChildRecord>of(
                "sex",
                List.of("same", "different"),
                (a, b) ->
                    a.sex().isEmpty() || b.sex().isEmpty()
                        ? FieldComparison.MISSING
                        : a.sex().equals(b.sex()) ? 0 : 1)
            .typically(0.99, 0.01));
  }
}
