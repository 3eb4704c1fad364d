package org.handover.core.negotiations;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A round's whole record, as one interchange document carries it. */
public record RoundRecord(
    Round round,
    List<Delegation> delegations,
    List<Document> documents,
    List<Proposal> proposals,
    List<Position> positions,
    List<AgreementRecord> agreements,
    List<Commitment> commitments,
    List<DisputedFigure> figures) {
  public RoundRecord {
    delegations = List.copyOf(delegations);
    documents = List.copyOf(documents);
    proposals = List.copyOf(proposals);
    positions = List.copyOf(positions);
    agreements = List.copyOf(agreements);
    commitments = List.copyOf(commitments);
    figures = List.copyOf(figures);
    Set<String> keys = new HashSet<>();
    for (List<? extends Object> items :
        List.of(delegations, documents, proposals, positions, agreements, commitments, figures)) {
      for (Object o : items) {
        String k = keyOf(o);
        if (!keys.add(k)) {
          throw new IllegalArgumentException("key: '" + k + "' names two items of the record");
        }
      }
    }
    for (Position p : positions) {
      if (proposals.stream().noneMatch(x -> x.key().equals(p.proposal()))) {
        throw new IllegalArgumentException(
            "position " + p.key() + ": no proposal '" + p.proposal() + "' in the record");
      }
    }
    for (Commitment c : commitments) {
      if (c.link() instanceof Commitment.Link.ToProvision t) {
        AgreementRecord a =
            agreements.stream()
                .filter(x -> x.key().equals(t.agreement()))
                .findFirst()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "commitment "
                                + c.key()
                                + ": no agreement '"
                                + t.agreement()
                                + "' in the record"));
        if (t.number() > a.provisions().size()) {
          throw new IllegalArgumentException(
              "commitment "
                  + c.key()
                  + ": agreement "
                  + a.key()
                  + " has no provision "
                  + t.number());
        }
      }
    }
  }

  public Optional<Proposal> proposal(String key) {
    return proposals.stream().filter(p -> p.key().equals(key)).findFirst();
  }

  /** The positions taken on a proposal, in the record's order. */
  public List<Position> positionsOn(String proposal) {
    return positions.stream().filter(p -> p.proposal().equals(proposal)).toList();
  }

  static String keyOf(Object item) {
    if (item instanceof Delegation d) {
      return d.key();
    } else if (item instanceof Document d) {
      return d.key();
    } else if (item instanceof Proposal p) {
      return p.key();
    } else if (item instanceof Position p) {
      return p.key();
    } else if (item instanceof AgreementRecord a) {
      return a.key();
    } else if (item instanceof Commitment c) {
      return c.key();
    } else if (item instanceof DisputedFigure f) {
      return f.key();
    }
    throw new IllegalArgumentException("not an item of the record: " + item);
  }
}
