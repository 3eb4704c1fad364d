package org.handover.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A command of the runnable jar as a process of its own, as a user runs it: its wall time, its
 * output, and the peak resident memory of its JVM (VmHWM, read from /proc while it runs).
 */
final class CliProcess {
  private CliProcess() {}

  record Result(int exit, String output, double seconds, long peakResident) {}

  static Result run(String... args) throws IOException, InterruptedException {
    String opts = System.getenv("HANDOVER_JAVA_OPTS");
    return run(
        opts == null || opts.isBlank() ? List.of() : List.of(opts.strip().split("\\s+")), args);
  }

  /** The command with these options of the JVM. */
  static Result run(List<String> jvm, String... args) throws IOException, InterruptedException {
    // the JVM that runs the benchmark, as Duke's process gets
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvm);
    command.addAll(List.of("-jar", CrashBench.jar().toString()));
    command.addAll(List.of(args));
    return process(command);
  }

  /**
   * The command as a user types it, through {@code ./handover}: the launcher's choice of heap and
   * collector (or {@code HANDOVER_JAVA_OPTS}'s), its process the JVM's.
   */
  static Result launcher(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", launcherPath()));
    command.addAll(List.of(args));
    return process(command);
  }

  /** ./handover beside the built jar: the bench runs from the repository or from its module. */
  private static String launcherPath() {
    return CrashBench.jar().getParent().getParent().getParent().resolve("handover").toString();
  }

  /** Through {@code ./handover} with {@code HANDOVER_JAVA_OPTS} set to {@code jvm}. */
  static Result launcher(List<String> jvm, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of("env", "HANDOVER_JAVA_OPTS=" + String.join(" ", jvm), "bash", launcherPath()));
    command.addAll(List.of(args));
    return process(command);
  }

  /** Any command, timed and measured the same way. */
  static Result process(List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("handover-cli", ".log");
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Path status = Path.of("/proc", String.valueOf(p.pid()), "status");
    long peak = 0;
    while (p.isAlive()) {
      peak = Math.max(peak, highWater(status));
      Thread.sleep(100);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    return new Result(p.waitFor(), output, seconds, peak);
  }

  /** VmHWM in bytes; 0 once the process is gone. */
  private static long highWater(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended between the check and the read
    }
    return 0;
  }
}
