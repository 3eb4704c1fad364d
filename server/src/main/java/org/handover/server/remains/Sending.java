package org.handover.server.remains;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.handover.server.i18n.Days;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.rosters.Rosters;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Jdbi;

/**
 * Hands remains over: the list we send (a tag a row, with the identity we state) is kept as a list
 * sent, and a tag of a case found to be the other side's own dead is that case returned. A tag of
 * one of ours refuses the list.
 */
public final class Sending {
  private final Jdbi jdbi;
  private final Journal journal;
  private final Rosters rosters;
  private final Clock clock;

  public Sending(Jdbi jdbi, Journal journal, Rosters rosters, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.rosters = rosters;
    this.clock = clock;
  }

  /** What a transfer handed over. */
  public record Sent(long transferId, long rosterId, int bodies, int stated, int returned) {}

  /** The tags of the list, row by row, and every problem with them. */
  record Read(Map<String, Integer> tags, int stated, List<Receiving.Problem> problems) {}

  Read read(Path file, String fileName, Party to) throws IOException, RosterFileException {
    List<Receiving.Problem> problems = new ArrayList<>();
    Map<String, Integer> tags = new LinkedHashMap<>();
    int stated = 0;
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
        if (!e.family().isBlank() || !e.given().isBlank()) {
          stated++;
        }
        if (tag.isEmpty()) {
          problems.add(new Receiving.Problem(row, tag, "error.remains.tag-blank", List.of(row)));
        } else if (tags.containsKey(tag)) {
          problems.add(
              new Receiving.Problem(
                  row, tag, "error.remains.tag-twice", List.of(row, tag, tags.get(tag))));
        } else {
          tags.put(tag, row);
        }
      }
    }
    // a tag of a case we received: sent back only when found to be the receiving side's own dead
    Map<String, Integer> rows = new HashMap<>(tags);
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT tag, belongs_to, returned_in FROM remains_cases WHERE tag = ANY(:t)")
                .bind("t", tags.keySet().toArray(new String[0]))
                .mapToMap()
                .forEach(
                    m -> {
                      String tag = (String) m.get("tag");
                      if (!to.code().equals(m.get("belongs_to"))) {
                        problems.add(
                            new Receiving.Problem(
                                rows.get(tag),
                                tag,
                                "error.remains.send-ours",
                                List.of(rows.get(tag), tag)));
                      } else if (m.get("returned_in") != null) {
                        problems.add(
                            new Receiving.Problem(
                                rows.get(tag),
                                tag,
                                "error.remains.returned",
                                List.of(rows.get(tag), tag, m.get("returned_in").toString())));
                      }
                    }));
    problems.sort(java.util.Comparator.comparingInt(Receiving.Problem::row));
    return new Read(tags, stated, problems);
  }

  /** The problems of a list before anything is stored; empty when it can be sent. */
  public List<Receiving.Problem> check(Path file, String fileName, Party to)
      throws IOException, RosterFileException {
    return read(file, fileName, to).problems();
  }

  public Sent send(
      Path file,
      String fileName,
      Party from,
      Party to,
      LocalDate on,
      Optional<Receiving.Under> under,
      String actor)
      throws IOException, RosterFileException {
    // the list, the transfer and its cases are stored in more than one transaction: one transfer
    // at a time, so that two at once cannot take the same tag
    try (org.jdbi.v3.core.Handle lock = jdbi.open()) {
      lock.execute("SELECT pg_advisory_lock(?, ?)", 0x52454d41, 0);
      try {
        return sendLocked(file, fileName, from, to, on, under, actor);
      } finally {
        lock.execute("SELECT pg_advisory_unlock(?, ?)", 0x52454d41, 0);
      }
    }
  }

  private Sent sendLocked(
      Path file,
      String fileName,
      Party from,
      Party to,
      LocalDate on,
      Optional<Receiving.Under> under,
      String actor)
      throws IOException, RosterFileException {
    if (on.isAfter(LocalDate.now(clock))) {
      throw new RemainsException("error.remains.future", Days.written(on));
    }
    Read read = read(file, fileName, to);
    if (!read.problems().isEmpty()) {
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
    int[] returned = {0};
    long transfer =
        jdbi.inTransaction(
            h -> {
              long id =
                  h.createUpdate(
                          "INSERT INTO remains_transfers (from_party, to_party, on_date, roster_id,"
                              + " agreement_id, provision, direction, bodies, created_by,"
                              + " created_at) VALUES (:f, :t, :on, :r, :a, :n, 'out', :b, :by,"
                              + " :at)")
                      .bind("f", from.code())
                      .bind("t", to.code())
                      .bind("on", on)
                      .bind("r", roster)
                      .bind("a", under.map(Receiving.Under::agreementId).orElse(null))
                      .bind("n", under.map(Receiving.Under::provision).orElse(null))
                      .bind("b", read.tags().size())
                      .bind("by", actor)
                      .bind("at", clock.millis())
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              List<Long> cases =
                  h.createQuery("SELECT id FROM remains_cases WHERE tag = ANY(:t) ORDER BY id")
                      .bind("t", read.tags().keySet().toArray(new String[0]))
                      .mapTo(Long.class)
                      .list();
              for (long c : cases) {
                h.createUpdate("UPDATE remains_cases SET returned_in = :x WHERE id = :c")
                    .bind("x", id)
                    .bind("c", c)
                    .execute();
                journal.append(
                    h,
                    Change.by(actor, "remains.return")
                        .on("remains-case", String.valueOf(c))
                        .now(Json.write(Map.of("transfer", id, "on", on.toString()))));
                returned[0]++;
              }
              Map<String, Object> now = new LinkedHashMap<>();
              now.put("to", to.code());
              now.put("on", on.toString());
              now.put("list", roster);
              now.put("bodies", read.tags().size());
              now.put("returned", returned[0]);
              journal.append(
                  h,
                  Change.by(actor, "remains.send")
                      .on("remains-transfer", String.valueOf(id))
                      .now(Json.write(now)));
              return id;
            });
    return new Sent(transfer, roster, read.tags().size(), read.stated(), returned[0]);
  }
}
