package org.handover.core.agreements;

import java.util.Optional;
import java.util.Set;
import org.handover.core.parties.Party;
import org.handover.core.registry.Category;
import org.handover.core.registry.Kind;
import org.handover.core.registry.PartialDate;
import org.handover.core.registry.Person;
import org.handover.core.registry.ReleaseFacts;
import org.handover.core.registry.Status;

/** What eligibility reads of a person: a few fields, so a million can be streamed. */
public record Candidate(
    long id,
    Kind kind,
    Status status,
    Optional<Party> heldBy,
    Optional<PartialDate> born,
    Set<Health> health,
    Optional<ReleaseFacts.Obstacle> obstacle) {

  public static Candidate of(Person p) {
    return new Candidate(
        p.id(),
        p.kind(),
        p.status(),
        p.holdingParty(),
        p.birthDate(),
        Health.of(p.categories()),
        Optional.empty());
  }

  public static Candidate of(
      long id,
      Kind kind,
      Status status,
      Optional<Party> heldBy,
      Optional<PartialDate> born,
      Set<Category> recorded,
      boolean repatriationDecided,
      Optional<ReleaseFacts.Obstacle> obstacle) {
    Set<Health> health = java.util.EnumSet.noneOf(Health.class);
    health.addAll(Health.of(recorded));
    if (repatriationDecided) {
      health.add(Health.REPATRIATION_DECIDED);
    }
    return new Candidate(id, kind, status, heldBy, born, health, obstacle);
  }
}
