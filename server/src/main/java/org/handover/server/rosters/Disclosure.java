package org.handover.server.rosters;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private static final List<String> NAME_FIELDS =
      List.of("family", "given", "patronymic", "full-name", "birth-date");

  private final Jdbi jdbi;
  private final Journal journal;
  private final Rosters rosters;
  private final Parties parties;
  private final Clock clock;

  Disclosure(Jdbi jdbi, Journal journal, Rosters rosters, Parties parties, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.rosters = rosters;
    this.parties = parties;
    this.clock = clock;
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
    Map<String, Integer> filled = new LinkedHashMap<>();
    r.mapping().keySet().stream()
        .filter(f -> !NAME_FIELDS.contains(f))
        .forEach(f -> filled.put(f, 0));
    for (int offset = 0; ; offset += 5000) {
      List<Rosters.StoredEntry> page = rosters.entries(r.id(), false, offset, 5000);
      for (Rosters.StoredEntry e : page) {
        for (String f : filled.keySet()) {
          String v = e.fields().get(f);
          if (v != null && !v.isBlank()) {
            filled.merge(f, 1, Integer::sum);
          }
        }
      }
      if (page.size() < 5000) {
        break;
      }
    }
    List<Field> out = new ArrayList<>();
    filled.forEach((f, n) -> out.add(new Field(f, Sensitivity.of(f), keeps(r, f), n)));
    return out;
  }

  /**
   * Whether an export of the list carries the field: all of a list we keep, only what is needed of
   * one we send.
   */
  public boolean keeps(Rosters.Summary r, String field) {
    if (!outgoing(r)) {
      return true;
    }
    Purpose purpose;
    try {
      purpose = Purpose.fromKey(r.purpose());
    } catch (IllegalArgumentException e) {
      purpose = Purpose.INFORMATION; // the least a list needs
    }
    return Sensitivity.needed(field, purpose);
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
    if (outgoing(r) && approval(r.id()).isEmpty()) {
      throw new NotApproved(r.id());
    }
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
