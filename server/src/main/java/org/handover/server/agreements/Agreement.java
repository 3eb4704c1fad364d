package org.handover.server.agreements;

import java.time.LocalDate;
import java.util.List;
import org.handover.core.agreements.Provision;
import org.handover.core.parties.Party;

/** A stored agreement and its provisions, numbered from 1 in the order they were added. */
public record Agreement(
    long id, String title, LocalDate signedOn, List<Party> parties, List<Numbered> provisions) {

  /** A provision and its number within the agreement. */
  public record Numbered(int number, Provision provision) {}

  public Numbered provision(int number) {
    return provisions.stream()
        .filter(p -> p.number() == number)
        .findFirst()
        .orElseThrow(() -> new AgreementException("error.agreement.no-provision", number, id));
  }
}
