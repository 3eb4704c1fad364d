package org.handover.server.agreements;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.handover.core.agreements.Reason;
import org.handover.core.agreements.Verdict;
import org.handover.core.parties.Party;
import org.handover.core.parties.PartyBook;
import org.handover.server.i18n.Days;
import org.handover.server.i18n.Messages;

/** Eligibility's reasons in the reader's language: keys of kinds and statuses become words. */
public final class ReasonWords {
  private final Messages m;
  private final PartyBook parties;

  public ReasonWords(Messages m, PartyBook parties) {
    this.m = m;
    this.parties = parties;
  }

  public String of(Verdict v) {
    return v.reasons().stream().map(this::of).collect(Collectors.joining("; "));
  }

  public String of(Reason r) {
    List<Object> args = r.args();
    Object[] shown = new Object[args.size()];
    for (int i = 0; i < shown.length; i++) {
      Object a = args.get(i);
      // a date read back from stored JSON is ISO text
      if (a instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
        a = LocalDate.parse(text);
      }
      shown[i] = a instanceof LocalDate d ? Days.written(d) : a;
    }
    if (shown.length > 0 && !args.get(0).toString().isEmpty()) {
      String first = args.get(0).toString();
      if (r.key().startsWith("reason.kind")) {
        shown[0] = m.get("kind." + first);
      } else if (r.key().startsWith("reason.status")) {
        shown[0] = m.get("status." + first);
      } else if (r.key().equals("reason.health")) {
        shown[0] = m.get("selection.health." + first);
      } else if (r.key().startsWith("reason.held-by")) {
        shown[0] = parties.name(Party.of(first), m.language());
      }
    } else if (r.key().startsWith("reason.held-by")) {
      shown[0] = "—";
    }
    return m.get(r.key(), shown);
  }
}
