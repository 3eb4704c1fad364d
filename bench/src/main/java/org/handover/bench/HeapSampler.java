package org.handover.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The most heap in use at any sample, taken every 20 ms by a daemon thread while a benchmark runs.
 */
final class HeapSampler {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peak;

  private HeapSampler() {
    thread =
        new Thread(
            () -> {
              while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    thread.setDaemon(true);
  }

  static HeapSampler start() {
    System.gc();
    HeapSampler s = new HeapSampler();
    s.thread.start();
    return s;
  }

  void stop() throws InterruptedException {
    running = false;
    thread.join();
  }

  long peak() {
    return peak;
  }
}
