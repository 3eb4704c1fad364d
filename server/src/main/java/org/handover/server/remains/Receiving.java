package org.handover.server.remains;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.matching.Thresholds;
import org.handover.core.parties.Party;
import org.handover.core.rosters.ColumnMapping;
import org.handover.core.rosters.Entry;
import org.handover.core.rosters.EntryReader;
import org.handover.core.rosters.Field;
import org.handover.core.rosters.Purpose;
import org.handover.core.rosters.RosterDetails;
import org.handover.core.rosters.RosterFileException;
import org.handover.core.rosters.Table;
import org.handover.core.rosters.Tables;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.matching.Matching;
import org.handover.server.rosters.Rosters;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Receives a transfer of remains: the other side's list of tags with the identities it claims is
 * kept as a list received (purpose remains), each row becomes a case, and each claim is matched
 * against the registry. A tag missing, repeated, or received before refuses the whole list.
 */
public final class Receiving {
  static final int MAX_TAG = 64;

  private final Jdbi jdbi;
  private final Journal journal;
  private final Rosters rosters;
  private final Matching matching;
  private final Clock clock;

  public Receiving(Jdbi jdbi, Journal journal, Rosters rosters, Matching matching, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.rosters = rosters;
    this.matching = matching;
    this.clock = clock;
  }

  /** Which provision of an agreement a transfer carries out. */
  public record Under(long agreementId, int provision) {}

  /** What a transfer brought. */
  public record Received(
      long transferId, long rosterId, int cases, int claimed, int linked, int toReview) {}

  /** A tag that cannot be received: its row and why. */
  public record Problem(int row, String tag, String key, List<Object> args) {}

  /**
   * Reads the tags of a list before anything is stored.
   *
   * @return every problem; empty when the list can be received
   */
  public List<Problem> check(Path file, String fileName) throws IOException, RosterFileException {
    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    try (Table t = Tables.open(file, fileName, Tables.Options.detect())) {
      ColumnMapping mapping = ColumnMapping.guess(t.header());
      if (mapping.column(Field.TAG).isEmpty()) {
        throw new RemainsException("error.remains.no-tag-column", String.join(", ", t.header()));
      }
      EntryReader reader = new EntryReader(t.header(), mapping, LocalDate.now(clock));
      for (Optional<Table.Row> r = t.next(); r.isPresent(); r = t.next()) {
        Entry e = reader.read(r.get());
        int row = Math.toIntExact(e.line()); // as the file shows it
        String tag = e.value(Field.TAG).strip();
        if (tag.isEmpty()) {
          problems.add(new Problem(row, tag, "error.remains.tag-blank", List.of(row)));
        } else if (tag.length() > MAX_TAG) {
          problems.add(new Problem(row, tag, "error.remains.tag-long", List.of(row, MAX_TAG)));
        } else if (seen.containsKey(tag)) {
          problems.add(
              new Problem(row, tag, "error.remains.tag-twice", List.of(row, tag, seen.get(tag))));
        } else {
          seen.put(tag, row);
        }
      }
    }
    if (!seen.isEmpty()) {
      jdbi.useHandle(
          h ->
              h.createQuery("SELECT tag, transfer_id FROM remains_cases WHERE tag = ANY(:tags)")
                  .bind("tags", seen.keySet().toArray(new String[0]))
                  .mapToMap()
                  .forEach(
                      m -> {
                        String tag = (String) m.get("tag");
                        problems.add(
                            new Problem(
                                seen.get(tag),
                                tag,
                                "error.remains.tag-received",
                                List.of(seen.get(tag), tag, m.get("transfer_id").toString())));
                      }));
    }
    problems.sort(java.util.Comparator.comparingInt(Problem::row));
    return problems;
  }

  /**
   * Receives a list already checked: the list, the transfer and its cases, then the matching of the
   * claims.
   */
  public Received receive(
      Path file,
      String fileName,
      Party from,
      Party to,
      LocalDate on,
      Optional<Under> under,
      String actor)
      throws IOException, RosterFileException {
    // the list, the transfer and its cases are stored in more than one transaction: one transfer
    // at a time, so that two at once cannot take the same tag
    try (org.jdbi.v3.core.Handle lock = jdbi.open()) {
      lock.execute("SELECT pg_advisory_lock(?, ?)", 0x52454d41, 0);
      try {
        return receiveLocked(file, fileName, from, to, on, under, actor);
      } finally {
        lock.execute("SELECT pg_advisory_unlock(?, ?)", 0x52454d41, 0);
      }
    }
  }

  private Received receiveLocked(
      Path file,
      String fileName,
      Party from,
      Party to,
      LocalDate on,
      Optional<Under> under,
      String actor)
      throws IOException, RosterFileException {
    if (on.isAfter(LocalDate.now(clock))) {
      throw new RemainsException("error.remains.future", org.handover.server.i18n.Days.written(on));
    }
    under.ifPresent(this::exists);
    if (!check(file, fileName).isEmpty()) {
      throw new RemainsException("error.remains.check-first");
    }
    long roster =
        rosters
            .importFile(
                file,
                fileName,
                new RosterDetails(from, to, on, Purpose.REMAINS, ""),
                Tables.Options.detect(),
                Optional.empty(),
                actor,
                (rows, fraction) -> {})
            .id();
    int[] counts = new int[2];
    long transfer =
        jdbi.inTransaction(
            h -> {
              long id =
                  h.createUpdate(
                          "INSERT INTO remains_transfers (from_party, to_party, on_date, roster_id,"
                              + " agreement_id, provision, created_by, created_at) VALUES (:f, :t,"
                              + " :on, :r, :a, :n, :by, :at)")
                      .bind("f", from.code())
                      .bind("t", to.code())
                      .bind("on", on)
                      .bind("r", roster)
                      .bind("a", under.map(Under::agreementId).orElse(null))
                      .bind("n", under.map(Under::provision).orElse(null))
                      .bind("by", actor)
                      .bind("at", clock.millis())
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              for (int offset = 0; ; offset += 5000) {
                List<Rosters.StoredEntry> page = rosters.entries(roster, false, offset, 5000);
                PreparedBatch batch =
                    h.prepareBatch(
                        "INSERT INTO remains_cases (tag, transfer_id, entry_row, received_on,"
                            + " claimed_name, claimed_born, found, effects, created_by,"
                            + " created_at) VALUES (:tag, :t, :row, :on, :name, :born, :found,"
                            + " :effects, :by, :at)");
                for (Rosters.StoredEntry e : page) {
                  String name =
                      String.join(" ", List.of(e.family(), e.given(), e.patronymic())).strip();
                  counts[0]++;
                  if (!name.isEmpty()) {
                    counts[1]++;
                  }
                  batch
                      .bind("tag", e.fields().getOrDefault(Field.TAG.key(), "").strip())
                      .bind("t", id)
                      .bind("row", e.row())
                      .bind("on", on)
                      .bind("name", cut(name, 300))
                      .bind("born", cut(e.born(), 20))
                      .bind("found", cut(e.fields().getOrDefault(Field.NOTES.key(), ""), 200))
                      .bind("effects", "")
                      .bind("by", actor)
                      .bind("at", clock.millis())
                      .add();
                }
                if (batch.size() > 0) {
                  batch.execute();
                }
                if (page.size() < 5000) {
                  break;
                }
              }
              Map<String, Object> now = new java.util.LinkedHashMap<>();
              now.put("from", from.code());
              now.put("on", on.toString());
              now.put("list", roster);
              now.put("cases", counts[0]);
              now.put("claimed", counts[1]);
              journal.append(
                  h,
                  Change.by(actor, "remains.receive")
                      .on("remains-transfer", String.valueOf(id))
                      .now(Json.write(now)));
              return id;
            });
    int linked = 0;
    int review = 0;
    if (counts[1] > 0) {
      try {
        // many to many: a bag may hold several people, a person may arrive in several bags
        Matching.Run run = matching.run(roster, false, Thresholds.DEFAULT, actor);
        linked = run.auto();
        review = run.review();
      } catch (IllegalArgumentException nothingToLink) {
        // an empty registry: the claims wait, as received, for a match run later
      }
    }
    return new Received(transfer, roster, counts[0], counts[1], linked, review);
  }

  private void exists(Under u) {
    long n =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT count(*) FROM provisions WHERE agreement_id = :a AND number = :n")
                    .bind("a", u.agreementId())
                    .bind("n", u.provision())
                    .mapTo(Long.class)
                    .one());
    if (n == 0) {
      throw new RemainsException(
          "error.remains.no-provision",
          String.valueOf(u.provision()),
          String.valueOf(u.agreementId()));
    }
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
