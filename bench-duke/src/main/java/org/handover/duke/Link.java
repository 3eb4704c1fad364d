package org.handover.duke;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import no.priv.garshol.duke.ConfigLoader;
import no.priv.garshol.duke.Configuration;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.matchers.AbstractMatchListener;

/**
 * Duke's record linkage as its command-line tool runs it (the configuration's first group indexed,
 * the second linked against it, every match kept, batches of 40,000, N threads), writing each
 * record's best match with Duke's confidence: the tool's own printing interleaves its threads'
 * lines, and its link file writes 1.0 for every confidence.
 *
 * <pre>
 * java -cp ... org.handover.duke.Link CONFIG.xml THREADS OUT.csv INDEXED-PREFIX
 * </pre>
 *
 * (the indexed group's identifiers start with INDEXED-PREFIX, which tells the two records of a
 * match apart)
 */
public final class Link {
  private Link() {}

  public static void main(String[] args) throws Exception {
    Configuration config = ConfigLoader.load(args[0]);
    Processor processor = new Processor(config, true);
    processor.setThreads(Integer.parseInt(args[1]));
    Best best = new Best(config.getIdentityProperties().iterator().next().getName(), args[3]);
    processor.addMatchListener(best);
    processor.link(config.getDataSources(1), config.getDataSources(2), true, 40_000);
    processor.close();
    best.write(Path.of(args[2]));
  }

  /** Each linked record's best match, kept under a lock: Duke calls from all its threads. */
  static final class Best extends AbstractMatchListener {
    private final String id;
    private final String prefix;
    private final Map<String, String> person = new HashMap<>();
    private final Map<String, Double> confidence = new HashMap<>();

    Best(String id, String prefix) {
      this.id = id;
      this.prefix = prefix;
    }

    @Override
    public synchronized void matches(Record r1, Record r2, double c) {
      String a = r1.getValue(id);
      String b = r2.getValue(id);
      String entry = a.startsWith(prefix) ? b : a;
      if (c > confidence.getOrDefault(entry, -1.0)) {
        confidence.put(entry, c);
        person.put(entry, a.startsWith(prefix) ? a : b);
      }
    }

    synchronized void write(Path file) throws IOException {
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (Map.Entry<String, String> e : person.entrySet()) {
          w.write(
              String.format(
                  Locale.ROOT, "%s,%s,%s%n", e.getKey(), e.getValue(), confidence.get(e.getKey())));
        }
      }
    }
  }
}
