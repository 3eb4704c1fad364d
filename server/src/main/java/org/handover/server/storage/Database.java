package org.handover.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The database Handover stores everything in: PostgreSQL, either a private one under a folder
 * ({@code embedded:DIR}, by default {@code embedded:data}) or an existing server by its JDBC URL.
 * Opening migrates the schema.
 *
 * <pre>{@code
 * try (Database db = Database.open("embedded:data")) { db.jdbi().withHandle(...); }  // refused if none is there
 * Database.create("embedded:data");                                                 // made if none is there
 * Database.open("jdbc:postgresql://127.0.0.1:5432/handover?user=handover&password=...");
 * }</pre>
 */
public final class Database implements AutoCloseable {
  public static final String DEFAULT_URL = "embedded:data";
  private static final String EMBEDDED = "embedded:";

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final String url;
  private final Optional<EmbeddedServer> embedded;

  private Database(HikariDataSource dataSource, String url, Optional<EmbeddedServer> embedded) {
    this.dataSource = dataSource;
    this.url = url;
    this.embedded = embedded;
    this.jdbi = Jdbi.create(dataSource);
  }

  /**
   * Opens an existing database (starting the embedded server for an {@code embedded:DIR} URL) and
   * migrates it; a database that does not exist is refused with {@link NoDatabaseException}.
   */
  public static Database open(String url) {
    return open(url, false);
  }

  /**
   * Opens the database, creating it first when it does not exist ({@code serve --init}, the demo).
   */
  public static Database create(String url) {
    return open(url, true, "latest");
  }

  /**
   * Creates the database like {@link #create(String)} but migrates it only up to {@code schema}: a
   * restore loads a backup's rows into the tables they were dumped from, then opens it again.
   */
  public static Database createAt(String url, String schema) {
    return open(url, true, schema);
  }

  private static Database open(String url, boolean create) {
    return open(url, create, "latest");
  }

  private static Database open(String url, boolean create, String schema) {
    if (url.startsWith("jdbc:h2:")) {
      throw new StorageException(
          "H2 is no longer supported: Handover stores its data in PostgreSQL ("
              + DEFAULT_URL
              + " runs a private one under ./data); give --db embedded:DIR or --db jdbc:postgresql://...");
    }
    if (url.equals("embedded") || url.startsWith(EMBEDDED)) {
      String dir = url.equals("embedded") ? "data" : url.substring(EMBEDDED.length());
      EmbeddedServer server = EmbeddedServer.start(Path.of(dir.isBlank() ? "data" : dir), create);
      try {
        return open(server.url(), url, Optional.of(server), schema);
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
    }
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new StorageException(
          "not a database Handover knows: "
              + safe(url)
              + " (give embedded:DIR or jdbc:postgresql://HOST:PORT/NAME?user=...&password=...)");
    }
    if (create) {
      ExternalDatabases.createIfMissing(url);
    }
    return open(url, url, Optional.empty(), schema);
  }

  private static Database open(
      String jdbcUrl, String shownUrl, Optional<EmbeddedServer> embedded, String schema) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(8);
    // a command needs two or three at once: eight opened up front took a core from its start
    config.setMinimumIdle(2);
    config.setPoolName("handover");
    config.setInitializationFailTimeout(10_000);
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(config);
    } catch (RuntimeException e) {
      if (ExternalDatabases.missing(e)) {
        throw new NoDatabaseException(
            "error.db.external-none",
            "the database at "
                + safe(shownUrl)
                + " does not exist: create it"
                + " (createdb -E UTF8 -T template0 NAME) or start with ./handover serve --init --db ...",
            safe(shownUrl));
      }
      throw new StorageException(
          "cannot open the database at " + safe(shownUrl) + ": " + safe(rootMessage(e)), e);
    }
    try {
      Migrations.migrate(ds, schema);
    } catch (RuntimeException e) {
      ds.close();
      throw new StorageException(
          "cannot migrate the database at " + safe(shownUrl) + ": " + safe(rootMessage(e)), e);
    }
    return new Database(ds, shownUrl, embedded);
  }

  /** A URL or message with any password in it masked: error messages and logs never show one. */
  public static String safe(String text) {
    return text == null
        ? ""
        : text.replaceAll("(?i)(password=)[^&;\\s]*", "$1***")
            .replaceAll("(//[^/:@\\s]+:)[^/@\\s]+@", "$1***@");
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** The version of the last migration applied ("9"). */
  public String schemaVersion() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                        + " ORDER BY installed_rank DESC LIMIT 1")
                .mapTo(String.class)
                .one());
  }

  /**
   * Where the installation's private signing keys live, outside the database: property {@code
   * handover.keys}, else env {@code HANDOVER_KEY_DIR}, else {@code keys} beside an embedded
   * database, else {@code ./data/keys}.
   */
  public Path keyFolder() {
    String property = System.getProperty("handover.keys");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String env = System.getenv("HANDOVER_KEY_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return embedded.map(e -> e.root().resolve("keys")).orElse(Path.of("data", "keys"));
  }

  /** The URL the database was opened by, without its password. */
  public String url() {
    return safe(url);
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
    embedded.ifPresent(EmbeddedServer::close);
  }
}
