package org.handover.core.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Links a list to another: block, compare, train, score, and optionally keep each record in at most
 * one link (the heaviest first). Deterministic: the same input gives the same links in the same order.
 *
 * <pre>{@code
 * Linker.Result<Rec> r = Linker.link(roster, registry, fields, rules, Linker.Options.defaults());
 * for (Linker.Link link : r.links()) { ... link.left(), link.right(), link.scored().weight() ... }
 * }</pre>
 */
public final class Linker {
  private Linker() {}

  /** Settings of a run. */
  public record Options(int maxBlock, int randomPairs, long seed, boolean oneToOne, double minProbability,
                        boolean oneList) {
    public static Options defaults() {
      return new Options(1000, 50_000, 42, false, 0.01, false);
    }

    public Options oneToOne(boolean on) {
      return new Options(maxBlock, randomPairs, seed, on, minProbability, oneList);
    }

    /** Deduplication: left and right are the same list; no record is paired with itself. */
    public Options oneList(boolean on) {
      return new Options(maxBlock, randomPairs, seed, oneToOne, minProbability, on);
    }
  }

  /** A scored pair of a left and a right record, by index. */
  public record Link(int left, int right, Model.Scored scored) {}

  /** The links above {@code minProbability}, heaviest first; the candidates; the model; the time of each phase. */
  public record Result<T>(List<Link> links, Candidates candidates, Model<T> model, long blockMillis, long trainMillis,
                          long scoreMillis) {}

  public static <T> Result<T> link(List<T> left, List<T> right, List<FieldComparison<T>> fields,
                                   List<BlockingRule<T>> rules, Options options) {
    long t0 = System.nanoTime();
    Candidates c = Candidates.of(left, right, rules, options.maxBlock(), options.oneList());
    long t1 = System.nanoTime();
    Model<T> model = Model.train(left, right, fields, c, options.randomPairs(), options.seed());
    long t2 = System.nanoTime();
    List<Link> links = new ArrayList<>();
    for (int p = 0; p < c.size(); p++) {
      Model.Scored s = model.score(left.get(c.left(p)), right.get(c.right(p)));
      if (s.probability() >= options.minProbability()) {
        links.add(new Link(c.left(p), c.right(p), s));
      }
    }
    links.sort(Comparator.comparingDouble((Link l) -> -l.scored().weight()).thenComparingInt(Link::left)
        .thenComparingInt(Link::right));
    if (options.oneToOne()) {
      links = oneToOne(links);
    }
    long t3 = System.nanoTime();
    return new Result<>(links, c, model, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
  }

  private static List<Link> oneToOne(List<Link> sorted) {
    Set<Integer> usedLeft = new HashSet<>();
    Set<Integer> usedRight = new HashSet<>();
    List<Link> kept = new ArrayList<>();
    for (Link l : sorted) {
      if (!usedLeft.contains(l.left()) && !usedRight.contains(l.right())) {
        usedLeft.add(l.left());
        usedRight.add(l.right());
        kept.add(l);
      }
    }
    return kept;
  }
}
