package org.handover.server.rosters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.core.parties.PartyBook;
import org.handover.core.registry.PersonForm;
import org.handover.core.registry.Problem;
import org.handover.core.registry.ReleaseFacts;
import org.handover.core.registry.StatusBasis;
import org.handover.core.rosters.ColumnMapping;
import org.handover.core.rosters.Entry;
import org.handover.core.rosters.EntryReader;
import org.handover.core.rosters.Field;
import org.handover.core.rosters.RosterFileException;
import org.handover.core.rosters.Table;
import org.handover.core.rosters.Tables;
import org.handover.server.App;
import org.handover.server.cli.Acting;
import org.handover.server.cli.Options;
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

  private static final Map<Field, String> FORM = new LinkedHashMap<>();

  static {
    FORM.put(Field.REFERENCE, "reference");
    FORM.put(Field.BIRTH_PLACE, "birth_place");
    FORM.put(Field.RANK, "rank");
    FORM.put(Field.SERVICE_NUMBER, "service_number");
    FORM.put(Field.UNIT, "unit");
    FORM.put(Field.CITIZENSHIP, "citizenship");
    FORM.put(Field.FATHER_NAME, "father_name");
    FORM.put(Field.MOTHER_MAIDEN_NAME, "mother_maiden_name");
    FORM.put(Field.LAST_RESIDENCE, "last_residence");
    FORM.put(Field.NOTES, "notes");
  }

  /**
   * The columns of kind, status, holder and health, when the list has them: words of any language
   * become the form's keys; a cell that is none of them is a problem naming row, column and value.
   */
  private static void cells(
      Entry e,
      ColumnMapping mapping,
      List<String> header,
      CellWords words,
      Messages m,
      Map<String, String> v,
      List<String> problems) {
    word(e, mapping, header, Field.KIND, words::kind, CellWords.knownKinds(m), m, problems)
        .ifPresent(k -> v.put("kind", k));
    word(e, mapping, header, Field.STATUS, words::status, CellWords.knownStatuses(m), m, problems)
        .ifPresent(st -> v.put("status", st));
    word(e, mapping, header, Field.HELD_BY, words::party, words.knownParties(), m, problems)
        .ifPresent(p -> v.put("holding_party", p));
    List<String> categories = new ArrayList<>();
    for (Field f : List.of(Field.SEVERELY_WOUNDED, Field.SERIOUSLY_SICK)) {
      Optional<Integer> column = mapping.column(f);
      if (column.isEmpty()) {
        continue;
      }
      String cell = e.value(f);
      Optional<Boolean> yes = CellWords.yesNo(cell);
      if (yes.isEmpty()) {
        problems.add(
            m.get(
                "roster.problem",
                e.row(),
                column.get() + 1,
                header.get(column.get()),
                cell,
                m.get("error.cell.yes-no", m.get("list-field." + f.key()), cell)));
      } else if (yes.get()) {
        categories.add(f == Field.SEVERELY_WOUNDED ? "severely-wounded" : "sick");
      }
    }
    if (!categories.isEmpty()) {
      v.put("categories", String.join(",", categories));
    }
  }

  private static Optional<String> word(
      Entry e,
      ColumnMapping mapping,
      List<String> header,
      Field f,
      java.util.function.Function<String, Optional<String>> read,
      String known,
      Messages m,
      List<String> problems) {
    Optional<Integer> column = mapping.column(f);
    String cell = e.value(f);
    if (column.isEmpty() || cell.isBlank()) {
      return Optional.empty();
    }
    Optional<String> key = read.apply(cell);
    if (key.isEmpty()) {
      problems.add(
          m.get(
              "roster.problem",
              e.row(),
              column.get() + 1,
              header.get(column.get()),
              cell,
              m.get("error.cell.word", m.get("list-field." + f.key()), cell, known)));
    }
    return key;
  }

  @Override
  public Integer call() throws IOException {
    PartyBook parties;
    try (App app = options.open()) {
      parties = app.parties().book();
    }
    Messages m = options.messages();
    if (!Files.isRegularFile(file)) {
      System.err.println(m.get("error.file.not-found", file.toString()));
      return 2;
    }
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
      CellWords words = new CellWords(parties);
      ReleaseCells release = new ReleaseCells(mapping, t.header(), m);
      for (Optional<Table.Row> r = t.next(); r.isPresent(); r = t.next()) {
        Entry e = reader.read(r.get());
        int before = problems.size();
        e.problems().forEach(p -> problems.add(RosterCommand.problem(m, p)));
        if (!e.ok()) {
          skipped++;
          continue;
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name.0.family", e.family());
        v.put("name.0.given", e.given());
        v.put("name.0.patronymic", e.patronymic());
        v.put("birth_date", e.birthDate().map(Object::toString).orElse(""));
        v.put("kind", kind);
        v.put("status", status);
        FORM.forEach((field, form) -> v.put(form, e.value(field)));
        cells(e, mapping, t.header(), words, m, v, problems);
        PersonForm.Result read = new PersonForm(v, parties::knows).read(0, today);
        for (Problem p : read.problems()) {
          problems.add(m.get("roster.problem", e.row(), 0, "", "", m.problem(p)));
        }
        ReleaseFacts facts = release.read(e, today, problems);
        if (problems.size() > before || read.person().isEmpty()) {
          skipped++; // every problem of the row is listed; the row is not stored
          continue;
        }
        persons.add(new Registry.Imported(read.person().get(), StatusBasis.since(today), facts));
      }
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
    try (App app = options.open()) {
      app.registry().importAll(persons, actor);
    }
    System.out.println(m.get("registry.imported", persons.size()));
    if (skipped > 0) {
      System.out.println(m.get("registry.import.skipped", skipped));
    }
    return skipped > 0 ? 1 : 0;
  }
}
