package org.handover.server.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.handover.core.registry.PartialDate;

/** Reading the values several tables store the same way. */
public final class Columns {
  private Columns() {}

  /** A partial date kept as birth_year, birth_month and birth_day, each of which may be NULL. */
  public static Optional<PartialDate> birthDate(ResultSet rs) throws SQLException {
    int year = rs.getInt("birth_year");
    if (rs.wasNull()) {
      return Optional.empty();
    }
    int month = rs.getInt("birth_month");
    boolean hasMonth = !rs.wasNull();
    int day = rs.getInt("birth_day");
    boolean hasDay = !rs.wasNull();
    return Optional.of(
        new PartialDate(
            year,
            hasMonth ? Optional.of(month) : Optional.empty(),
            hasDay ? Optional.of(day) : Optional.empty()));
  }
}
