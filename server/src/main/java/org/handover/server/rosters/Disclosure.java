package org.handover.server.rosters;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.handover.core.accounts.FourEyes;
import org.handover.core.rosters.Purpose;
import org.handover.core.rosters.Sensitivity;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.parties.Parties;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Jdbi;

/**
 * Do no harm before a list leaves for the other side: a list this installation's party sends is
 * shown by what it holds of each sensitivity, approved by a second person, and only then exported,
 * without the fields its purpose does not need (a refusal to return, relatives, free text...).
 */
public final class Disclosure {
  /** A list's name and date of birth: what every export carries, and no sensitivity counts. */
  static final List<String> NAME_FIELDS =
      List.of("family", "given", "patronymic", "full-name", "birth-date");

  private final Jdbi jdbi;
  private final Journal journal;
  private final Parties parties;
  private final Clock clock;

  Disclosure(Jdbi jdbi, Journal journal, Parties parties, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.parties = parties;
    this.clock = clock;
  }

  /** The list fields that hold a relative's contact: never shown to a user of another party. */
  public static final java.util.Set<String> CONTACTS = java.util.Set.of("contact");

  /**
   * An entry's cells as a reader may see them: a relative's contact replaced by {@code withheld}
   * for a user of another party.
   */
  public static List<String> cells(
      Rosters.StoredEntry e, Map<String, Integer> mapping, boolean seesContacts, String withheld) {
    if (seesContacts) {
      return e.cells();
    }
    List<String> out = new ArrayList<>(e.cells());
    for (String f : CONTACTS) {
      Integer column = mapping.get(f);
      if (column != null && column - 1 < out.size() && !out.get(column - 1).isBlank()) {
        out.set(column - 1, withheld);
      }
    }
    return out;
  }

  /** Whether a problem's value is a relative's contact the reader may not see. */
  public static boolean hidden(
      org.handover.core.rosters.Entry.Problem p,
      Map<String, Integer> mapping,
      boolean seesContacts) {
    return !seesContacts
        && CONTACTS.stream().map(mapping::get).anyMatch(c -> c != null && c == p.column());
  }

  /** A list this installation's party sends to another. */
  public boolean outgoing(Rosters.Summary r) {
    return parties.own().map(own -> own.equals(r.from())).orElse(false);
  }

  /**
   * A field of the list: its sensitivity, whether an export for the other side keeps it, and how
   * many entries fill it.
   */
  public record Field(String field, Sensitivity sensitivity, boolean kept, int filled) {}

  /** Every mapped field but the name and date of birth, with how many entries fill it. */
  public List<Field> contents(Rosters.Summary r) {
    Predicate<String> kept = keeps(r);
    List<Field> out = new ArrayList<>();
    for (String f : r.mapping().keySet()) {
      if (NAME_FIELDS.contains(f)) {
        continue;
      }
      // counted where the entries are, not read into memory on every view of the list
      int filled =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "SELECT count(*) FROM roster_entries WHERE roster_id = :r AND"
                              + " coalesce(btrim(fields::jsonb ->> :f), '') <> ''")
                      .bind("r", r.id())
                      .bind("f", f)
                      .mapTo(Integer.class)
                      .one());
      out.add(new Field(f, Sensitivity.of(f), kept.test(f), filled));
    }
    return out;
  }

  /**
   * Which fields an export of the list carries: all of a list we keep, only what is needed of one
   * we send (decided once per list, not per field).
   */
  public Predicate<String> keeps(Rosters.Summary r) {
    if (!outgoing(r)) {
      return field -> true;
    }
    Purpose purpose;
    try {
      purpose = Purpose.fromKey(r.purpose());
    } catch (IllegalArgumentException e) {
      purpose = Purpose.INFORMATION; // the least a list needs
    }
    Purpose needs = purpose;
    return field -> Sensitivity.needed(field, needs);
  }

  /**
   * What a list's page shows of a list we send: its contents, who approved it, whether the reader
   * may.
   */
  public record Outgoing(List<Field> contents, Optional<Approval> approval, boolean mayApprove) {}

  /** Who approved a list for the other side, and when. */
  public record Approval(String by, long at) {}

  public Optional<Approval> approval(long rosterId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT approved_by, approved_at FROM roster_approvals WHERE roster_id = :r")
                .bind("r", rosterId)
                .map((rs, ctx) -> new Approval(rs.getString(1), rs.getLong(2)))
                .findOne());
  }

  /**
   * Approves a list we send, as its contents stand: journaled with them. Under four eyes, not by
   * whoever made the list.
   *
   * @throws SameHands when the one who made the list approves it
   * @throws IllegalArgumentException for a list we do not send
   */
  public void approve(Rosters.Summary r, String actor) {
    if (!outgoing(r)) {
      throw new IllegalArgumentException("list " + r.id() + " is not one this party sends");
    }
    if (FourEyes.on() && r.importedBy().equals(actor)) {
      throw new SameHands(actor);
    }
    Map<String, Object> contents = new LinkedHashMap<>();
    for (Field f : contents(r)) {
      contents.put(
          f.field(),
          Map.of("sensitivity", f.sensitivity().key(), "kept", f.kept(), "filled", f.filled()));
    }
    String text = Json.write(contents);
    jdbi.useTransaction(
        h -> {
          int n =
              h.createUpdate(
                      "INSERT INTO roster_approvals (roster_id, approved_by, approved_at, contents)"
                          + " VALUES (:r, :by, :at, :c) ON CONFLICT (roster_id) DO NOTHING")
                  .bind("r", r.id())
                  .bind("by", actor)
                  .bind("at", clock.millis())
                  .bind("c", text)
                  .execute();
          if (n == 1) {
            journal.append(
                h,
                Change.by(actor, "roster.approve")
                    .on("roster", String.valueOf(r.id()))
                    .now(Json.write(Map.of("made_by", r.importedBy(), "rows", r.rows()))));
          }
        });
  }

  /**
   * Refuses an export of a list we send that no second person has approved.
   *
   * @throws NotApproved then
   */
  public void check(Rosters.Summary r) {
    if (waiting(r)) {
      throw new NotApproved(r.id());
    }
  }

  /** A list we send that no second person has approved yet: nothing of it may leave. */
  public boolean waiting(Rosters.Summary r) {
    return outgoing(r) && approval(r.id()).isEmpty();
  }

  /** An export refused: the list goes to the other side and nobody has approved it yet. */
  public static final class NotApproved extends RuntimeException {
    public NotApproved(long roster) {
      super("list " + roster + " goes to the other side: a second person approves it first");
    }
  }

  /** An approval refused: whoever made the list does not approve it (four eyes). */
  public static final class SameHands extends RuntimeException {
    public SameHands(String actor) {
      super(actor + " made this list: a second person approves it (four eyes)");
    }
  }
}
