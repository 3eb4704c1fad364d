package org.handover.server.rosters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.handover.core.parties.PartyBook;
import org.handover.core.registry.PersonForm;
import org.handover.core.registry.Problem;
import org.handover.core.registry.ReleaseFacts;
import org.handover.core.registry.StatusBasis;
import org.handover.core.rosters.ColumnMapping;
import org.handover.core.rosters.Entry;
import org.handover.core.rosters.Field;
import org.handover.server.i18n.Messages;
import org.handover.server.registry.Registry;

/**
 * A spreadsheet's rows read as registry persons through the registry's own form, every problem
 * named by row and column. Holds nothing that changes, so rows are read on every core at once.
 */
final class RegistryRows {
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

  /** A row read: the person when it has no problem, else the problems, in the reader's words. */
  record Read(Optional<Registry.Imported> person, List<String> problems) {}

  private final ColumnMapping mapping;
  private final PartyBook parties;
  private final Messages m;
  private final LocalDate today;
  private final String kind;
  private final String status;
  private final CellWords words;
  private final ReleaseCells release;
  private final CellProblem cellProblem;

  RegistryRows(
      ColumnMapping mapping,
      List<String> header,
      PartyBook parties,
      Messages m,
      LocalDate today,
      String kind,
      String status) {
    this.mapping = mapping;
    this.parties = parties;
    this.m = m;
    this.today = today;
    this.kind = kind;
    this.status = status;
    this.words = new CellWords(parties);
    this.release = new ReleaseCells(mapping, header, m);
    this.cellProblem = new CellProblem(mapping, header, m);
  }

  Read read(Entry e) {
    List<String> problems = new ArrayList<>();
    e.problems().forEach(p -> problems.add(RosterCommand.problem(m, p)));
    if (!e.ok()) {
      return new Read(Optional.empty(), problems);
    }
    Map<String, String> v = new LinkedHashMap<>();
    v.put("name.0.family", e.family());
    v.put("name.0.given", e.given());
    v.put("name.0.patronymic", e.patronymic());
    v.put("birth_date", e.birthDate().map(Object::toString).orElse(""));
    v.put("kind", kind);
    v.put("status", status);
    FORM.forEach((field, form) -> v.put(form, e.value(field)));
    cells(e, v, problems);
    PersonForm.Result read = new PersonForm(v, parties::knows).read(0, today);
    for (Problem p : read.problems()) {
      problems.add(m.get("roster.problem", e.line(), 0, "", "", m.problem(p)));
    }
    ReleaseFacts facts = release.read(e, today, problems);
    if (!problems.isEmpty() || read.person().isEmpty()) {
      return new Read(Optional.empty(), problems); // every problem of the row is listed
    }
    return new Read(
        Optional.of(new Registry.Imported(read.person().get(), StatusBasis.since(today), facts)),
        problems);
  }

  /**
   * The columns of kind, status, holder and health, when the list has them: words of any language
   * become the form's keys; a cell that is none of them is a problem naming row, column and value.
   */
  private void cells(Entry e, Map<String, String> v, List<String> problems) {
    word(e, Field.KIND, words::kind, () -> CellWords.knownKinds(m), problems)
        .ifPresent(k -> v.put("kind", k));
    word(e, Field.STATUS, words::status, () -> CellWords.knownStatuses(m), problems)
        .ifPresent(st -> v.put("status", st));
    word(e, Field.HELD_BY, words::party, words::knownParties, problems)
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
            cellProblem.of(e, f, m.get("error.cell.yes-no", m.get("list-field." + f.key()), cell)));
      } else if (yes.get()) {
        categories.add(f == Field.SEVERELY_WOUNDED ? "severely-wounded" : "sick");
      }
    }
    if (!categories.isEmpty()) {
      v.put("categories", String.join(",", categories));
    }
  }

  private Optional<String> word(
      Entry e,
      Field f,
      Function<String, Optional<String>> read,
      Supplier<String> known,
      List<String> problems) {
    Optional<Integer> column = mapping.column(f);
    String cell = e.value(f);
    if (column.isEmpty() || cell.isBlank()) {
      return Optional.empty();
    }
    Optional<String> key = read.apply(cell);
    if (key.isEmpty()) {
      problems.add(
          cellProblem.of(
              e, f, m.get("error.cell.word", m.get("list-field." + f.key()), cell, known.get())));
    }
    return key;
  }
}
