package org.handover.server.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An existing PostgreSQL server's databases: whether one is missing, and creating it when asked.
 */
final class ExternalDatabases {
  private static final Pattern URL =
      Pattern.compile("(jdbc:postgresql://[^/]+/)([A-Za-z_][A-Za-z0-9_]*)(.*)");
  private static final String INVALID_CATALOG = "3D000";

  private ExternalDatabases() {}

  /** Whether a failure to connect says that the database does not exist. */
  static boolean missing(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && INVALID_CATALOG.equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Creates the URL's database on its server (connecting to the server's postgres database) if it
   * is missing.
   */
  static void createIfMissing(String url) {
    try (Connection c = DriverManager.getConnection(url)) {
      return; // it exists
    } catch (SQLException e) {
      if (!missing(e)) {
        throw new StorageException(
            "cannot open the database at "
                + Database.safe(url)
                + ": "
                + Database.safe(e.getMessage()),
            e);
      }
    }
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      throw new StorageException("cannot tell the database's name in " + Database.safe(url));
    }
    String admin = m.group(1) + "postgres" + m.group(3);
    String create = "CREATE DATABASE " + m.group(2) + " ENCODING 'UTF8' TEMPLATE template0";
    try (Connection c = DriverManager.getConnection(admin);
        var s = c.createStatement()) {
      try {
        // C.UTF-8 keeps name-prefix search on its index; a server without that locale gets C
        s.execute(create + " LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
      } catch (SQLException noLocale) {
        s.execute(create + " LC_COLLATE 'C' LC_CTYPE 'C'");
      }
    } catch (SQLException e) {
      throw new StorageException(
          "cannot create the database " + m.group(2) + ": " + Database.safe(e.getMessage()), e);
    }
  }
}
