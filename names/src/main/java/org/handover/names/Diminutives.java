package org.handover.names;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Short and affectionate forms of given names (Саша, Sasha ~ Олександр, Александр; Вова ~
 * Володимир), from a table written for Handover ({@code diminutives.tsv}), compared by skeleton so
 * that every spelling of a form counts. A short form and a full name, or two short forms of one
 * name, are {@link Level#DIMINUTIVE}; two full names that share a short form (Владислав, Станіслав:
 * Слава) are not.
 *
 * <pre>{@code
 * Diminutives.get().related(Skeleton.all("Sasha"), Skeleton.all("Олександр"))  // true
 * Diminutives.get().fullForms("sasha")  // [oleksandr, aleksandr, oleksandra, ...]
 * }</pre>
 */
final class Diminutives {
  private static final Diminutives INSTANCE = load();

  /** By a short form's skeleton, the lines it is on. */
  private final Map<String, Set<Integer>> shortForms = new HashMap<>();

  /** By a full name's skeleton, the lines it is on. */
  private final Map<String, Set<Integer>> fullNames = new HashMap<>();

  /** Each line's full names, as skeletons. */
  private final List<List<String>> lines = new ArrayList<>();

  static Diminutives get() {
    return INSTANCE;
  }

  private static Diminutives load() {
    Diminutives d = new Diminutives();
    try (InputStream in = Diminutives.class.getResourceAsStream("diminutives.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.strip().split("\t");
        int at = d.lines.size();
        List<String> full = new ArrayList<>();
        for (String f : cols[0].split(",")) {
          String s = Skeleton.of(f.strip());
          full.add(s);
          d.fullNames.computeIfAbsent(s, k -> new HashSet<>()).add(at);
        }
        d.lines.add(full);
        for (String s : cols[1].split(",")) {
          d.shortForms.computeIfAbsent(Skeleton.of(s.strip()), k -> new HashSet<>()).add(at);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the diminutives table could not be read", e);
    }
    return d;
  }

  /**
   * Whether one word is a short form of the other's name, or both are short forms of one name, by
   * any of their readings.
   */
  boolean related(List<String> a, List<String> b) {
    return oneWay(a, b) || oneWay(b, a);
  }

  private boolean oneWay(List<String> shortSide, List<String> other) {
    for (String x : shortSide) {
      Set<Integer> lines = shortForms.get(x);
      if (lines == null) {
        continue;
      }
      for (String y : other) {
        if (meets(lines, fullNames.get(y)) || meets(lines, shortForms.get(y))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean meets(Set<Integer> a, Set<Integer> b) {
    if (b == null) {
      return false;
    }
    for (Integer i : a) {
      if (b.contains(i)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a word is one of the table's full given names (Наталія, Павел), by any reading. */
  boolean isFullName(String word) {
    for (String s : Skeleton.all(word)) {
      if (fullNames.containsKey(s)) {
        return true;
      }
    }
    return false;
  }

  /** How many different full names (Ukrainian or Russian, by skeleton) the table holds. */
  int names() {
    return fullNames.size();
  }

  /** The full names (skeletons) a short form stands for; empty when it is none. */
  List<String> fullForms(String skeleton) {
    Set<Integer> at = shortForms.get(skeleton);
    if (at == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i : at) {
      for (String s : lines.get(i)) {
        if (!out.contains(s)) {
          out.add(s);
        }
      }
    }
    return out;
  }
}
