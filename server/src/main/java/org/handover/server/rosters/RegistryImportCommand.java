package org.handover.server.rosters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.core.rosters.ColumnMapping;
import org.handover.core.rosters.Entry;
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
      names = "--skip-bad-rows",
      description =
          "store the rows that read and list the others by row and column (exit 1), instead of"
              + " storing nothing when one row cannot be read")
  boolean skipBadRows;

  /** Rows read one by one, then made persons on every core this many at a time. */
  private static final int BATCH = 10_000;

  @Override
  public Integer call() throws IOException {
    Messages m = options.messages();
    if (!Files.isRegularFile(file)) {
      System.err.println(m.get("error.file.not-found", file.toString()));
      return 2;
    }
    try (App app = options.open()) {
      return load(app, m);
    }
  }

  private int load(App app, Messages m) throws IOException {
    LocalDate today = LocalDate.now();
    List<Registry.Imported> persons = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int skipped = 0;
    try (Table t =
        Tables.open(
            file, file.getFileName().toString(), Tables.Options.detect().withSheet(sheet - 1))) {
      ColumnMapping mapping = ColumnMapping.guess(t.header());
      if (!mapping.hasName()) {
        throw new RosterFileException(
            "error.file.no-name-column", "no name column", String.join(", ", t.header()));
      }
      EntryReader reader = new EntryReader(t.header(), mapping, today);
      RegistryRows rows =
          new RegistryRows(mapping, t.header(), app.parties().book(), m, today, kind, status);
      List<Entry> batch = new ArrayList<>(BATCH);
      int read = 0;
      for (Optional<Table.Row> r = t.next(); ; r = t.next()) {
        if (r.isPresent()) {
          batch.add(reader.read(r.get()));
          read++;
        }
        if (batch.size() == BATCH || (r.isEmpty() && !batch.isEmpty())) {
          for (RegistryRows.Read one : batch.parallelStream().map(rows::read).toList()) {
            problems.addAll(one.problems());
            one.person().ifPresent(persons::add);
            skipped += one.person().isPresent() ? 0 : 1;
          }
          batch.clear();
          System.err.print(
              "\r" + Progress.bar(t.progress()) + " " + m.get("registry.import.reading", read));
        }
        if (r.isEmpty()) {
          break;
        }
      }
      System.err.println();
    } catch (RosterFileException e) {
      System.err.println(file.getFileName() + ": " + m.get(e.key(), e.args().toArray()));
      System.err.println(m.get("roster.nothing-stored"));
      return 2;
    }
    if (!problems.isEmpty()) {
      problems.forEach(System.err::println);
      if (!skipBadRows) {
        System.err.println(m.get("roster.nothing-stored"));
        System.err.println(m.get("registry.import.skip-hint"));
        return 2;
      }
    }
    app.registry()
        .importAll(
            persons,
            file.getFileName().toString(),
            actor,
            (stage, n) ->
                System.err.print(
                    "\r"
                        + Progress.bar((double) n / persons.size())
                        + " "
                        + m.get("registry.import." + stage, n, persons.size())));
    System.err.println();
    System.out.println(m.get("registry.imported", persons.size()));
    if (skipped > 0) {
      System.out.println(m.get("registry.import.skipped", skipped));
    }
    return skipped > 0 ? 1 : 0;
  }
}
