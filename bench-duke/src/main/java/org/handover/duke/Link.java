package org.handover.duke;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.priv.garshol.duke.ConfigLoader;
import no.priv.garshol.duke.Configuration;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.matchers.AbstractMatchListener;

/**
 * Duke's record linkage as its command-line tool runs it (the configuration's first group indexed,
 * the second linked against it, every match kept, batches of 40,000, N threads), writing every
 * match with Duke's confidence: the tool's own printing interleaves its threads' lines, and its
 * link file writes 1.0 for every confidence. Duke's {@code --noreindex} (an index kept on disk used
 * again) does not work in record linkage in 1.2: its Lucene database opens no searcher on an index
 * it did not write in the same run (findCandidateMatches throws a NullPointerException, which its
 * threads swallow, and nothing matches), so every run indexes.
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
    Matches matches =
        new Matches(config.getIdentityProperties().iterator().next().getName(), args[3]);
    processor.addMatchListener(matches);
    processor.link(config.getDataSources(1), config.getDataSources(2), true, 40_000);
    processor.close();
    matches.write(Path.of(args[2]));
  }

  /**
   * Every match as entry, person and confidence, kept under a lock: Duke calls from all threads.
   */
  static final class Matches extends AbstractMatchListener {
    private final String id;
    private final String prefix;
    private final List<String> lines = new ArrayList<>();

    Matches(String id, String prefix) {
      this.id = id;
      this.prefix = prefix;
    }

    @Override
    public synchronized void matches(Record r1, Record r2, double c) {
      String a = r1.getValue(id);
      String b = r2.getValue(id);
      boolean aIndexed = a.startsWith(prefix);
      lines.add(String.format(Locale.ROOT, "%s,%s,%s%n", aIndexed ? b : a, aIndexed ? a : b, c));
    }

    synchronized void write(Path file) throws IOException {
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (String line : lines) {
          w.write(line);
        }
      }
    }
  }
}
