package org.handover.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.handover.core.accounts.Role;
import org.handover.core.demo.DemoPeople;
import org.handover.core.parties.Party;
import org.handover.server.App;
import org.handover.server.cli.OsUser;
import org.handover.server.storage.Database;
import org.handover.server.storage.EmbeddedServer;

/**
 * A flood of bad logins while people work: {@code --attackers} clients (each its own address, as a
 * reverse proxy forwards it) try {@code --tries} wrong passwords each, on the administrator's name
 * and on names that do not exist, while 20 users search the registry; halfway through, the real
 * administrator logs in. The database (its accounts and registry) is prepared in this process; the
 * server then runs as a user starts it, {@code java -jar server/target/handover.jar serve}, in a
 * process of its own (no -Xmx), on the embedded PostgreSQL it starts; its memory, PostgreSQL's and
 * this process's are reported apart.
 *
 * <pre>
 * HANDOVER_TRUSTED_PROXIES=127.0.0.1 bench/run login-flood [--attackers 100] [--tries 10] [--out FILE.md]
 * </pre>
 */
public final class LoginFloodBench {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private LoginFloodBench() {}

  /** One browser: its cookies, the address a proxy says it comes from, the last page's token. */
  static final class Client {
    final HttpClient http;
    final String base;
    final String address;
    String csrf = "";

    Client(int port, String address) {
      this.http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      this.base = "http://127.0.0.1:" + port;
      this.address = address;
    }

    HttpResponse<String> get(String path) throws Exception {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("X-Forwarded-For", address)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher m = CSRF.matcher(r.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return r;
    }

    int login(String user, String password) throws Exception {
      get("/login");
      String form =
          "csrf="
              + URLEncoder.encode(csrf, StandardCharsets.UTF_8)
              + "&username="
              + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(password, StandardCharsets.UTF_8);
      return http.send(
              HttpRequest.newBuilder(URI.create(base + "/login"))
                  .header("X-Forwarded-For", address)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .statusCode();
    }
  }

  public static void main(String[] args) throws Exception {
    int attackers = 100;
    int tries = 10;
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--attackers" -> attackers = Integer.parseInt(args[i + 1]);
        case "--tries" -> tries = Integer.parseInt(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (!System.getenv().getOrDefault("HANDOVER_TRUSTED_PROXIES", "").contains("127.0.0.1")) {
      System.err.println(
          "set HANDOVER_TRUSTED_PROXIES=127.0.0.1: the clients' addresses come as a proxy forwards"
              + " them");
      System.exit(2);
    }
    Path jar = Path.of("server/target/handover.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      System.err.println(
          "no "
              + jar
              + ": build it first (mvn -B -q -o -DskipTests package -pl server -am, or ./handover)");
      System.exit(2);
    }
    Path dir = Files.createTempDirectory("login-flood");
    String db = "embedded:" + dir.resolve("db");
    String admin;
    List<String> users = new ArrayList<>();
    // the installation, prepared in this process and closed again: the last to leave the embedded
    // PostgreSQL stops it, and the server process below starts it again as a user's would
    try (App app = new App(Database.create(db), Clock.systemUTC())) {
      app.parties().choose(Optional.of(Party.of("UA")), "bench");
      app.registry()
          .addAll(
              new DemoPeople(3, LocalDate.of(2025, 6, 2)).generate(20_000),
              LocalDate.now(),
              "bench");
      admin = app.accounts().createFirstAdmin().orElseThrow();
      // as the first start of a server does: who started it acts for the administrator, which
      // serve needs from the operating-system user who starts it
      app.accounts().credentials().mapOsUser("admin", OsUser.name(), "system");
      for (int i = 0; i < 20; i++) {
        users.add(app.accounts().create("user" + i, Role.REGISTRAR, "bench"));
      }
    }
    System.gc(); // what the preparation left behind is not the clients' memory
    int port = freePort();
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            jar.toString(),
            "serve",
            "--db",
            db,
            "--port",
            String.valueOf(port));
    Path log = dir.resolve("server.log");
    // the environment is passed on (HANDOVER_TRUSTED_PROXIES); no -Xmx, as ./handover starts it
    Process server =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Memory memory = new Memory(server.pid(), dir.resolve("db").resolve("postgres"));
    try {
      awaitPort(server, port, log);
      memory.start();
      String report = run(port, admin, users, attackers, tries, args, memory, server);
      if (out != null) {
        Files.writeString(out, report);
      }
      System.out.println(report);
    } finally {
      memory.stop();
      stop(server, dir.resolve("db"));
    }
    try {
      deleteTree(dir);
    } catch (IOException e) {
      System.err.println("left " + dir + ": " + e.getMessage());
    }
  }

  /** Waits until the server answers on its port (its first page), or says why it did not. */
  private static void awaitPort(Process server, int port, Path log) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException(
            "the server exited with " + server.exitValue() + ": " + Files.readString(log));
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() < 500) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "the server did not answer on port "
            + port
            + " within 3 minutes: "
            + Files.readString(log));
  }

  /**
   * Stops the server as Ctrl+C would (its shutdown hook closes the database and, as the last user,
   * stops the embedded PostgreSQL); a PostgreSQL it left running is stopped here.
   */
  private static void stop(Process server, Path root) throws InterruptedException {
    server.destroy();
    if (!server.waitFor(2, TimeUnit.MINUTES)) {
      System.err.println("the server did not stop within 2 minutes: killed");
      server.destroyForcibly();
      server.waitFor();
    }
    if (Memory.postmaster(root.resolve("postgres")).isPresent()) {
      System.err.println("the embedded PostgreSQL outlived the server: stopping it");
      EmbeddedServer.start(root, false).close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String run(
      int port,
      String admin,
      List<String> users,
      int attackers,
      int tries,
      String[] args,
      Memory memory,
      Process server)
      throws Exception {
    String[] queries = {"Ковальчук", "Шевченко", "Бондаренко", "Мельник", "Ткаченко", "1985"};
    List<Client> searchers = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      Client c = new Client(port, "10.1.0." + (i + 1));
      if (c.login("user" + i, users.get(i)) != 302) {
        throw new IllegalStateException("user" + i + " could not log in");
      }
      searchers.add(c);
    }
    AtomicBoolean attacking = new AtomicBoolean(false);
    AtomicBoolean done = new AtomicBoolean(false);
    List<Long> quiet = Collections.synchronizedList(new ArrayList<>());
    List<Long> during = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < searchers.size(); i++) {
      Client c = searchers.get(i);
      int k = i;
      threads.add(
          start(
              () -> {
                int n = k;
                while (!done.get()) {
                  try {
                    long t = System.nanoTime();
                    HttpResponse<String> r =
                        c.get(
                            "/registry?q="
                                + URLEncoder.encode(
                                    queries[n++ % queries.length], StandardCharsets.UTF_8));
                    long ms = (System.nanoTime() - t) / 1_000_000;
                    if (r.statusCode() == 200) {
                      (attacking.get() ? during : quiet).add(ms);
                    }
                    Thread.sleep(50);
                  } catch (Exception e) {
                    return;
                  }
                }
              }));
    }
    Thread.sleep(5000); // searches in quiet
    Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
    attacking.set(true);
    CountDownLatch finished = new CountDownLatch(attackers);
    long t0 = System.nanoTime();
    for (int a = 0; a < attackers; a++) {
      Client c = new Client(port, "10.2." + (a / 250) + "." + (a % 250 + 1));
      int k = a;
      start(
          () -> {
            try {
              for (int t = 0; t < tries; t++) {
                String user = (k + t) % 2 == 0 ? "admin" : "ghost" + k;
                int status = c.login(user, "guess-" + k + "-" + t);
                answers.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
              }
            } catch (Exception e) {
              answers.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
            } finally {
              finished.countDown();
            }
          });
    }
    long adminMillis = -1;
    int adminStatus = 0;
    int adminTries = 0;
    for (int w = 0; w < 40 && finished.getCount() > attackers / 2; w++) {
      Thread.sleep(250);
    }
    long ta = System.nanoTime();
    // as the page tells a person: busy, try again in a few seconds (up to five times)
    Client real = new Client(port, "10.9.9.9");
    do {
      if (adminTries > 0) {
        Thread.sleep(2000);
      }
      adminStatus = real.login("admin", admin);
      adminTries++;
    } while (adminStatus == 503 && adminTries < 5);
    adminMillis = (System.nanoTime() - ta) / 1_000_000;
    while (finished.getCount() > 0) {
      Thread.sleep(250);
    }
    double floodSeconds = (System.nanoTime() - t0) / 1e9;
    attacking.set(false);
    done.set(true);
    for (Thread t : threads) {
      t.join();
    }
    memory.sample();
    long serverHwm = Memory.status(server.pid(), "VmHWM");
    long benchHwm = Memory.status(ProcessHandle.current().pid(), "VmHWM");
    long mb = 1024 * 1024;
    String report =
        String.format(
            Locale.ROOT,
            "# Logins under a flood%n%n- date: %s%n- machine: %s%n- command:"
                + " `HANDOVER_TRUSTED_PROXIES=127.0.0.1 bench/run login-flood %s`%n- %,d clients"
                + " (each its own forwarded address) try %,d wrong passwords each, on the"
                + " administrator's name and on names that do not exist, while %d users search a"
                + " registry of 20,000; the real administrator logs in halfway through%n%n"
                + "| figure | value |%n|---|---:|%n| bad logins sent | %,d |%n| answered 401 / 429 /"
                + " 503 / failed | %s |%n| flood lasted | %.1f s |%n| search p50 / p95 before the"
                + " flood | %d / %d ms (%,d searches) |%n| search p50 / p95 during the flood | %d /"
                + " %d ms (%,d searches) |%n| the administrator's login during the flood | %s in"
                + " %,d ms |%n| Handover server process (java -jar server/target/handover.jar"
                + " serve, JVM default heap): peak resident memory, VmHWM at the end / highest"
                + " VmRSS sampled | %,d / %,d MB |%n| embedded PostgreSQL (postmaster and its"
                + " %d processes at that sample): sum of VmRSS / sum of Pss at the sample where the"
                + " VmRSS sum was highest | %,d / %,d MB |%n| server memory for a user: Handover"
                + " server VmHWM + PostgreSQL Pss sum | %,d MB |%n| benchmark process (the %d"
                + " clients and the database preparation before the server started): highest VmRSS"
                + " sampled while the server ran / VmHWM over its whole life | %,d / %,d MB |%n%n"
                + "Memory sampled every %d ms from /proc/PID/status (VmRSS, VmHWM) and, for"
                + " PostgreSQL, /proc/PID/smaps_rollup (Pss, which shares its shared buffers"
                + " among the processes that touch them, where a sum of VmRSS counts them once"
                + " per process); the PostgreSQL processes are the postmaster of the cluster's"
                + " postmaster.pid and its children. The server's JVM was started without -Xmx, as"
                + " ./handover starts it (only $HANDOVER_JAVA_OPTS, empty here), so its default"
                + " max heap applies: %s.%n%nTargets (access and abuse issue): memory under"
                + " 1.5 GB, search p95 under 200 ms, the real administrator can still log in.%n",
            LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
            Machine.describe(),
            String.join(" ", args),
            attackers,
            tries,
            users.size(),
            (long) attackers * tries,
            answers.getOrDefault(401, new AtomicLong()).get()
                + " / "
                + answers.getOrDefault(429, new AtomicLong()).get()
                + " / "
                + answers.getOrDefault(503, new AtomicLong()).get()
                + " / "
                + answers.getOrDefault(-1, new AtomicLong()).get(),
            floodSeconds,
            percentile(quiet, 50),
            percentile(quiet, 95),
            quiet.size(),
            percentile(during, 50),
            percentile(during, 95),
            during.size(),
            (adminStatus == 302 ? "signed in" : "refused (" + adminStatus + ")")
                + " at attempt "
                + adminTries,
            adminMillis,
            serverHwm / mb,
            memory.serverPeak() / mb,
            memory.databaseProcesses(),
            memory.databaseRssPeak() / mb,
            memory.databasePssAtPeak() / mb,
            (serverHwm + memory.databasePssAtPeak()) / mb,
            attackers + users.size() + 1,
            memory.benchPeak() / mb,
            benchHwm / mb,
            Memory.INTERVAL_MS,
            defaultHeap());
    return report;
  }

  private static Thread start(Runnable r) {
    Thread t = new Thread(r);
    t.start();
    return t;
  }

  private static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
  }

  /** The max heap a JVM started without options gets on this machine, as it says itself. */
  private static String defaultHeap() {
    try {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:+PrintFlagsFinal",
                  "-version")
              .redirectErrorStream(true)
              .start();
      String flags = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      Matcher m = Pattern.compile("MaxHeapSize\\s*=\\s*(\\d+)").matcher(flags);
      if (m.find()) {
        return String.format(
            Locale.ROOT, "%.1f GiB", Long.parseLong(m.group(1)) / (1024.0 * 1024 * 1024));
      }
    } catch (IOException e) {
      // no figure
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "unknown";
  }

  /**
   * The resident memory of the server process, of the embedded PostgreSQL's processes and of this
   * one, sampled by a daemon thread from /proc (no figures where there is none).
   */
  static final class Memory {
    static final int INTERVAL_MS = 100;
    private final long server;
    private final Path cluster;
    private final Thread thread;
    private volatile boolean running = true;
    private long serverPeak;
    private long benchPeak;
    private long databaseRssPeak;
    private long databasePssAtPeak;
    private int databaseProcesses;

    Memory(long server, Path cluster) {
      this.server = server;
      this.cluster = cluster;
      this.thread =
          new Thread(
              () -> {
                while (running) {
                  sample();
                  try {
                    Thread.sleep(INTERVAL_MS);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "memory-sampler");
      thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.interrupt();
      thread.join();
    }

    synchronized void sample() {
      serverPeak = Math.max(serverPeak, status(server, "VmRSS"));
      benchPeak = Math.max(benchPeak, status(ProcessHandle.current().pid(), "VmRSS"));
      Optional<ProcessHandle> postmaster = postmaster(cluster);
      if (postmaster.isPresent()) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(postmaster.get());
        postmaster.get().children().forEach(all::add);
        long rss = 0;
        long pss = 0;
        for (ProcessHandle p : all) {
          rss += status(p.pid(), "VmRSS");
          pss += rollup(p.pid(), "Pss");
        }
        if (rss > databaseRssPeak) {
          databaseRssPeak = rss;
          databasePssAtPeak = pss;
          databaseProcesses = all.size() - 1;
        }
      }
    }

    synchronized long serverPeak() {
      return serverPeak;
    }

    synchronized long benchPeak() {
      return benchPeak;
    }

    synchronized long databaseRssPeak() {
      return databaseRssPeak;
    }

    synchronized long databasePssAtPeak() {
      return databasePssAtPeak;
    }

    synchronized int databaseProcesses() {
      return databaseProcesses;
    }

    /** The postmaster of the cluster, from its postmaster.pid, while it runs. */
    static Optional<ProcessHandle> postmaster(Path cluster) {
      try {
        List<String> lines = Files.readAllLines(cluster.resolve("postmaster.pid"));
        return lines.isEmpty()
            ? Optional.empty()
            : ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
      } catch (IOException | NumberFormatException e) {
        return Optional.empty();
      }
    }

    /** A figure in kB of /proc/PID/status, in bytes (0 where there is none). */
    static long status(long pid, String field) {
      return field(Path.of("/proc", String.valueOf(pid), "status"), field);
    }

    private static long rollup(long pid, String field) {
      return field(Path.of("/proc", String.valueOf(pid), "smaps_rollup"), field);
    }

    private static long field(Path file, String field) {
      try {
        for (String line : Files.readAllLines(file)) {
          if (line.startsWith(field + ":")) {
            return Long.parseLong(line.substring(field.length() + 1).replaceAll("\\D", "")) * 1024;
          }
        }
      } catch (IOException | NumberFormatException e) {
        // gone, or not Linux: no figure
      }
      return 0;
    }
  }
}
