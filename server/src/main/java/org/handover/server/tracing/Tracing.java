package org.handover.server.tracing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.matching.Model;
import org.handover.core.registry.PartialDate;
import org.handover.core.rosters.Field;
import org.handover.core.rosters.Purpose;
import org.handover.core.tracing.CaseState;
import org.handover.core.tracing.ChildMatching;
import org.handover.core.tracing.ChildRecord;
import org.handover.names.Names;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.rosters.Rosters;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Requests, children sought, their candidates and their cases: every change in one transaction with
 * its journal entry.
 */
public final class Tracing {
  /** Candidates shown per child: a reviewer reads a few, not a list. */
  public static final int PER_CHILD = 5;

  /**
   * Below this, a located child is not put before a reviewer: on generated deported children it
   * keeps recall in the first three at 0.997 with a median of two candidates (bench tracing).
   */
  public static final double MIN_PROBABILITY = 0.2;

  private final Jdbi jdbi;
  private final Journal journal;
  private final Rosters rosters;
  private final Clock clock;

  public Tracing(Jdbi jdbi, Journal journal, Rosters rosters, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.rosters = rosters;
    this.clock = clock;
    journal.audit(TracingAudit.REQUESTS);
    journal.audit(TracingAudit.CHILDREN);
  }

  /**
   * Stores requests with their children, each child's case open: all or none.
   *
   * @throws TracingException for a reference stored before, or a blood group or date of leaving the
   *     country that is not one
   */
  public int importRequests(List<Request> requests, String actor) {
    LocalDate today = LocalDate.now(clock);
    return jdbi.inTransaction(
        h -> {
          int children = 0;
          for (Request r : requests) {
            if (h.createQuery("SELECT count(*) FROM tracing_requests WHERE reference = :r")
                    .bind("r", r.reference())
                    .mapTo(Long.class)
                    .one()
                > 0) {
              throw new TracingException("error.tracing.reference-twice", r.reference());
            }
            long id =
                h.createUpdate(
                        "INSERT INTO tracing_requests (reference, relative, relation, contact,"
                            + " consent_sharing, created_by, created_at) VALUES (:ref, :rel, :k,"
                            + " :c, :s, :by, :at)")
                    .bind("ref", cut(r.reference(), 64))
                    .bind("rel", cut(r.relative(), 200))
                    .bind("k", r.relation().key())
                    .bind("c", cut(r.contact(), 200))
                    .bind("s", r.sharing())
                    .bind("by", actor)
                    .bind("at", clock.millis())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            int n = 0;
            for (Request.Sought c : r.children()) {
              long child =
                  h.createUpdate(
                          "INSERT INTO sought_children (request_id, number, family, given,"
                              + " patronymic, born, birth_place, sex, mother, father, separated_on,"
                              + " separated_at, circumstances, other_names, nationality,"
                              + " native_language, document, siblings, features, last_address,"
                              + " health, blood_group, document_dates, left_on, left_at)"
                              + " VALUES (:r, :n, :f, :g, :p, :b, :bp, :sex, :m, :fa, :so, :sa, :ci,"
                              + " :on, :nat, :lang, :doc, :sib, :feat, :addr, :health, :blood,"
                              + " :docdates, :lefton, :leftat)")
                      .bind("r", id)
                      .bind("n", ++n)
                      .bind("f", cut(c.family(), 100))
                      .bind("g", cut(c.given(), 100))
                      .bind("p", cut(c.patronymic(), 100))
                      .bind("b", cut(c.born(), 20))
                      .bind("bp", cut(c.birthPlace(), 200))
                      .bind("sex", cut(c.sex(), 8))
                      .bind("m", cut(c.mother(), 200))
                      .bind("fa", cut(c.father(), 200))
                      .bind("so", cut(c.separatedOn(), 20))
                      .bind("sa", cut(c.separatedAt(), 200))
                      .bind("ci", cut(c.circumstances(), 400))
                      .bind("on", cut(c.card().otherNames(), 400))
                      .bind("nat", cut(c.card().nationality(), 100))
                      .bind("lang", cut(c.card().nativeLanguage(), 100))
                      .bind("doc", cut(c.card().document(), 100))
                      .bind("sib", cut(c.card().siblings(), 400))
                      .bind("feat", cut(c.card().features(), 400))
                      .bind("addr", cut(c.card().lastAddress(), 200))
                      .bind("health", cut(c.card().health(), 400))
                      .bind("blood", CardField.BLOOD_GROUP.checked(c.card().bloodGroup(), today))
                      .bind("docdates", cut(c.card().documentDates(), 200))
                      .bind("lefton", CardField.LEFT_ON.checked(c.card().leftOn(), today))
                      .bind("leftat", cut(c.card().leftAt(), 200))
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              step(h, child, CaseState.OPEN, LocalDate.now(clock), "", actor);
              children++;
            }
            journal.append(
                h,
                Change.by(actor, "tracing.request")
                    .on("tracing-request", String.valueOf(id))
                    .now(
                        Json.write(
                            Map.of("reference", r.reference(), "children", r.children().size()))));
          }
          return children;
        });
  }

  /**
   * Requests whose relative's contact has served its purpose: every child's case closed, the last
   * on or before {@code cutoff}.
   */
  public List<Long> contactsServed(LocalDate cutoff) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT t.id FROM tracing_requests t WHERE " + SERVED + " ORDER BY t.id")
                .bind("cutoff", cutoff)
                .mapTo(Long.class)
                .list());
  }

  /**
   * Request {@code t} holds a contact, and every child's case closed, the last by {@code :cutoff}.
   */
  private static final String SERVED =
      "t.contact <> '' AND NOT EXISTS (SELECT 1 FROM sought_children c WHERE c.request_id = t.id"
          + " AND c.state <> 'closed') AND (SELECT max(s.on_date) FROM tracing_steps s JOIN"
          + " sought_children c ON c.id = s.child_id WHERE c.request_id = t.id AND s.state ="
          + " 'closed') <= :cutoff";

  /**
   * Deletes a request's relative's contact whose retention period is over on {@code cutoff},
   * checked again in the deleting transaction (a case reopened meanwhile keeps it); journaled.
   */
  public void forgetContact(long requestId, LocalDate cutoff, String retention, String actor) {
    jdbi.useTransaction(
        h -> {
          int n =
              h.createUpdate(
                      "UPDATE tracing_requests t SET contact = '' WHERE t.id = :id AND " + SERVED)
                  .bind("id", requestId)
                  .bind("cutoff", cutoff)
                  .execute();
          if (n == 1) {
            journal.append(
                h,
                Change.by(actor, "retention.delete")
                    .on("tracing-request", String.valueOf(requestId))
                    .now(Json.write(Map.of("deleted", "contact", "retention", retention))));
          }
        });
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private void step(
      Handle h, long child, CaseState state, LocalDate on, String note, String actor) {
    h.createUpdate(
            "INSERT INTO tracing_steps (child_id, state, on_date, note, recorded_by, recorded_at)"
                + " VALUES (:c, :s, :on, :note, :by, :at)")
        .bind("c", child)
        .bind("s", state.key())
        .bind("on", on)
        .bind("note", note)
        .bind("by", actor)
        .bind("at", clock.millis())
        .execute();
    h.createUpdate("UPDATE sought_children SET state = :s WHERE id = :c")
        .bind("s", state.key())
        .bind("c", child)
        .execute();
  }

  /** A candidate as stored, for the review. */
  public record Candidate(
      long childId,
      long rosterId,
      int entryRow,
      double probability,
      List<Model.Contribution> why,
      String decision) {}

  /**
   * Compares every child still sought (open) with the children located on lists of purpose children
   * (or on one list), and keeps each child's best candidates for review; decided ones stay as
   * decided.
   *
   * @return the candidates found, in the order of the children
   */
  public List<Candidate> match(Optional<Long> roster, String actor) {
    List<Long> lists =
        roster
            .map(List::of)
            .orElseGet(
                () ->
                    rosters.list().stream()
                        .filter(s -> s.purpose().equals(Purpose.CHILDREN.key()))
                        .map(Rosters.Summary::id)
                        .toList());
    List<Long> childIds = new ArrayList<>();
    List<ChildRecord> sought = new ArrayList<>();
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT * FROM sought_children WHERE state = 'open' ORDER BY id")
                .mapToMap()
                .forEach(
                    r -> {
                      childIds.add(((Number) r.get("id")).longValue());
                      sought.add(record(r));
                    }));
    List<long[]> where = new ArrayList<>();
    List<ChildRecord> located = new ArrayList<>();
    for (long list : lists) {
      for (int offset = 0; ; offset += 5000) {
        List<Rosters.StoredEntry> page = rosters.entries(list, false, offset, 5000);
        for (Rosters.StoredEntry e : page) {
          if (e.family().isBlank() && e.given().isBlank()) {
            continue;
          }
          where.add(new long[] {list, e.row()});
          located.add(record(e, located.size()));
        }
        if (page.size() < 5000) {
          break;
        }
      }
    }
    List<ChildMatching.Candidate> found =
        ChildMatching.candidates(sought, located, PER_CHILD, MIN_PROBABILITY);
    List<Candidate> stored = new ArrayList<>();
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "DELETE FROM tracing_candidates WHERE decision = '' AND child_id IN (SELECT id"
                      + " FROM sought_children WHERE state = 'open')")
              .execute();
          PreparedBatch batch =
              h.prepareBatch(
                  "INSERT INTO tracing_candidates (child_id, roster_id, entry_row, probability,"
                      + " reasons) VALUES (:c, :r, :e, :p, :why) ON CONFLICT DO NOTHING");
          for (ChildMatching.Candidate c : found) {
            long[] w = where.get(c.located());
            long child = childIds.get(c.sought());
            batch
                .bind("c", child)
                .bind("r", w[0])
                .bind("e", (int) w[1])
                .bind("p", c.probability())
                .bind("why", Json.write(c.why()))
                .add();
            stored.add(new Candidate(child, w[0], (int) w[1], c.probability(), c.why(), ""));
          }
          if (batch.size() > 0) {
            batch.execute();
          }
          Map<String, Object> now = new LinkedHashMap<>();
          now.put("lists", lists);
          now.put("children", sought.size());
          now.put("candidates", found.size());
          journal.append(
              h, Change.by(actor, "tracing.match").on("tracing-match", "0").now(Json.write(now)));
        });
    return stored;
  }

  static ChildRecord record(Map<String, Object> r) {
    String name =
        String.join(
                " ",
                (String) r.get("family"),
                (String) r.get("given"),
                (String) r.get("patronymic"))
            .strip();
    String born = (String) r.get("born");
    String mother = (String) r.get("mother");
    String father = (String) r.get("father");
    List<org.handover.names.PreparedName> names = new ArrayList<>();
    names.add(Names.prepare(name));
    for (String other : ((String) r.getOrDefault("other_names", "")).split("[,;]")) {
      if (!other.isBlank()) {
        String o = other.strip();
        // a family name alone is the child's other family name with the given name
        names.add(
            Names.prepare(
                o.contains(" ") ? o : o + " " + r.get("given") + " " + r.get("patronymic")));
      }
    }
    return new ChildRecord(
        ((Number) r.get("id")).longValue(),
        names,
        parse(born),
        (String) r.get("birth_place"),
        mother.isBlank() ? Optional.empty() : Optional.of(Names.prepare(mother)),
        father.isBlank() ? Optional.empty() : Optional.of(Names.prepare(father)),
        sex((String) r.get("sex")));
  }

  static ChildRecord record(Rosters.StoredEntry e, long id) {
    String name = String.join(" ", e.family(), e.given(), e.patronymic()).strip();
    String mother = e.fields().getOrDefault(Field.MOTHER.key(), "");
    String father = e.fields().getOrDefault(Field.FATHER_NAME.key(), "");
    return new ChildRecord(
        id,
        List.of(Names.prepare(name)),
        parse(e.born()),
        e.fields().getOrDefault(Field.BIRTH_PLACE.key(), ""),
        mother.isBlank() ? Optional.empty() : Optional.of(Names.prepare(mother)),
        father.isBlank() ? Optional.empty() : Optional.of(Names.prepare(father)),
        sex(e.fields().getOrDefault(Field.SEX.key(), "")));
  }

  private static Optional<PartialDate> parse(String born) {
    if (born == null || born.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(PartialDate.parse(born));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** m or f, from the words of any language. */
  static String sex(String cell) {
    String s = cell.strip().toLowerCase(java.util.Locale.ROOT);
    if (s.isEmpty()) {
      return "";
    }
    char c = s.charAt(0);
    return "mчмх".indexOf(c) >= 0 ? "m" : "fжд".indexOf(c) >= 0 ? "f" : "";
  }

  /**
   * A reviewer's decision on a candidate: confirmed, the child is located there (the case moves to
   * located); rejected, the candidate is put aside.
   *
   * @throws TracingException for a candidate that was not proposed, or a child no longer open
   */
  public void decide(long childId, long rosterId, int entryRow, boolean confirm, String actor) {
    // a list's entries never change once imported: read before the transaction
    Map<String, String> listed =
        confirm
            ? rosters.entries(rosterId, List.of(entryRow)).stream()
                .findFirst()
                .map(Rosters.StoredEntry::fields)
                .orElse(Map.of())
            : Map.of();
    jdbi.useTransaction(
        h -> {
          CaseState state = lockedState(h, childId);
          int n =
              h.createUpdate(
                      "UPDATE tracing_candidates SET decision = :d, decided_by = :by WHERE"
                          + " child_id = :c AND roster_id = :r AND entry_row = :e")
                  .bind("d", confirm ? "confirmed" : "rejected")
                  .bind("by", actor)
                  .bind("c", childId)
                  .bind("r", rosterId)
                  .bind("e", entryRow)
                  .execute();
          if (n == 0) {
            throw new TracingException("error.tracing.not-proposed", rosterId, entryRow, childId);
          }
          if (confirm) {
            if (!state.canGo(CaseState.LOCATED)) {
              throw new TracingException(
                  "error.tracing.cannot-go", childId, state.key().replace('-', '_'), "located");
            }
            h.createUpdate(
                    "UPDATE sought_children SET roster_id = :r, entry_row = :e WHERE id = :c")
                .bind("r", rosterId)
                .bind("e", entryRow)
                .bind("c", childId)
                .execute();
            step(
                h,
                childId,
                CaseState.LOCATED,
                LocalDate.now(clock),
                "", // where: the case keeps the list and row
                actor);
          }
          Map<String, Object> now = new LinkedHashMap<>();
          now.put("list", rosterId);
          now.put("row", entryRow);
          if (confirm) {
            now.putAll(whereaboutsFromList(h, childId, listed, actor));
          }
          journal.append(
              h,
              Change.by(actor, confirm ? "tracing.confirm" : "tracing.reject")
                  .on("tracing-child", String.valueOf(childId))
                  .now(Json.write(now)));
        });
  }

  /**
   * A child's case state, its row locked for the caller's transaction.
   *
   * @throws TracingException for no such child
   */
  static CaseState lockedState(Handle h, long childId) {
    return h.createQuery("SELECT state FROM sought_children WHERE id = :c FOR UPDATE")
        .bind("c", childId)
        .mapTo(String.class)
        .findOne()
        .map(CaseState::fromKey)
        .orElseThrow(() -> new TracingException("error.tracing.no-child-id", childId));
  }

  /** Refuses a step dated before the case's last one. */
  private static void notBeforeLastStep(Handle h, long childId, LocalDate on) {
    LocalDate last =
        h.createQuery("SELECT max(on_date) FROM tracing_steps WHERE child_id = :c")
            .bind("c", childId)
            .mapTo(LocalDate.class)
            .one();
    if (last != null && on.isBefore(last)) {
      throw new TracingException(
          "error.tracing.before-last",
          org.handover.server.i18n.Days.written(on),
          org.handover.server.i18n.Days.written(last));
    }
  }

  /**
   * Where a list says the child is now, kept on the card when the child is found on it.
   *
   * @return what was kept, by field
   */
  private Map<String, String> whereaboutsFromList(
      Handle h, long childId, Map<String, String> fields, String actor) {
    Map<CardField, String> was = ChildCards.current(h, childId);
    Map<String, String> kept = new LinkedHashMap<>();
    long at = clock.millis();
    for (CardField f : CardField.values()) {
      String v = cut(fields.getOrDefault(f.key(), "").strip(), 200);
      if (f.whereabouts() && !v.isEmpty() && !v.equals(was.get(f))) {
        ChildCards.store(h, childId, f, v, actor, at);
        kept.put(f.key(), v);
      }
    }
    return kept;
  }

  /**
   * Records a child located by a report rather than found on a list (a visit, an institution's
   * letter, the press): the case moves to located with the report as its note, and where the child
   * is now goes on the card.
   *
   * @throws TracingException for no report, a child not open, or a date in the future or before the
   *     last step
   */
  public void locate(
      long childId, String report, LocalDate on, Map<CardField, String> where, String actor) {
    String said = report == null ? "" : report.strip();
    if (said.isEmpty()) {
      throw new TracingException("error.tracing.no-report");
    }
    String kept = CardField.REPORT.checked(said, LocalDate.now(clock));
    Map<CardField, String> whereabouts = new java.util.EnumMap<>(CardField.class);
    where.forEach(
        (f, v) -> {
          if (!f.whereabouts()) {
            throw new TracingException("error.tracing.card-field", f.key());
          }
          whereabouts.put(f, f.checked(v, LocalDate.now(clock)));
        });
    if (on.isAfter(LocalDate.now(clock))) {
      throw new TracingException("error.tracing.future", org.handover.server.i18n.Days.written(on));
    }
    jdbi.useTransaction(
        h -> {
          CaseState from = lockedState(h, childId);
          if (from != CaseState.OPEN) {
            throw new TracingException(
                "error.tracing.cannot-go", childId, from.key().replace('-', '_'), "located");
          }
          notBeforeLastStep(h, childId, on);
          long at = clock.millis();
          ChildCards.store(h, childId, CardField.REPORT, kept, actor, at);
          Map<String, String> now = new LinkedHashMap<>();
          now.put("report", kept);
          now.put("on", on.toString());
          whereabouts.forEach(
              (f, v) -> {
                if (!v.isEmpty()) {
                  ChildCards.store(h, childId, f, v, actor, at);
                  now.put(f.key(), v);
                }
              });
          step(h, childId, CaseState.LOCATED, on, kept, actor);
          journal.append(
              h,
              Change.by(actor, "tracing.locate")
                  .on("tracing-child", String.valueOf(childId))
                  .was(from.key())
                  .now(Json.write(now)));
        });
  }

  /**
   * Moves a child's case to its next state (or closes it, or reopens a child wrongly located), on a
   * date not before the last step's.
   *
   * @throws TracingException for a state it cannot reach from where it is, a date before the last
   *     step or in the future, or closing early without a reason
   */
  public void move(long childId, CaseState to, LocalDate on, String note, String actor) {
    String why = note == null ? "" : note.strip();
    if (why.length() > 400) {
      throw new TracingException("error.tracing.too-long", 400);
    }
    if (on.isAfter(LocalDate.now(clock))) {
      throw new TracingException("error.tracing.future", org.handover.server.i18n.Days.written(on));
    }
    jdbi.useTransaction(
        h -> {
          CaseState from = lockedState(h, childId);
          if (!from.canGo(to)) {
            throw new TracingException(
                "error.tracing.cannot-go",
                childId,
                from.key().replace('-', '_'),
                to.key().replace('-', '_'));
          }
          if (to == CaseState.CLOSED && from.closingNeedsReason() && why.isEmpty()) {
            throw new TracingException("error.tracing.close-reason");
          }
          if (to == CaseState.HANDOVER_AGREED && why.isEmpty()) {
            // only after a best-interests assessment and the child's own views (2004 principles)
            throw new TracingException("error.tracing.best-interests");
          }
          notBeforeLastStep(h, childId, on);
          if (to == CaseState.OPEN) {
            h.createUpdate(
                    "UPDATE sought_children SET roster_id = NULL, entry_row = NULL WHERE id = :c")
                .bind("c", childId)
                .execute();
          }
          Map<String, String> now = new LinkedHashMap<>();
          now.put("state", to.key());
          now.put("on", on.toString());
          now.put("note", why);
          if (to == CaseState.OPEN) {
            // the list or report did not find the child sought: what it said stays in the history
            Map<CardField, String> card = ChildCards.current(h, childId);
            List<String> cleared = new ArrayList<>();
            for (CardField f : CardField.values()) {
              if ((f == CardField.REPORT || f.whereabouts()) && card.containsKey(f)) {
                ChildCards.store(h, childId, f, "", actor, clock.millis());
                cleared.add(f.key());
              }
            }
            if (!cleared.isEmpty()) {
              now.put("cleared", String.join(", ", cleared));
            }
          }
          step(h, childId, to, on, why, actor);
          journal.append(
              h,
              Change.by(actor, "tracing.move")
                  .on("tracing-child", String.valueOf(childId))
                  .was(from.key())
                  .now(Json.write(now)));
        });
  }
}
