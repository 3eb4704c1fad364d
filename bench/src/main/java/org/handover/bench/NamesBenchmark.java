package org.handover.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.handover.names.Names;
import org.handover.names.PreparedName;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH: preparing names (parse + keys) and comparing prepared names, one thread. Each invocation
 * handles a batch of 1,000, so the score times 1,000 is names (or pairs) per second.
 *
 * <pre>
 * bench/run jmh [JMH options]
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class NamesBenchmark {
  static final int BATCH = 1000;
  List<String> names;
  List<PreparedName> prepared;

  /**
   * Many more names than the comparison's per-thread cache of word pairs holds: {@link
   * #compareDistinct1000} meets new pairs as a registry's candidates do, where {@link #compare1000}
   * meets the same thousand pairs again and again.
   */
  List<PreparedName> many;

  int offset;

  @Setup
  public void setUp() throws IOException {
    List<String[]> dictionary = NamesQualityBench.dictionary();
    Random random = new Random(7);
    names = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      String[] f = dictionary.get(random.nextInt(dictionary.size()));
      String[] g = dictionary.get(random.nextInt(dictionary.size()));
      String family = f[random.nextInt(2)];
      String given = g[random.nextInt(2)];
      names.add(
          Character.toUpperCase(family.charAt(0))
              + family.substring(1)
              + " "
              + Character.toUpperCase(given.charAt(0))
              + given.substring(1));
    }
    prepared = names.stream().map(Names::prepare).toList();
    many = new ArrayList<>();
    for (int i = 0; i < 50 * BATCH; i++) {
      String[] f = dictionary.get(random.nextInt(dictionary.size()));
      String[] g = dictionary.get(random.nextInt(dictionary.size()));
      String family = f[random.nextInt(2)];
      String given = g[random.nextInt(2)];
      many.add(
          Names.prepare(
              Character.toUpperCase(family.charAt(0))
                  + family.substring(1)
                  + " "
                  + Character.toUpperCase(given.charAt(0))
                  + given.substring(1)));
    }
  }

  @Benchmark
  public void prepareAndKey1000(Blackhole bh) {
    for (String n : names) {
      PreparedName p = Names.prepare(n);
      bh.consume(Names.keys(p));
    }
  }

  /** A thousand pairs not compared in the last 49 invocations. */
  @Benchmark
  public void compareDistinct1000(Blackhole bh) {
    int n = many.size();
    int from = offset;
    offset = (offset + BATCH) % n;
    for (int i = from; i < from + BATCH; i++) {
      bh.consume(Names.compare(many.get(i), many.get((i * 7 + 13) % n)));
    }
  }

  @Benchmark
  public void compare1000(Blackhole bh) {
    int n = prepared.size();
    for (int i = 0; i < n; i++) {
      bh.consume(Names.compare(prepared.get(i), prepared.get((i * 7 + 13) % n)));
    }
  }
}
