package org.handover.core.tracing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.handover.core.matching.BlockingRule;
import org.handover.names.Names;
import org.handover.names.PreparedName;

/**
 * Which located children a sought child is compared with. A changed family name must not hide a
 * child: the given name (in any script's or language's form) with the year of birth or the year
 * after, the mother's given name with the child's, or the family name with the year.
 */
public final class ChildBlocking {
  private ChildBlocking() {}

  public static List<BlockingRule<ChildRecord>> rules() {
    return List.of(GIVEN_YEAR, MOTHER_GIVEN, FAMILY_YEAR);
  }

  /** The canonical given-name skeletons of every spelling ("iurii"). */
  static Set<String> givens(List<PreparedName> names) {
    Set<String> out = new LinkedHashSet<>();
    for (PreparedName n : names) {
      for (String k : Names.keys(n)) {
        if (k.startsWith("G:")) {
          int dot = k.lastIndexOf('.');
          out.add(dot > 2 ? k.substring(2, dot) : k.substring(2));
        }
      }
      if (!n.givenSkeleton().isEmpty()) {
        out.add(n.givenSkeleton());
      }
    }
    return out;
  }

  /** A year and the next: children a year apart share a key. */
  static final BlockingRule<ChildRecord> GIVEN_YEAR =
      BlockingRule.of(
          "given name + year of birth",
          r -> {
            if (r.born().isEmpty()) {
              return new ArrayList<>(givens(r.names()));
            }
            int y = r.born().get().year();
            List<String> keys = new ArrayList<>();
            for (String g : givens(r.names())) {
              keys.add(g + "|" + y);
              keys.add(g + "|" + (y + 1));
            }
            return keys;
          });

  static final BlockingRule<ChildRecord> MOTHER_GIVEN =
      BlockingRule.of(
          "mother's given name + child's given name",
          r -> {
            if (r.mother().isEmpty()) {
              return List.of();
            }
            List<String> keys = new ArrayList<>();
            for (String m : givens(List.of(r.mother().get()))) {
              for (String g : givens(r.names())) {
                keys.add("M:" + m + "|" + g);
              }
            }
            return keys;
          });

  static final BlockingRule<ChildRecord> FAMILY_YEAR =
      BlockingRule.of(
          "family name + year of birth",
          r -> {
            if (r.born().isEmpty()) {
              return List.of();
            }
            Set<String> keys = new LinkedHashSet<>();
            for (PreparedName n : r.names()) {
              for (String k : Names.keys(n)) {
                if (k.startsWith("F:")) {
                  keys.add(k + "|" + r.born().get().year());
                }
              }
            }
            return new ArrayList<>(keys);
          });
}
