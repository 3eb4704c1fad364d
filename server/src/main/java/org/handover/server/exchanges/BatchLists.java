package org.handover.server.exchanges;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.handover.core.exchanges.Direction;
import org.handover.core.parties.Party;
import org.handover.core.registry.Person;
import org.handover.core.registry.ReleaseFacts;
import org.handover.core.rosters.CsvExport;
import org.handover.core.rosters.Purpose;
import org.handover.core.rosters.RosterDetails;
import org.handover.core.rosters.RosterFileException;
import org.handover.core.rosters.Tables;
import org.handover.server.agreements.Agreement;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.registry.Registry;
import org.handover.server.rosters.Rosters;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Jdbi;

/**
 * A batch's list, one way, made into a roster we send to the other side: the persons in the batch's
 * order with what identifies them, stored like any list, so that its exports are the ones every
 * list has. Made once; asked again, the same list.
 */
public final class BatchLists {
  /** The columns, headed so that the roster readers (ours and theirs) recognise them. */
  static final List<String> HEADER =
      List.of(
          "reference",
          "family name",
          "given name",
          "patronymic",
          "date of birth",
          "place of birth",
          "service number",
          "rank",
          "unit",
          "citizenship",
          "captured on",
          "captured at");

  private final Jdbi jdbi;
  private final Journal journal;
  private final Registry registry;
  private final Rosters rosters;
  private final Clock clock;

  public BatchLists(Jdbi jdbi, Journal journal, Registry registry, Rosters rosters, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.registry = registry;
    this.rosters = rosters;
    this.clock = clock;
  }

  /** The other party to an agreement, to whom a batch's lists go. */
  public static Party other(Agreement a, Party own) {
    return a.parties().stream()
        .filter(p -> !p.equals(own))
        .findFirst()
        .orElseThrow(() -> new ExchangeException("error.exchange.no-other-party", a.title()));
  }

  /** Every list made of an exchange's batches, keyed "batch:direction" ("1:out"). */
  public java.util.Map<String, Long> of(long exchangeId) {
    java.util.Map<String, Long> lists = new java.util.LinkedHashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT batch, direction, roster_id FROM exchange_lists WHERE exchange_id = :x")
                .bind("x", exchangeId)
                .mapToMap()
                .forEach(
                    r ->
                        lists.put(
                            r.get("batch") + ":" + r.get("direction"),
                            ((Number) r.get("roster_id")).longValue())));
    return lists;
  }

  /** The list already made of this batch and direction, if any. */
  public Optional<Long> find(long exchangeId, int batch, Direction d) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT roster_id FROM exchange_lists WHERE exchange_id = :x AND batch = :b"
                        + " AND direction = :d")
                .bind("x", exchangeId)
                .bind("b", batch)
                .bind("d", d.key())
                .mapTo(Long.class)
                .findOne());
  }

  /**
   * The roster of a batch's persons going one way, made when first asked for.
   *
   * @throws ExchangeException for a batch the exchange does not have, or one with nobody that way
   */
  public long make(Exchange x, int batch, Direction d, Party own, Party other, String actor)
      throws IOException {
    // the list is stored by the roster import's own transactions: one maker at a time per
    // exchange, so that a double click makes one list
    try (org.jdbi.v3.core.Handle lock = jdbi.open()) {
      lock.execute("SELECT pg_advisory_lock(?, ?)", 0x4c495354, (int) x.id());
      try {
        return makeLocked(x, batch, d, own, other, actor);
      } finally {
        lock.execute("SELECT pg_advisory_unlock(?, ?)", 0x4c495354, (int) x.id());
      }
    }
  }

  private long makeLocked(Exchange x, int batch, Direction d, Party own, Party other, String actor)
      throws IOException {
    Optional<Long> made = find(x.id(), batch, d);
    if (made.isPresent()) {
      return made.get();
    }
    if (batch < 1 || batch > x.batches()) {
      throw new ExchangeException(
          "error.exchange.no-batch", String.valueOf(batch), String.valueOf(x.id()));
    }
    List<Exchange.Member> members =
        x.batch(batch).stream().filter(m -> m.direction() == d).toList();
    if (members.isEmpty()) {
      throw new ExchangeException(
          "error.exchange.batch-empty", String.valueOf(batch), String.valueOf(x.id()), d.key());
    }
    String name = "exchange-" + x.id() + "-batch-" + batch + "-" + d.key() + ".csv";
    Path file = Files.createTempFile("handover-batch", ".csv");
    try {
      write(members, file);
      RosterDetails details =
          new RosterDetails(
              own,
              other,
              LocalDate.now(clock),
              Purpose.EXCHANGE,
              // language-neutral: who hands over whom
              "exchange "
                  + x.id()
                  + ", batch "
                  + batch
                  + ": "
                  + (d == Direction.OUT
                      ? own.code() + " → " + other.code()
                      : other.code() + " → " + own.code()));
      long roster =
          rosters
              .importFile(
                  file,
                  name,
                  details,
                  Tables.Options.detect(),
                  Optional.empty(),
                  actor,
                  (r, f) -> {})
              .id();
      jdbi.useTransaction(
          h -> {
            h.createUpdate(
                    "INSERT INTO exchange_lists (exchange_id, batch, direction, roster_id)"
                        + " VALUES (:x, :b, :d, :r)")
                .bind("x", x.id())
                .bind("b", batch)
                .bind("d", d.key())
                .bind("r", roster)
                .execute();
            journal.append(
                h,
                Change.by(actor, "exchange.list")
                    .on("exchange", String.valueOf(x.id()))
                    .now(
                        Json.write(
                            java.util.Map.of(
                                "batch", batch, "direction", d.key(), "list", roster))));
          });
      return roster;
    } catch (RosterFileException e) {
      throw new IllegalStateException("a batch list Handover wrote could not be read back", e);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private void write(List<Exchange.Member> members, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        CsvExport csv = new CsvExport(out)) {
      csv.row(HEADER);
      for (Exchange.Member m : members) {
        Person p = registry.find(m.personId()).orElseThrow().person();
        ReleaseFacts f = registry.releaseFacts().of(m.personId());
        csv.row(
            List.of(
                p.reference(),
                p.primaryName().family(),
                p.primaryName().given(),
                p.primaryName().patronymic(),
                p.birthDate().map(Object::toString).orElse(""),
                p.birthPlace(),
                p.serviceNumber(),
                p.rank(),
                p.unit(),
                p.citizenship(),
                f.capturedOn().map(org.handover.server.i18n.Days::written).orElse(""),
                f.capturedAt()));
      }
    }
  }
}
