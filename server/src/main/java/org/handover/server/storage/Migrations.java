package org.handover.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The schema brought to the newest migration. Flyway scans the jar and checksums every migration on
 * each start (0.25–0.4 s of a command's second); a database whose history already ends, without a
 * failure, at the newest migration this build has is left as it is without it.
 */
final class Migrations {
  /** The version of the newest file under {@code db/migration} (a test holds it to the files). */
  static final String NEWEST = "41";

  private Migrations() {}

  /** Migrates the database up to {@code target} ("latest", or a version for a restore). */
  static void migrate(DataSource ds, String target) {
    if (target.equals("latest")) {
      try (Connection c = ds.getConnection()) {
        if (current(c)) {
          return;
        }
      } catch (SQLException e) {
        // Flyway below says what is wrong with the database
      }
    }
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .target(target)
        .load()
        .migrate();
  }

  /** Whether the history's last migration is {@link #NEWEST} and none has failed. */
  static boolean current(Connection c) {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT (SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"
                + " ORDER BY installed_rank DESC LIMIT 1) = ? AND NOT EXISTS (SELECT 1 FROM"
                + " flyway_schema_history WHERE NOT success)")) {
      s.setString(1, NEWEST);
      try (ResultSet r = s.executeQuery()) {
        return r.next() && r.getBoolean(1);
      }
    } catch (SQLException e) {
      try {
        c.rollback(); // no history yet (a new database): Flyway makes it
      } catch (SQLException ignored) {
        // autocommit: nothing to roll back
      }
      return false;
    }
  }
}
