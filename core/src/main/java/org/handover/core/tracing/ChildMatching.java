package org.handover.core.tracing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.handover.core.matching.Linker;
import org.handover.core.matching.Model;

/**
 * Candidates for each child sought among the children located: scored by the engine on the
 * children's profile, the best few per child, for a person to review. Nothing is linked here.
 */
public final class ChildMatching {
  /** One candidate: which sought child, which located one, how likely, and why. */
  public record Candidate(
      int sought, int located, double probability, List<Model.Contribution> why) {}

  private ChildMatching() {}

  /**
   * The best {@code perChild} candidates of every sought child at or above {@code minProbability},
   * most likely first.
   */
  public static List<Candidate> candidates(
      List<ChildRecord> sought, List<ChildRecord> located, int perChild, double minProbability) {
    if (sought.isEmpty() || located.isEmpty()) {
      return List.of();
    }
    Linker.Result<ChildRecord> r =
        Linker.link(
            sought, located, ChildFields.all(), ChildBlocking.rules(), Linker.Options.defaults());
    Map<Integer, List<Candidate>> byChild = new LinkedHashMap<>();
    for (Linker.Link l : r.links()) {
      // each located child as likely as it is alone: several plausible ones are what a reviewer
      // must see, not a share of one
      double alone = l.scored().alone();
      if (alone < minProbability) {
        continue;
      }
      byChild
          .computeIfAbsent(l.left(), k -> new ArrayList<>())
          .add(new Candidate(l.left(), l.right(), alone, l.scored().explanation()));
    }
    List<Candidate> out = new ArrayList<>();
    byChild.keySet().stream()
        .sorted()
        .forEach(
            k ->
                byChild.get(k).stream()
                    .sorted(Comparator.comparingDouble(Candidate::probability).reversed())
                    .limit(perChild)
                    .forEach(out::add));
    return out;
  }
}
