package org.handover.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The database Handover stores everything in: embedded H2 by default, PostgreSQL by URL.
 * Opening migrates the schema with the one Flyway migration set both share.
 *
 * <pre>{@code
 * try (Database db = Database.open("jdbc:h2:file:./data/handover")) { db.jdbi().withHandle(...); }
 * }</pre>
 */
public final class Database implements AutoCloseable {
  public static final String DEFAULT_URL = "jdbc:h2:file:./data/handover";
  private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final String url;

  private Database(HikariDataSource dataSource, String url) {
    this.dataSource = dataSource;
    this.url = url;
    this.jdbi = Jdbi.create(dataSource);
    // optional filters bind every parameter and use only some
    jdbi.getConfig(org.jdbi.v3.core.statement.SqlStatements.class).setUnusedBindingAllowed(true);
  }

  public static Database open(String url) {
    return open(url, "", "");
  }

  public static Database open(String url, String user, String password) {
    String full = withH2Options(url);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(full);
    if (!user.isEmpty()) {
      config.setUsername(user);
      config.setPassword(password);
    }
    config.setMaximumPoolSize(8);
    config.setPoolName("handover");
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StorageException("cannot open the database at " + url + ": " + rootMessage(e), e);
    }
    try {
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
      ds.close();
      throw new StorageException("cannot migrate the database at " + url + ": " + rootMessage(e), e);
    }
    return new Database(ds, full);
  }

  /** Adds the PostgreSQL-compatibility options to an H2 URL that lacks them. */
  static String withH2Options(String url) {
    if (!url.startsWith("jdbc:h2:") || url.toUpperCase(java.util.Locale.ROOT).contains("MODE=")) {
      return url;
    }
    return url + H2_OPTIONS;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public String url() {
    return url;
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** Whether the connection works, for a health check. */
  public boolean ping() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
