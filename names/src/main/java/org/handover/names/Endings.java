package org.handover.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Whether a word ends in one of a set of endings, ignoring case, with a letter before it. */
final class Endings {
  private final List<String> endings;

  Endings(String... endings) {
    this(List.of(endings));
  }

  private Endings(List<String> endings) {
    this.endings = List.copyOf(endings);
  }

  /** Every ending made of one of each list's strings, in order. */
  static List<String> combined(List<String> first, List<String> second, List<String> third) {
    List<String> out = new ArrayList<>();
    for (String a : first) {
      for (String b : second) {
        for (String c : third) {
          out.add(a + b + c);
        }
      }
    }
    return out;
  }

  Endings and(List<String> more) {
    List<String> all = new ArrayList<>(endings);
    all.addAll(more);
    return new Endings(all);
  }

  boolean of(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    for (String e : endings) {
      if (w.length() > e.length() && w.endsWith(e)) {
        return true;
      }
    }
    return false;
  }
}
