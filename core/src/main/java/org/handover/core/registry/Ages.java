package org.handover.core.registry;

import java.time.LocalDate;
import java.time.Period;

final class Ages {
  private Ages() {}

  static int years(LocalDate born, LocalDate at) {
    return Period.between(born, at).getYears();
  }
}
