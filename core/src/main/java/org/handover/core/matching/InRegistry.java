package org.handover.core.matching;

/**
 * The share of a list's entries that are someone in the registry, learnt from the entries
 * themselves: each entry is one of the registry's persons or none of them, and what its candidates'
 * fields say (their weights without a prior) tells how likely each is. An EM over entries, not over
 * pairs: a pair's EM counted an entry's namesakes as so many matches and, at 100,000 persons, put a
 * list at its ceiling of 99% in the registry where 80% were.
 */
final class InRegistry {
  private InRegistry() {}

  /**
   * The share, at least 0.01 and at most 0.99, given what each entry's candidates say ({@code
   * byEntry}: {@link Linker#sharedOdds} of their evidence in bits), the number of entries (those
   * without a candidate count too) and of persons in the registry.
   */
  static double share(double[] byEntry, int entries, int persons) {
    double[] likelihood = likelihoods(byEntry, persons);
    double share = 0.5;
    for (int round = 0; round < 500; round++) {
      double odds = share / (1 - share);
      double sum = 0;
      for (double r : likelihood) {
        sum += r == 0 ? 0 : 1 / (1 + 1 / (odds * r));
      }
      double next = Math.min(0.99, Math.max(0.01, sum / Math.max(1, entries)));
      boolean done = Math.abs(next - share) < 1e-9;
      share = next;
      if (done) {
        break;
      }
    }
    return share;
  }

  /**
   * Per entry with candidates, how much likelier its fields are if it is one of the registry's
   * persons, each as likely as another, than if it is none of them: the mean over the persons of
   * 2^bits. Persons never paired with it count nothing: they disagree on every key it was blocked
   * by.
   */
  private static double[] likelihoods(double[] byEntry, int persons) {
    double[] out = new double[byEntry.length / 2];
    double log2Persons = Math.log(Math.max(1, persons)) / Math.log(2);
    for (int l = 0; l < out.length; l++) {
      double sum = byEntry[2 * l + 1];
      if (sum > 0) {
        // capped: past 2^1000 the entry is someone for any share
        out[l] =
            Math.pow(2, Math.min(1000, byEntry[2 * l] + Math.log(sum) / Math.log(2) - log2Persons));
      }
    }
    return out;
  }
}
