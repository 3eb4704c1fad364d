package org.handover.server.rosters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.handover.core.accounts.Permission;
import org.handover.core.rosters.ColumnMapping;
import org.handover.core.rosters.EntryReader;
import org.handover.core.rosters.RosterFileException;
import org.handover.core.rosters.Table;
import org.handover.core.rosters.Tables;
import org.handover.server.App;
import org.handover.server.cli.Acting;
import org.handover.server.cli.Options;
import org.handover.server.cli.Progress;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Messages;
import org.handover.server.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code registry import}: persons loaded from a party's spreadsheet through the roster readers,
 * all or nothing.
 */
@Requires(Permission.EDIT_REGISTRY)
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Load persons from a CSV or XLSX list through the roster readers and column mapping.",
      "All or nothing: when any row cannot be read, every problem is listed and nothing is stored;"
          + " with --skip-bad-rows, the rows that read are stored and the others listed.",
      "A person whose family name is unknown is kept by the given name."
    })
final class RegistryImportCommand implements Callable<Integer> {
  @Mixin Options options;

  @Parameters(paramLabel = "FILE")
  Path file;

  @Option(
      names = "--kind",
      defaultValue = "service-member",
      description = "service-member, civilian or child")
  String kind;

  @Option(
      names = "--status",
      defaultValue = "missing",
      description = "the status of everyone loaded (default missing)")
  String status;

  @Option(names = "--sheet", defaultValue = "1", description = "the sheet of a workbook, from 1")
  int sheet;

  @Acting String actor;

  @Option(
      names = "--again",
      description =
          "import a file imported before once more (without it, the same file, byte for byte, is"
              + " refused: its persons would be in the registry twice)")
  boolean again;

  @Option(
      names = "--skip-bad-rows",
      description =
          "store the rows that read and list the others by row and column (exit 1), instead of"
              + " storing nothing when one row cannot be read")
  boolean skipBadRows;

  @Override
  public Integer call() throws IOException {
    Messages m = options.messages();
    if (!Files.isRegularFile(file)) {
      System.err.println(
          m.get(
              Files.isDirectory(file) ? "error.file.is-folder" : "error.file.not-found",
              file.toString()));
      return 2;
    }
    try (App app = options.open()) {
      return load(app, m, Rosters.sha256(file));
    }
  }

  private int importedBefore(Messages m, Registry.Earlier e) {
    System.err.println(
        m.get(
            "registry.import.earlier",
            file.getFileName().toString(),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(Instant.ofEpochMilli(e.at()).atZone(ZoneId.systemDefault())),
            e.actor(),
            e.file()));
    System.err.println(m.get("roster.nothing-stored"));
    return 2;
  }

  private int load(App app, Messages m, String sha256) throws IOException {
    LocalDate today = LocalDate.now();
    try (Table t =
        Tables.open(
            file, file.getFileName().toString(), Tables.Options.detect().withSheet(sheet - 1))) {
      ColumnMapping mapping = ColumnMapping.guess(t.header());
      if (!mapping.hasName()) {
        throw new RosterFileException(
            "error.file.no-name-column.registry", "no name column", String.join(", ", t.header()));
      }
      RegistryReading reading =
          new RegistryReading(
              t,
              new EntryReader(t.header(), mapping, today),
              new RegistryRows(mapping, t.header(), app.parties().book(), m, today, kind, status),
              skipBadRows);
      return load(app, m, reading, sha256);
    } catch (RosterFileException e) {
      return unreadable(m, e);
    }
  }

  /** Stores what is read, as it is read: all of it, or the rows without problems when so asked. */
  private int load(App app, Messages m, RegistryReading reading, String sha256) {
    int stored;
    Progress.Line line = new Progress.Line();
    try {
      stored =
          app.registry()
              .importAll(
                  reading,
                  file.getFileName().toString(),
                  sha256,
                  again,
                  actor,
                  progress(m, reading, line));
      line.end();
    } catch (Registry.ImportedBefore e) {
      line.end(); // asked under a lock: two imports of one file begun together store it once
      return importedBefore(m, e.earlier());
    } catch (RegistryReading.Refused e) {
      line.end();
      if (e.unreadable().isPresent()) {
        return unreadable(m, e.unreadable().get());
      }
      reading.problems().forEach(System.err::println);
      System.err.println(m.get("registry.import.bad-rows", reading.skipped()));
      System.err.println(m.get("roster.nothing-stored"));
      System.err.println(m.get("registry.import.skip-hint"));
      return 2;
    }
    if (reading.read() == 0) {
      System.err.println(m.get("registry.import.no-rows", file.getFileName().toString()));
      return 2;
    }
    reading.problems().forEach(System.err::println);
    System.out.println(m.get("registry.imported", stored));
    if (reading.skipped() > 0) {
      System.out.println(m.get("registry.import.skipped", reading.skipped()));
    }
    return reading.skipped() > 0 ? 1 : 0;
  }

  private int unreadable(Messages m, RosterFileException e) {
    System.err.println(file.getFileName() + ": " + m.get(e.key(), e.args().toArray()));
    System.err.println(m.get("roster.nothing-stored"));
    return 2;
  }

  /**
   * The load's progress on one line: the rows read and persons loaded, then the index build and how
   * many of them are journaled.
   */
  private static Registry.Progress progress(
      Messages m, RegistryReading reading, Progress.Line line) {
    AtomicInteger loaded = new AtomicInteger(); // told on this thread, read on the reader's too
    // each block as it is read, before any is stored: a large file's first seconds say something
    reading.onRead(read -> line.show(loading(m, reading, read, loaded.get())));
    return (stage, n) -> {
      if (stage.equals(Registry.Progress.WAITING)) {
        line.show(m.get("registry.import.waiting"));
        return;
      }
      if (stage.equals(Registry.Progress.JOURNALED)) {
        line.show(
            Progress.bar((double) n / Math.max(1, loaded.get()))
                + " "
                + m.get("registry.import.journaled", n));
        return;
      }
      loaded.set(n);
      line.show(
          stage.equals(Registry.Progress.STORED)
              ? loading(m, reading, reading.read(), n)
              : Progress.bar(1) + " " + m.get("registry.import." + stage, n));
    };
  }

  /** The rows read and the persons loaded, with how far through the file when it can tell. */
  private static String loading(Messages m, RegistryReading reading, int read, int loaded) {
    return (Progress.bar(reading.progress()) // no bar: a workbook cannot tell
            + " "
            + m.get("registry.import.stored", read, loaded))
        .strip();
  }
}
