package org.handover.server.exchanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.agreements.Provision;
import org.handover.core.exchanges.Direction;
import org.handover.core.exchanges.Outcome;
import org.handover.server.agreements.Agreement;
import org.handover.server.i18n.Messages;

/** An exchange's figures in words: planned, carried out and pending each way, and what is owed. */
final class Fulfilment {
  private Fulfilment() {}

  static List<String> lines(Exchange x, Agreement a, Map<Direction, Long> carried, Messages m) {
    List<String> lines = new ArrayList<>();
    for (Direction d : Direction.values()) {
      lines.add(
          m.get(
              "exchange.figures." + d.key(),
              x.planned(d),
              x.count(d, Optional.of(d == Direction.OUT ? Outcome.HANDED_OVER : Outcome.RECEIVED)),
              x.count(d, Optional.of(Outcome.REFUSED)),
              x.count(d, Optional.of(Outcome.DID_NOT_APPEAR)),
              x.count(d, Optional.of(Outcome.DIED)),
              x.count(d, Optional.empty())));
    }
    if (x.heldBackOut() + x.heldBackIn() > 0) {
      lines.add(m.get("exchange.held-back", x.heldBackOut(), x.heldBackIn()));
    }
    Provision p = a.provision(x.provision()).provision();
    if (p instanceof Provision.NForN n) {
      long out = carried.get(Direction.OUT);
      long in = carried.get(Direction.IN);
      lines.add(
          m.get(
              "exchange.balance",
              n.quota(),
              out,
              Math.max(0, n.quota() - out),
              in,
              Math.max(0, n.quota() - in),
              Math.round(100.0 * Math.min(out + in, 2L * n.quota()) / (2.0 * n.quota()))));
    }
    return lines;
  }
}
