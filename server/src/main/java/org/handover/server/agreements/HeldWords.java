package org.handover.server.agreements;

import org.handover.server.i18n.Days;
import org.handover.server.i18n.Messages;

/** An acknowledgement in the reader's words: "ICRC visit (Art. 126), 12.03.2025: visit 7". */
public final class HeldWords {
  private final Messages m;

  public HeldWords(Messages m) {
    this.m = m;
  }

  public String of(Held.Row r) {
    if (r.acknowledged().isEmpty()) {
      return m.get("held.not-acknowledged");
    }
    Held.Acknowledgement a = r.acknowledged().get();
    if (a.rosterId() != 0) {
      return m.get("held.on-their-list", String.valueOf(a.rosterId()), Days.written(a.on()));
    }
    String words = m.get("status-source." + a.source().key()) + ", " + Days.written(a.on());
    return a.note().isEmpty() ? words : words + ": " + a.note();
  }
}
