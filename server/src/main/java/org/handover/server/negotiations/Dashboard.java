package org.handover.server.negotiations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.handover.server.App;

/** Every round's commitments on a date, the nearest deadline first (those without one last). */
public final class Dashboard {
  public record Row(String round, int number, Fulfilment.State state) {}

  private Dashboard() {}

  public static List<Row> rows(App app, Optional<String> round, LocalDate asOf) {
    List<StoredRound> rounds =
        round.isPresent()
            ? app.negotiations()
                .find(round.get())
                .map(List::of)
                .orElseThrow(() -> new NegotiationException("round.none", round.get()))
            : app.negotiations().rounds();
    double intermediate = Fulfilment.intermediate();
    List<Row> rows = new ArrayList<>();
    for (StoredRound r : rounds) {
      for (Fulfilment.State s :
          Fulfilment.of(
              app.database().jdbi(),
              r,
              app.negotiations().progress(r.id()),
              asOf,
              app.parties().book().own(),
              intermediate)) {
        rows.add(new Row(r.key(), r.record().round().number(), s));
      }
    }
    rows.sort(
        Comparator.comparing((Row r) -> r.state().commitment().deadline().orElse(LocalDate.MAX)));
    return rows;
  }
}
