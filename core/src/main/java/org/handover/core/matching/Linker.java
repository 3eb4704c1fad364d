package org.handover.core.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.handover.names.Level;

/**
 * Links a list to another: block, compare, train, score, and optionally keep each record in at most
 * one link (the heaviest first). Deterministic: the same input gives the same links in the same
 * order.
 *
 * <pre>{@code
 * Linker.Result<Rec> r = Linker.link(roster, registry, fields, rules, Linker.Options.defaults());
 * for (Linker.Link link : r.links()) { ... link.left(), link.right(), link.scored().weight() ... }
 * }</pre>
 */
public final class Linker {
  private Linker() {}

  /**
   * How far a step of a run has come: how many done of how many (the candidate pairs compared, told
   * from the comparing threads).
   */
  public interface Progress {
    /** Told nothing. */
    Progress NONE = (done, of) -> {};

    void at(int done, int of);

    /**
     * A stage begun, of training or after it; {@link #at} then tells that stage's work. A run that
     * trains nothing tells none.
     */
    default void stage(Stage stage) {}

    /**
     * {@code done} of {@code of} told when it reaches another hundredth, or the end: a loop that
     * counts one at a time tells at most a hundred times.
     */
    default void counted(int done, int of) {
      if (done == of || done % Math.max(1, of / 100) == 0) {
        at(done, of);
      }
    }
  }

  /** The stages of training after the candidates' comparing, each told as it begins. */
  public enum Stage {
    /** Every candidate pair compared with a model just trained on a sample (deduplication). */
    COMPARING,
    /** u: random pairs of records compared (how often fields agree by chance). */
    RANDOM_PAIRS,
    /** m: one EM session per blocking rule. */
    FITTING,
    /** How common each name and value is, counted over the registry. */
    COUNTING
  }

  /** Settings of a run. */
  public record Options(
      int maxBlock,
      int randomPairs,
      long seed,
      boolean oneToOne,
      double minProbability,
      boolean oneList,
      boolean pairPrior,
      Progress progress) {
    public static Options defaults() {
      return new Options(1000, 50_000, 42, false, 0.01, false, false, Progress.NONE);
    }

    public Options oneToOne(boolean on) {
      return new Options(
          maxBlock, randomPairs, seed, on, minProbability, oneList, pairPrior, progress);
    }

    /** Deduplication: left and right are the same list; no record is paired with itself. */
    public Options oneList(boolean on) {
      return new Options(
          maxBlock, randomPairs, seed, oneToOne, minProbability, on, pairPrior, progress);
    }

    /**
     * A list against a registry: each pair weighs from {@link Linker#pairPrior} (from {@link
     * Linker#PAIR_PRIOR_FROM} persons), not from the share of matches among the candidates.
     */
    public Options pairPrior(boolean on) {
      return new Options(
          maxBlock, randomPairs, seed, oneToOne, minProbability, oneList, on, progress);
    }

    /** Told, a hundred times at most, how many of the candidate pairs are compared. */
    public Options progress(Progress told) {
      return new Options(
          maxBlock, randomPairs, seed, oneToOne, minProbability, oneList, pairPrior, told);
    }
  }

  /**
   * A scored pair of a left and a right record, by index; {@code margin} is how many bits it weighs
   * more than the next best candidate of the same left record (infinite when there is none): a link
   * that barely beats another cannot be sure, however heavy it is.
   */
  public record Link(int left, int right, Model.Scored scored, double margin) {
    /**
     * AUTO at or above the thresholds' auto with a margin of {@code minMargin} bits, evidence
     * beyond the name ({@link #corroborated}), a family name near enough ({@link #familyNear}) and
     * no field weighing {@link #MAX_AGAINST_BITS} or more against it; REVIEW when, at their review,
     * it is likely alone or its entry is likely one of its near-tied candidates ({@link
     * Model.Scored#found}: namesakes of an undated name, none likely alone, are reviewed together);
     * else NONE. A namesake born in another year can outweigh its date on names alone; a person
     * should look.
     */
    public Band band(Thresholds thresholds, double minMargin) {
      List<Model.Contribution> why = scored.explanation();
      boolean contradicted = why.stream().anyMatch(Model.Contribution::contradicts);
      return thresholds.band(
          scored.probability(),
          Math.max(scored.alone(), scored.found()),
          margin,
          minMargin,
          contradicted || !corroborated(why) || !familyNear(why) || !named(why));
    }
  }

  /**
   * Whether a link rests on more than a name: a whole date of birth that agrees, a service number
   * (one character off at most), or an uncommon place of birth ({@link #PLACE_MIN_BITS}, less what
   * it loses for going with the family name) with the year. A name, however rare, can be a
   * namesake's: thousands of men share one name and patronymic, many of them the year too, and in a
   * big city the place as well.
   */
  public static boolean corroborated(List<Model.Contribution> explanation) {
    if (serviceAgrees(explanation)) {
      return true;
    }
    String birth = level(explanation, PersonFields.BIRTH);
    if (level(explanation, PersonFields.FAMILY).equals("missing")) {
      return false; // a given name and a date are a namesake's as easily
    }
    if (birth.equals("exact")) {
      return true;
    }
    Model.Contribution place = contribution(explanation, PersonFields.PLACE);
    // the place weighs as much less as it goes with the family name (a village of namesakes)
    Model.Contribution withFamily =
        contribution(explanation, NamesTogether.line(PersonFields.PLACE, PersonFields.FAMILY));
    return place != null
        && place.level().equals("same")
        && place.bits() + (withFamily == null ? 0 : withFamily.bits()) >= PLACE_MIN_BITS
        && SAME_YEAR.contains(birth);
  }

  /**
   * Whether the family name is near enough to link without review: one letter off at most, or a
   * service number that agrees. Two letters apart or by an initial it may be another family's
   * (Кошеленко, Коваленко), and at a million someone of that other family with the same given name
   * is born on the day.
   */
  public static boolean familyNear(List<Model.Contribution> explanation) {
    return serviceAgrees(explanation)
        || !FAR_FAMILY.contains(level(explanation, PersonFields.FAMILY));
  }

  /**
   * Whether a name was compared at all: a list's row with a service number and a date but no name
   * is matched by them, and a person looks before it is linked.
   */
  public static boolean named(List<Model.Contribution> explanation) {
    for (String part : List.of(PersonFields.FAMILY, PersonFields.GIVEN, PersonFields.PATRONYMIC)) {
      String l = level(explanation, part);
      if (!l.isEmpty() && !l.equals("missing")) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> FAR_FAMILY =
      Set.of(
          PersonFields.NAME_LEVELS.get(Level.TWO_EDITS.ordinal()),
          PersonFields.NAME_LEVELS.get(Level.INITIALS.ordinal()));

  private static boolean serviceAgrees(List<Model.Contribution> explanation) {
    String service = level(explanation, PersonFields.SERVICE);
    return service.equals("same") || service.equals("one character off");
  }

  /**
   * How much an agreeing place of birth must weigh to corroborate the year: a place fewer than
   * about one person in 250 was born in. At a million, a common name, a year and Київ or Москва fit
   * several namesakes; a village does not.
   */
  public static final double PLACE_MIN_BITS = 8;

  private static final Set<String> SAME_YEAR =
      Set.of("day and month swapped", "same year and month", "same year");

  private static String level(List<Model.Contribution> explanation, String field) {
    Model.Contribution c = contribution(explanation, field);
    return c == null ? "missing" : c.level();
  }

  private static Model.Contribution contribution(
      List<Model.Contribution> explanation, String field) {
    for (Model.Contribution c : explanation) {
      if (c.field().equals(field)) {
        return c;
      }
    }
    return null;
  }

  /**
   * A field that weighs this many bits against a link keeps it from being linked without review.
   */
  public static final double MAX_AGAINST_BITS = 5;

  /**
   * The links above {@code minProbability}, heaviest first; with one-to-one, the alternatives
   * ({@link OneToOne}): for an entry whose link leads its next candidate by less than {@link
   * #MIN_MARGIN} bits, those candidates, and for an entry whose candidates all went to other
   * entries, those near the links that took them, for review (their margin is their distance below
   * that link, never enough to be sure); the candidates; the model as trained (its λ the share of
   * matches among the candidates, kept for the next run; the links weigh with the prior of one
   * pair, {@link #pairPrior}); the time of each phase; and, when the links weigh with the prior of
   * one pair, the share of the list's entries that are someone in the registry it rests on ({@link
   * InRegistry}; NaN otherwise).
   */
  public record Result<T>(
      List<Link> links,
      List<Link> alternatives,
      Candidates candidates,
      Model<T> model,
      long blockMillis,
      long trainMillis,
      long scoreMillis,
      double inRegistry) {}

  /**
   * How many bits a link must lead its entry's next candidate by to be sure; closer ones are
   * reviewed together.
   */
  public static final double MIN_MARGIN = 5;

  public static <T> Result<T> link(
      List<T> left,
      List<T> right,
      List<FieldComparison<T>> fields,
      List<BlockingRule<T>> rules,
      Options options) {
    long t0 = System.nanoTime();
    Candidates c = Candidates.of(left, right, rules, options.maxBlock(), options.oneList());
    long t1 = System.nanoTime();
    return link(left, right, c, (t1 - t0) / 1_000_000, fields, rules, options, null);
  }

  /**
   * Links the candidates given (blocked elsewhere, in {@code blockMillis}). With a {@code stored}
   * model (trained on the same fields), nothing is trained: the prior is estimated on these
   * candidates (with {@link Options#pairPrior}, the share of the entries in the registry, {@link
   * InRegistry}; else the share of matches among them), so that a list with more strangers gets a
   * lower one; without one, the model is trained as {@link #link(List, List, List, List, Options)}
   * trains it, and the result holds it for storing. Either way the names' frequencies count on this
   * list too ({@link Model#withList}).
   */
  public static <T> Result<T> link(
      List<T> left,
      List<T> right,
      Candidates c,
      long blockMillis,
      List<FieldComparison<T>> fields,
      List<BlockingRule<T>> rules,
      Options options,
      Model<T> stored) {
    long t1 = System.nanoTime();
    long t0 = t1 - blockMillis * 1_000_000;
    if (stored == null) {
      long[] vectors = Vectors.of(left, right, fields, c, null, null, options.progress());
      Model<T> model =
          Model.train(
                  left, right, fields, rules, c, Vectors.unpack(vectors, fields.size()), options)
              .withList(left);
      long t2 = System.nanoTime();
      return scoreAndLink(left, right, c, vectors, null, model, options, t0, t1, t2);
    }
    // with the model known, each candidate read once for its vector and what its fields weigh
    double[] evidence = new double[c.size()];
    Model<T> known = stored.withList(left);
    long[] vectors = Vectors.of(left, right, fields, c, known, evidence, options.progress());
    double maxLambda =
        Math.min(0.999, (double) Math.min(left.size(), right.size()) / Math.max(1, vectors.length));
    Model<T> model = known.withLambda(known.lambdaOf(vectors, maxLambda));
    long t2 = System.nanoTime();
    return scoreAndLink(left, right, c, vectors, evidence, model, options, t0, t1, t2);
  }

  /** Above this many records, deduplication trains its model on an even sample of them. */
  public static final int DEDUPE_SAMPLE = 100_000;

  /**
   * Deduplicates one list. The model is trained as {@link #link} trains it, with {@code
   * trainingRules}, on the whole list or, above {@link #DEDUPE_SAMPLE} records, on an even sample
   * of it (broad rules over a million records would pair too many); the candidates come from the
   * narrower {@code blockingRules} over the whole list, and the prior share of matches is estimated
   * on them.
   */
  public static <T> Result<T> dedupe(
      List<T> records,
      List<FieldComparison<T>> fields,
      List<BlockingRule<T>> trainingRules,
      List<BlockingRule<T>> blockingRules,
      Options options) {
    long t0 = System.nanoTime();
    Candidates c = Candidates.of(records, records, blockingRules, options.maxBlock(), true);
    long t1 = System.nanoTime();
    return dedupe(records, c, (t1 - t0) / 1_000_000, fields, trainingRules, options, null);
  }

  /**
   * Deduplicates one list on candidates blocked elsewhere (in {@code blockMillis}). With a {@code
   * stored} model (trained on the same fields), nothing is trained: only the prior share of matches
   * is estimated on these candidates; without one, it is trained as {@link #dedupe(List, List,
   * List, List, Options)} trains it, and the result holds it for storing.
   */
  public static <T> Result<T> dedupe(
      List<T> records,
      Candidates c,
      long blockMillis,
      List<FieldComparison<T>> fields,
      List<BlockingRule<T>> trainingRules,
      Options options,
      Model<T> stored) {
    Options one = options.oneList(true);
    long t1 = System.nanoTime();
    long t0 = t1 - blockMillis * 1_000_000;
    Model<T> trained = stored == null ? dedupeModel(records, fields, trainingRules, one) : stored;
    if (stored == null) {
      options.progress().stage(Stage.COMPARING); // after the training's own stages
    }
    long[] vectors = Vectors.of(records, records, fields, c, null, null, options.progress());
    // at most even odds: in a small registry a handful of candidates, all alike, would otherwise
    // make the prior itself argue for every pair
    Model<T> model =
        trained.withLambda(
            trained.lambdaOf(
                vectors, Math.min(0.5, (double) records.size() / Math.max(1, vectors.length))));
    long t2 = System.nanoTime();
    return scoreAndLink(records, records, c, vectors, null, model, one, t0, t1, t2);
  }

  /**
   * A deduplication model trained on the whole list or, above {@link #DEDUPE_SAMPLE} records, on an
   * even sample of it (broad rules over a million records would pair too many).
   */
  public static <T> Model<T> dedupeModel(
      List<T> records,
      List<FieldComparison<T>> fields,
      List<BlockingRule<T>> trainingRules,
      Options options) {
    Options one = options.oneList(true);
    List<T> sample = records;
    if (records.size() > DEDUPE_SAMPLE) {
      int step = (records.size() + DEDUPE_SAMPLE - 1) / DEDUPE_SAMPLE;
      sample = new ArrayList<>();
      for (int i = 0; i < records.size(); i += step) {
        sample.add(records.get(i));
      }
    }
    Candidates sc = Candidates.of(sample, sample, trainingRules, one.maxBlock(), true);
    Model<T> trained =
        Model.train(
            sample,
            sample,
            fields,
            trainingRules,
            sc,
            Training.vectors(sample, sample, fields, sc, one.progress()),
            one);
    // the names counted on every record, each pair's own two among them: counted again, and told,
    // when the sample was not the whole list
    boolean sampled = sample != records;
    if (sampled) {
      one.progress().stage(Stage.COUNTING);
    }
    return trained.withNamesTogether(
        NamesTogether.of(fields, records, true, sampled ? one.progress() : Progress.NONE));
  }

  /**
   * Links the pairs by weight; {@code evidence}, where not null, is each pair's weight without the
   * prior, worked out already (else the candidates are read again for it).
   */
  private static <T> Result<T> scoreAndLink(
      List<T> left,
      List<T> right,
      Candidates c,
      long[] vectors,
      double[] evidence,
      Model<T> trained,
      Options options,
      long t0,
      long t1,
      long t2) {
    // what the fields of every pair say first; the explanation only for pairs likely enough to be
    // shown
    if (evidence == null) {
      double[] read = new double[c.size()];
      c.byRight()
          .forEach(
              right,
              (b, pairs) -> {
                for (int p : pairs) {
                  read[p] = trained.evidence(vectors[p], left.get(c.left(p)), b);
                }
              });
      evidence = read;
    }
    // an entry is one person at most: its candidates share one probability, with "none of them";
    // summed once from the evidence, the prior (the same for every pair) added to it after
    double[] shared = options.oneList() ? null : sharedOdds(c, evidence);
    boolean byPair = options.pairPrior() && !options.oneList() && right.size() >= PAIR_PRIOR_FROM;
    double inRegistry = byPair ? InRegistry.share(shared, left.size(), right.size()) : Double.NaN;
    Model<T> model = byPair ? trained.withLambda(pairPrior(inRegistry, right.size())) : trained;
    double[] weights = new double[c.size()];
    for (int p = 0; p < weights.length; p++) {
      weights[p] = model.priorBits() + evidence[p];
    }
    if (shared != null) {
      for (int l = 0; l < shared.length; l += 2) {
        shared[l] += model.priorBits(); // the heaviest weight; the scaled sum stays
      }
    }
    double minWeight =
        Math.log(options.minProbability() / (1 - options.minProbability())) / Math.log(2);
    List<Link> links = new ArrayList<>();
    for (int p = 0; p < c.size(); p++) {
      if (weights[p] >= minWeight) {
        Model.Scored s = model.score(vectors[p], left.get(c.left(p)), right.get(c.right(p)));
        if (shared != null) {
          double share = probability(weights[p], shared, c.left(p));
          // the entry's chance counts for its near-ties only: a namesake far behind a sure link
          // is not reviewed for it
          boolean near = weights[p] > shared[2 * c.left(p)] - MIN_MARGIN;
          s = s.withShares(share, near ? found(shared, c.left(p)) : share);
        }
        links.add(new Link(c.left(p), c.right(p), s, Double.POSITIVE_INFINITY));
      }
    }
    links.sort(
        Comparator.comparingDouble((Link l) -> -l.scored().weight())
            .thenComparingInt(Link::left)
            .thenComparingInt(Link::right));
    links = withMargins(links);
    List<Link> alternatives = List.of();
    if (options.oneToOne()) {
      OneToOne kept = OneToOne.of(links);
      links = kept.links();
      alternatives = kept.alternatives();
    }
    long t3 = System.nanoTime();
    return new Result<>(
        links,
        alternatives,
        c,
        trained,
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (t3 - t2) / 1_000_000,
        inRegistry);
  }

  /**
   * From how many persons on the registry's side a pair is weighed with {@link #pairPrior}. u is
   * how often random pairs agree, and a random pair is the same person about once in as many pairs
   * as there are persons: in a batch of two, half the time. Below this, u counts too many matches
   * for the names to carry their weight, and the share of matches among the candidates stands in.
   */
  static final int PAIR_PRIOR_FROM = 1_000;

  /**
   * The prior of one pair of records being one person: the share of entries that are someone in the
   * registry ({@code inRegistry}, {@link InRegistry}), each one of its persons. The share of
   * matches among the candidates, put beside weights that count the names they were chosen by again
   * (u is how often random pairs agree), counted that agreement twice: pairs shown as 0.9–0.99
   * likely were right a quarter of the time.
   */
  static double pairPrior(double inRegistry, int rights) {
    double odds = inRegistry / (1 - inRegistry) / Math.max(1, rights);
    return odds / (1 + odds);
  }

  /**
   * Per left record, its heaviest candidate's weight and the sum of its candidates' odds scaled by
   * that weight ({@code [2 * left]} and {@code [2 * left + 1]}): against "none of them", whose odds
   * are 1, each candidate's probability is its odds over one plus all of theirs.
   */
  static double[] sharedOdds(Candidates c, double[] weights) {
    int lefts = 0;
    for (int p = 0; p < c.size(); p++) {
      lefts = Math.max(lefts, c.left(p) + 1);
    }
    double[] out = new double[2 * lefts];
    java.util.Arrays.fill(out, Double.NEGATIVE_INFINITY);
    for (int p = 0; p < c.size(); p++) {
      int l = 2 * c.left(p);
      out[l] = Math.max(out[l], weights[p]);
    }
    for (int l = 0; l < lefts; l++) {
      out[2 * l + 1] = 0;
    }
    for (int p = 0; p < c.size(); p++) {
      int l = 2 * c.left(p);
      out[l + 1] += Math.pow(2, weights[p] - out[l]);
    }
    return out;
  }

  /**
   * A candidate's share: 2^w / (1 + sum of 2^w_j), computed from the heaviest so as not to
   * overflow.
   */
  static double probability(double weight, double[] shared, int left) {
    double max = shared[2 * left];
    return Math.pow(2, weight - max) / (Math.pow(2, -max) + shared[2 * left + 1]);
  }

  /** The probability that an entry is one of its candidates: the sum of their shares. */
  static double found(double[] shared, int left) {
    double sum = shared[2 * left + 1];
    return sum / (Math.pow(2, -shared[2 * left]) + sum);
  }

  /**
   * Each link's lead in bits over the next candidate of the same left record (links sorted heaviest
   * first).
   */
  private static List<Link> withMargins(List<Link> sorted) {
    Map<Integer, Double> second = new HashMap<>();
    Map<Integer, Integer> seen = new HashMap<>();
    for (Link l : sorted) {
      int n = seen.merge(l.left(), 1, Integer::sum);
      if (n == 2) {
        second.put(l.left(), l.scored().weight());
      }
    }
    List<Link> out = new ArrayList<>(sorted.size());
    Set<Integer> first = new HashSet<>();
    for (Link l : sorted) {
      boolean best = first.add(l.left());
      double margin =
          best ? l.scored().weight() - second.getOrDefault(l.left(), Double.NEGATIVE_INFINITY) : 0;
      out.add(new Link(l.left(), l.right(), l.scored(), margin));
    }
    return out;
  }
}
