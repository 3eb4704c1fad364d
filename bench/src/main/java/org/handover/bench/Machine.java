package org.handover.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line about the machine a benchmark ran on. */
final class Machine {
  private Machine() {}

  static String describe() {
    String cpu = "unknown CPU";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .findFirst()
              .map(l -> l.substring(l.indexOf(':') + 1).strip())
              .orElse(cpu);
    } catch (IOException e) {
      // not Linux: the rest of the line still says enough
    }
    return String.format(
        "%d cores (%s), %.0f GiB RAM, Java %s (%s), max heap %.1f GiB",
        Runtime.getRuntime().availableProcessors(),
        cpu,
        totalMemoryGiB(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024));
  }

  private static double totalMemoryGiB() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof OperatingSystemMXBean sun) {
      return sun.getTotalMemorySize() / (1024.0 * 1024 * 1024);
    }
    return 0;
  }
}
