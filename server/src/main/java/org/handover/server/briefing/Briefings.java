package org.handover.server.briefing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.handover.core.parties.PartyBook;
import org.handover.server.App;
import org.handover.server.agreements.Agreement;
import org.handover.server.i18n.Messages;
import org.handover.server.negotiations.Fulfilment;
import org.handover.server.negotiations.StoredRound;

/** A round's briefing on a date, in a language: read from the record and the ledgers each time. */
public final class Briefings {
  private Briefings() {}

  /**
   * The briefing of a round ("latest" for the one held last); empty when there is no such round.
   */
  public static Optional<Briefing> of(App app, String round, String language, LocalDate asOf) {
    return app.negotiations().find(round).map(r -> of(app, r, language, asOf));
  }

  public static Briefing of(App app, StoredRound r, String language, LocalDate asOf) {
    PartyBook book = app.parties().book();
    double intermediate = Fulfilment.intermediate();
    Map<String, Agreement> agreements = new LinkedHashMap<>();
    r.agreements()
        .forEach((key, id) -> app.agreements().find(id).ifPresent(a -> agreements.put(key, a)));
    Optional<StoredRound> previous =
        r.record().round().previous().flatMap(p -> app.negotiations().find(p));
    return new BriefingWriter(Messages.of(language), book)
        .write(
            r,
            previous,
            agreements,
            Fulfilment.of(
                app.database().jdbi(),
                r,
                app.negotiations().progress(r.id()),
                asOf,
                book.own(),
                intermediate),
            asOf,
            intermediate);
  }
}
