package org.handover.core.negotiations;

import java.time.LocalDate;
import java.util.List;
import org.handover.core.agreements.Provision;
import org.handover.core.parties.Party;

/** An agreement as the record states it: kept once in the agreements, then known by its key. */
public record AgreementRecord(
    String key, Text title, LocalDate date, List<Party> parties, List<Provision> provisions) {
  public AgreementRecord {
    Item.key(key);
    parties = List.copyOf(parties);
    provisions = List.copyOf(provisions);
  }

  /** The title the agreements keep (one text): English, then Ukrainian where it differs. */
  public String storedTitle() {
    return title.en().equals(title.uk()) ? title.en() : title.en() + " / " + title.uk();
  }
}
