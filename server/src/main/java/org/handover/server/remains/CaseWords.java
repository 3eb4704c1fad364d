package org.handover.server.remains;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.handover.core.parties.PartyBook;
import org.handover.core.remains.Identification;
import org.handover.server.i18n.Days;
import org.handover.server.i18n.Messages;

/** A case in the reader's words, line by line (the command line's `remains show`). */
final class CaseWords {
  private CaseWords() {}

  static String methods(Identification i, Messages m) {
    return i.methods().stream()
        .sorted()
        .map(x -> m.get("remains.method." + x.key()))
        .collect(Collectors.joining(", "));
  }

  static List<String> lines(RemainsCase c, Messages m, PartyBook parties) {
    List<String> lines = new ArrayList<>();
    lines.add(
        m.get(
            "remains.case.heading",
            c.tag(),
            Days.written(c.receivedOn()),
            parties.name(c.from(), m.language()),
            String.valueOf(c.transferId())));
    lines.add(
        c.claimedName().isEmpty()
            ? m.get("remains.claim.none")
            : m.get("remains.claim", c.claimedName(), c.claimedBorn()));
    c.claimedPerson().ifPresent(p -> lines.add(m.get("remains.claim.linked", String.valueOf(p))));
    lines.add(m.get("remains.case.status", m.get("remains.status." + c.status().key())));
    c.dispute()
        .ifPresent(
            d ->
                lines.add(
                    m.get(
                        "remains.dispute.line",
                        parties.name(d.belongsTo(), m.language()),
                        Days.written(d.on()),
                        d.evidence())));
    c.dispute()
        .flatMap(RemainsCase.Dispute::returnedIn)
        .ifPresent(x -> lines.add(m.get("remains.returned-in", String.valueOf(x))));
    for (RemainsCase.Custody k : c.custody()) {
      lines.add(
          m.get(
              "remains.custody.line",
              Days.written(k.on()),
              m.get("remains.place." + k.place().key()),
              k.name(),
              k.by()));
    }
    for (RemainsCase.Stored s : c.identifications()) {
      Identification i = s.identification();
      String line =
          m.get(
              "remains.identification.line",
              Days.written(i.on()),
              String.valueOf(i.personId()),
              s.personName(),
              methods(i, m),
              i.act(),
              i.by(),
              m.get("remains.status." + i.status().key()));
      if (s.notifiedOn().isPresent()) {
        line += "; " + m.get("remains.notified.on", Days.written(s.notifiedOn().get()));
      }
      if (i.revoked().isPresent()) {
        line +=
            "; "
                + m.get(
                    "remains.revoked.on",
                    Days.written(i.revoked().get().on()),
                    i.revoked().get().reason());
      }
      lines.add(line);
    }
    return lines;
  }
}
