package org.handover.server.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import org.handover.core.exchanges.Direction;
import org.handover.core.exchanges.Outcome;
import org.handover.core.negotiations.Implementation;
import org.handover.core.parties.Party;
import org.handover.core.rosters.Purpose;
import org.handover.core.rosters.RosterDetails;
import org.handover.core.rosters.RosterFileException;
import org.handover.core.rosters.Tables;
import org.handover.server.App;
import org.handover.server.agreements.Agreement;
import org.handover.server.exchanges.Exchange;
import org.handover.server.exchanges.Exchanges;
import org.handover.server.i18n.Messages;
import org.handover.server.negotiations.RecordReader;
import org.handover.server.negotiations.StoredRound;

/**
 * The demo's negotiation record: the first and second Istanbul rounds as the report tells them,
 * imported from the records committed with the demo; and what happened in the week after the second
 * (a batch of the 1,000 for 1,000 exchanged, the memorandum studied).
 */
final class DemoRecord {
  static final LocalDate ROUND = LocalDate.of(2025, 6, 2);
  static final LocalDate WEEK_AFTER = LocalDate.of(2025, 6, 9);

  /** Batches of 50 each way carried out on that day. */
  static final int CARRIED_OUT = 6;

  private DemoRecord() {}

  /** Imports both rounds; returns the agreement the second one states. */
  static long rounds(App app) throws IOException {
    load(app, "/demo/round-istanbul-1.json");
    StoredRound second = load(app, "/demo/round-istanbul-2.json");
    return second.agreement("istanbul-2-humanitarian").orElseThrow();
  }

  private static StoredRound load(App app, String resource) throws IOException {
    byte[] bytes;
    try (InputStream in = DemoRecord.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is missing from the build");
      }
      bytes = in.readAllBytes();
    }
    RecordReader.Read read = RecordReader.read(bytes, Messages.of("en"));
    if (read.record().isEmpty()) {
      throw new IllegalStateException(resource + ": " + read.problems());
    }
    app.negotiations()
        .importRecord(read.record().get(), read.document(), app.parties().book(), "demo");
    return app.negotiations().find(read.record().get().round().key()).orElseThrow();
  }

  /** The lists each side handed over in the week of the round: the names of the plan. */
  private static void lists(App app, StoryClock story, Exchange x)
      throws IOException, RosterFileException {
    for (Direction d : Direction.values()) {
      StringBuilder csv = new StringBuilder("Прізвище Ім'я По батькові;Дата народження\n");
      for (Exchange.Member m : x.members()) {
        if (m.direction() == d) {
          csv.append(m.name()).append(';').append(m.born()).append('\n');
        }
      }
      Path file = Files.createTempFile("demo-list", ".csv");
      try {
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        boolean ours = d == Direction.OUT; // the list of those we hand over is ours
        story.day(LocalDate.of(2025, 6, ours ? 6 : 5));
        long roster =
            app.rosters()
                .importFile(
                    file,
                    ours ? "list-ua-2025-06-06.csv" : "list-ru-2025-06-05.csv",
                    new RosterDetails(
                        Party.of(ours ? "UA" : "RU"),
                        Party.of(ours ? "RU" : "UA"),
                        LocalDate.of(2025, 6, ours ? 6 : 5),
                        Purpose.EXCHANGE,
                        ""),
                    Tables.Options.detect(),
                    Optional.empty(),
                    "demo",
                    (r, f) -> {})
                .id();
        var summary = app.rosters().find(roster).orElseThrow();
        if (ours && app.rosters().disclosure().outgoing(summary)) {
          // handed over that week: approved for the other side by a second person
          app.rosters().disclosure().approve(summary, "admin");
        }
        if (!ours) {
          // their list, matched against the registry the day it came: what waits for review
          app.matching().run(roster, true, org.handover.core.matching.Thresholds.DEFAULT, "demo");
        }
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }

  /**
   * The weeks after: the lists handed over, the first batches of the 1,000 for 1,000 carried out,
   * the memorandum studied.
   */
  static void weekAfter(App app, StoryClock story, long agreementId)
      throws IOException, RosterFileException {
    Agreement agreement = app.agreements().find(agreementId).orElseThrow();
    story.day(LocalDate.of(2025, 6, 5));
    Exchanges.Planned planned =
        app.exchanges()
            .plan(
                new Exchanges.Request(
                    agreement,
                    2,
                    WEEK_AFTER,
                    "кордон з Білоруссю",
                    Optional.of(Party.of("ICRC")),
                    50),
                Party.of("UA"),
                "demo");
    Exchange x = app.exchanges().find(planned.id()).orElseThrow();
    lists(app, story, x);
    StoredRound round = app.negotiations().find("istanbul-2").orElseThrow();
    app.negotiations()
        .recordProgress(
            round,
            "study-memorandum",
            LocalDate.now(story),
            OptionalLong.empty(),
            Optional.of(Implementation.INTERMEDIATE),
            "№ 112/2025",
            "demo");
    story.day(WEEK_AFTER);
    for (int b = 1; b <= CARRIED_OUT; b++) {
      for (Exchange.Member m : x.batch(b)) {
        app.exchanges()
            .record(
                planned.id(),
                m.personId(),
                m.direction() == Direction.OUT ? Outcome.HANDED_OVER : Outcome.RECEIVED,
                Optional.of(Party.of("ICRC")),
                "demo");
      }
    }
    story.day(LocalDate.of(2025, 6, 12));
    app.negotiations()
        .recordProgress(
            round,
            "study-memorandum",
            LocalDate.now(story),
            OptionalLong.empty(),
            Optional.of(Implementation.FULL),
            "№ 118/2025",
            "demo");
  }
}
