package org.handover.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.SessionNotCreatedException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's Chromium under ChromeDriver for browser tests. In CI (CI=true) a missing browser
 * fails the test; elsewhere it is skipped. A start that fails is tried again with a fresh profile,
 * and the last failure carries the tail of ChromeDriver's verbose log, which holds the browser's
 * own output, so that a CI failure says why.
 */
final class Chromium {
  static final File LAUNCHER = new File("/usr/bin/chromium");
  static final File BINARY = new File("/usr/lib/chromium/chromium");
  static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  static final int ATTEMPTS = 3;
  private static final Map<WebDriver, Path> HOMES = new ConcurrentHashMap<>();

  private Chromium() {}

  static void requirePresent() {
    boolean present = LAUNCHER.canExecute() && CHROMEDRIVER.canExecute();
    if ("true".equals(System.getenv("CI"))) {
      assertThat(present)
          .as(
              "CI needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)")
          .isTrue();
    } else {
      Assumptions.assumeTrue(present, "Chromium is not installed");
    }
  }

  static WebDriver start() throws IOException {
    requirePresent();
    Path logs = Path.of("target", "chromedriver");
    Files.createDirectories(logs);
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      // Short and outside the build folder: Chromium's singleton socket lives under TMPDIR, and a
      // Unix socket's path may not exceed 107 bytes (a checkout at /check/work/main broke it).
      Path home = Files.createTempDirectory(Path.of("/tmp"), "hc");
      Path log = logs.resolve("attempt-" + System.nanoTime() + ".log");
      try {
        WebDriver driver = new ChromeDriver(service(home, log), options(home));
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        HOMES.put(driver, home);
        return driver;
      } catch (SessionNotCreatedException e) {
        delete(home);
        last =
            new IllegalStateException(
                "Chromium did not start (attempt "
                    + attempt
                    + " of "
                    + ATTEMPTS
                    + "); ChromeDriver's log "
                    + log
                    + " ends with:\n"
                    + tail(log, 60),
                e);
      }
    }
    throw last;
  }

  static void stop(WebDriver driver) {
    driver.quit();
    Path home = HOMES.remove(driver);
    if (home != null) {
      delete(home);
    }
  }

  private static void delete(Path home) {
    try (Stream<Path> paths = Files.walk(home)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a profile left in /tmp is harmless; the test's outcome does not depend on it
    }
  }

  private static ChromeOptions options(Path home) {
    ChromeOptions options = new ChromeOptions();
    // The binary itself, not Debian's launcher script, which sources /etc/chromium.d and reads
    // $HOME.
    options.setBinary(BINARY.canExecute() ? BINARY : LAUNCHER);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--disable-crash-reporter",
        "--disable-breakpad",
        "--lang=en-US",
        "--window-size=1280,1000",
        "--user-data-dir=" + home.resolve("profile"),
        "--enable-logging=stderr");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    return options;
  }

  private static ChromeDriverService service(Path home, Path log) {
    return new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER)
        .usingAnyFreePort()
        .withVerbose(true)
        .withLogFile(log.toFile())
        .withEnvironment(
            Map.of(
                "HOME",
                home.toString(),
                "XDG_CONFIG_HOME",
                home.resolve("config").toString(),
                "XDG_CACHE_HOME",
                home.resolve("cache").toString(),
                "TMPDIR",
                home.toString()))
        .build();
  }

  private static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | RuntimeException e) {
      return "(no log: " + e + ")";
    }
  }
}
