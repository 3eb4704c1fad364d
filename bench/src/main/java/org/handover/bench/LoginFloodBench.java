package org.handover.bench;

import io.javalin.Javalin;
import java.net.CookieManager;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.handover.core.accounts.Role;
import org.handover.core.demo.DemoPeople;
import org.handover.core.parties.Party;
import org.handover.server.App;
import org.handover.server.storage.Database;

/**
 * A flood of bad logins while people work: {@code --attackers} clients (each its own address, as a
 * reverse proxy forwards it) try {@code --tries} wrong passwords each, on the administrator's name
 * and on names that do not exist, while 20 users search the registry; halfway through, the real
 * administrator logs in. The server runs in this process on its own embedded PostgreSQL.
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
    Path dir = Files.createTempDirectory("login-flood");
    try (App app = new App(Database.create("embedded:" + dir.resolve("db")), Clock.systemUTC())) {
      app.parties().choose(Optional.of(Party.of("UA")), "bench");
      app.registry()
          .addAll(
              new DemoPeople(3, LocalDate.of(2025, 6, 2)).generate(20_000),
              LocalDate.now(),
              "bench");
      String admin = app.accounts().createFirstAdmin().orElseThrow();
      List<String> users = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        users.add(app.accounts().create("user" + i, Role.REGISTRAR, "bench"));
      }
      Javalin web = app.web().create().start("127.0.0.1", 0);
      try {
        System.out.println(run(web.port(), admin, users, attackers, tries, args, out));
      } finally {
        web.stop();
      }
    }
  }

  private static String run(
      int port, String admin, List<String> users, int attackers, int tries, String[] args, Path out)
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
    long peakRss = rss();
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
      peakRss = Math.max(peakRss, rss());
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
      peakRss = Math.max(peakRss, rss());
    }
    double floodSeconds = (System.nanoTime() - t0) / 1e9;
    attacking.set(false);
    done.set(true);
    for (Thread t : threads) {
      t.join();
    }
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
                + " %,d ms |%n| peak resident memory of the process (server, database client and"
                + " all the clients) | %,d MB |%n%nTargets (access and abuse issue): memory under"
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
            peakRss / (1024 * 1024));
    if (out != null) {
      Files.writeString(out, report);
    }
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

  /** This process's resident memory, from /proc (0 where there is none). */
  private static long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (Exception e) {
      // not Linux: no figure
    }
    return 0;
  }
}
