package org.handover.server.rosters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.handover.core.rosters.Entry;
import org.handover.core.rosters.EntryReader;
import org.handover.core.rosters.RosterFileException;
import org.handover.core.rosters.Table;
import org.handover.server.registry.Registry;

/**
 * A spreadsheet read as registry persons a block at a time, while the blocks before are stored.
 * Every row's problems are gathered; at the first, unless bad rows are skipped, no more persons are
 * given: the rest of the file is read for its problems only, and the load refused.
 */
final class RegistryReading implements Registry.Reading {
  /** Rows read one by one, then made persons on every core this many at a time. */
  static final int BATCH = 10_000;

  /** The load is refused: the file has a row with a problem, or cannot be read. */
  static final class Refused extends RuntimeException {
    private final transient Optional<RosterFileException> unreadable;

    Refused(Optional<RosterFileException> unreadable) {
      super("refused", unreadable.orElse(null), false, false);
      this.unreadable = unreadable;
    }

    /** Why the file could not be read, when it could not. */
    Optional<RosterFileException> unreadable() {
      return unreadable;
    }
  }

  private final Table table;
  private final EntryReader reader;
  private final RegistryRows rows;
  private final boolean skipBadRows;
  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger read = new AtomicInteger();
  private final AtomicInteger skipped = new AtomicInteger();
  private volatile double share;
  private volatile boolean ended;
  private volatile IntConsumer onRead = read -> {};

  RegistryReading(Table table, EntryReader reader, RegistryRows rows, boolean skipBadRows) {
    this.table = table;
    this.reader = reader;
    this.rows = rows;
    this.skipBadRows = skipBadRows;
  }

  @Override
  public List<Registry.Imported> next() {
    List<Registry.Imported> block = new ArrayList<>();
    while (block.isEmpty() && !ended) { // a block of bad rows skipped is not the end
      block = batch();
    }
    if (!problems.isEmpty() && !skipBadRows) {
      while (!ended) {
        batch();
      }
      throw new Refused(Optional.empty());
    }
    return block;
  }

  /** The persons of the next rows of the file, their problems gathered. */
  private List<Registry.Imported> batch() {
    List<Entry> entries = new ArrayList<>(BATCH);
    try {
      while (entries.size() < BATCH) {
        Optional<Table.Row> r = table.next();
        if (r.isEmpty()) {
          ended = true;
          break;
        }
        entries.add(reader.read(r.get()));
      }
    } catch (RosterFileException e) {
      ended = true;
      throw new Refused(Optional.of(e));
    }
    List<Registry.Imported> persons = new ArrayList<>(entries.size());
    for (RegistryRows.Read one : entries.parallelStream().map(rows::read).toList()) {
      problems.addAll(one.problems());
      one.person().ifPresentOrElse(persons::add, skipped::incrementAndGet);
    }
    share = table.progress();
    onRead.accept(read.addAndGet(entries.size()));
    return persons;
  }

  /** Tells {@code listener} how many rows are read, block by block, on the reading thread. */
  void onRead(IntConsumer listener) {
    this.onRead = listener;
  }

  @Override
  public void stop() {
    ended = true;
  }

  @Override
  public long expected() {
    return share > 0 && share <= 1 ? Math.round(read.get() / share) : read.get();
  }

  /** Rows read so far. */
  int read() {
    return read.get();
  }

  /** How far through the file, from 0 to 1. */
  double progress() {
    return share;
  }

  /** Rows not stored for their problems. */
  int skipped() {
    return skipped.get();
  }

  /** Every problem of the rows read, in their order. */
  List<String> problems() {
    return problems;
  }
}
