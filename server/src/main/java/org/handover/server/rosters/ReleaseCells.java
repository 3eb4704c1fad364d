package org.handover.server.rosters;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.handover.core.registry.ReleaseFacts;
import org.handover.core.rosters.ColumnMapping;
import org.handover.core.rosters.Entry;
import org.handover.core.rosters.Field;
import org.handover.server.i18n.Days;
import org.handover.server.i18n.Messages;

/**
 * The columns of a list that say when and where a person was taken and whether they consent to
 * repatriation, read into their release facts; a cell that cannot be read is a problem naming row,
 * column and value.
 */
final class ReleaseCells {
  private static final Set<String> NOT_ASKED =
      Set.of("", "не питали", "не опитано", "не питано", "не спрашивали", "not asked", "?");

  private final ColumnMapping mapping;
  private final CellProblem problem;
  private final Messages m;

  ReleaseCells(ColumnMapping mapping, List<String> header, Messages m) {
    this.mapping = mapping;
    this.m = m;
    this.problem = new CellProblem(mapping, header, m);
  }

  ReleaseFacts read(Entry e, LocalDate today, List<String> problems) {
    Optional<LocalDate> capturedOn = Optional.empty();
    String dateCell = cell(e, Field.CAPTURED_ON);
    if (!dateCell.isBlank()) {
      try {
        LocalDate d = Days.parse(dateCell);
        if (d.isAfter(today)) {
          problems.add(
              problem(
                  e,
                  Field.CAPTURED_ON,
                  m.get("error.cell.future", label(Field.CAPTURED_ON), dateCell)));
        } else if (e.birthDate().isPresent() && d.isBefore(e.birthDate().get().earliest())) {
          problems.add(
              problem(
                  e,
                  Field.CAPTURED_ON,
                  m.get("error.cell.before-birth", label(Field.CAPTURED_ON), dateCell)));
        } else {
          capturedOn = Optional.of(d);
        }
      } catch (DateTimeParseException ex) {
        problems.add(
            problem(
                e,
                Field.CAPTURED_ON,
                m.get("error.cell.date", label(Field.CAPTURED_ON), dateCell)));
      }
    }
    String capturedAt = cell(e, Field.CAPTURED_AT).strip();
    if (capturedAt.length() > ReleaseFacts.MAX_TEXT) {
      problems.add(
          problem(e, Field.CAPTURED_AT, m.get("error.release.too-long", ReleaseFacts.MAX_TEXT)));
      capturedAt = "";
    }
    ReleaseFacts.Consent consent = ReleaseFacts.Consent.NOT_ASKED;
    String consentCell = cell(e, Field.CONSENT);
    if (!NOT_ASKED.contains(CellWords.fold(consentCell))) {
      Optional<Boolean> yes = CellWords.yesNo(consentCell);
      if (yes.isEmpty()) {
        problems.add(
            problem(
                e, Field.CONSENT, m.get("error.cell.consent", label(Field.CONSENT), consentCell)));
      } else {
        consent = yes.get() ? ReleaseFacts.Consent.YES : ReleaseFacts.Consent.NO;
      }
    }
    return new ReleaseFacts(
        capturedOn, capturedAt, consent, Optional.empty(), Optional.empty(), Optional.empty(), "");
  }

  private String cell(Entry e, Field f) {
    return mapping.column(f).isPresent() ? e.value(f) : "";
  }

  private String label(Field f) {
    return m.get("list-field." + f.key());
  }

  private String problem(Entry e, Field f, String what) {
    return problem.of(e, f, what);
  }
}
