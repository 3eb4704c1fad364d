package org.handover.core.tracing;

import java.util.List;
import java.util.Optional;
import org.handover.core.registry.PartialDate;
import org.handover.names.PreparedName;

/**
 * A child as matching compares them: every name they are known by, the date and place of birth, the
 * mother's and father's names as written, sex.
 */
public record ChildRecord(
    long id,
    List<PreparedName> names,
    Optional<PartialDate> born,
    String birthPlace,
    Optional<PreparedName> mother,
    Optional<PreparedName> father,
    String sex) {
  public ChildRecord {
    names = List.copyOf(names);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("names: a child needs at least one name");
    }
  }
}
