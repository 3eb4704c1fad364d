package org.handover.server.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.handover.core.matching.Model;
import org.handover.core.registry.Name;
import org.handover.core.registry.Person;
import org.handover.server.rosters.Rosters;

/**
 * A pair as a reviewer reads it: the entry and the person side by side, field by field, only where
 * one side has something, the differing characters marked; and each field's evidence in words.
 */
public final class PairView {
  private PairView() {}

  /** Another candidate of the entry, named: a near-tie is decided looking at both. */
  public record Other(
      Matching.StoredMatch match,
      java.util.Optional<org.handover.server.registry.Registry.Versioned> person) {}

  /** A part of a value, marked when it differs from the other side's. */
  public record Part(String text, boolean differs) {}

  /** A value's pieces put together again. */
  public static String text(List<Part> parts) {
    StringBuilder s = new StringBuilder();
    parts.forEach(p -> s.append(p.text()));
    return s.toString();
  }

  /** One field: its label's message key, the entry's and the person's values. */
  public record Row(String label, List<Part> entry, List<Part> person, boolean differs) {}

  public static List<Row> rows(Rosters.StoredEntry e, Person p) {
    Map<String, String> f = e.fields();
    List<Row> out = new ArrayList<>();
    String entryName = String.join(" ", List.of(e.family(), e.given(), e.patronymic())).strip();
    out.add(names(entryName, p.names()));
    add(out, "field.birth_date", e.born(), p.birthDate().map(Object::toString).orElse(""));
    add(out, "field.birth_place", f.getOrDefault("birth-place", ""), p.birthPlace());
    add(out, "field.father_name", f.getOrDefault("father-name", ""), p.fatherName());
    add(out, "field.service_number", f.getOrDefault("service-number", ""), p.serviceNumber());
    add(out, "field.rank", f.getOrDefault("rank", ""), p.rank());
    add(out, "field.unit", f.getOrDefault("unit", ""), p.unit());
    add(out, "field.citizenship", f.getOrDefault("citizenship", ""), p.citizenship());
    add(out, "field.reference", "", p.reference());
    return out;
  }

  /** The entry's name beside the person's spelling closest to it (every spelling is shown). */
  private static Row names(String entry, List<Name> names) {
    String closest = names.get(0).full();
    for (Name n : names) {
      if (n.full().equalsIgnoreCase(entry)) {
        closest = n.full();
      }
    }
    List<Parts> both = marked(entry, closest);
    List<Part> person = new ArrayList<>(both.get(1).parts());
    for (Name n : names) {
      if (!n.full().equals(closest)) {
        person.add(new Part(" · " + n.full(), false));
      }
    }
    return new Row("field.name", both.get(0).parts(), person, !entry.equalsIgnoreCase(closest));
  }

  private static void add(List<Row> out, String label, String entry, String person) {
    if (entry.isBlank() && person.isBlank()) {
      return; // nothing on either side: folded away
    }
    List<Parts> both = marked(entry.strip(), person.strip());
    out.add(
        new Row(
            label,
            both.get(0).parts(),
            both.get(1).parts(),
            !entry.isBlank() && !person.isBlank() && !same(entry, person)));
  }

  private record Parts(List<Part> parts) {}

  /**
   * Two values with what differs marked: character by character when they are as long (a date, a
   * number: 03.04.1969 against 03.04.1968), else the whole value when it differs.
   */
  static List<Parts> marked(String a, String b) {
    if (a.isEmpty() || b.isEmpty() || same(a, b)) {
      return List.of(
          new Parts(List.of(new Part(a, false))), new Parts(List.of(new Part(b, false))));
    }
    if (a.length() != b.length()) {
      return List.of(new Parts(List.of(new Part(a, true))), new Parts(List.of(new Part(b, true))));
    }
    return List.of(new Parts(runs(a, b)), new Parts(runs(b, a)));
  }

  private static List<Part> runs(String a, String b) {
    List<Part> out = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    boolean differs = false;
    for (int i = 0; i < a.length(); i++) {
      boolean d = Character.toLowerCase(a.charAt(i)) != Character.toLowerCase(b.charAt(i));
      if (d != differs && run.length() > 0) {
        out.add(new Part(run.toString(), differs));
        run.setLength(0);
      }
      differs = d;
      run.append(a.charAt(i));
    }
    out.add(new Part(run.toString(), differs));
    return out;
  }

  private static boolean same(String a, String b) {
    return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
  }

  /**
   * The fields that weigh so strongly against the pair that it waits for a person whatever its
   * probability (a namesake born years apart).
   */
  public static List<String> against(Model.Scored s) {
    return s.explanation().stream()
        .filter(Model.Contribution::contradicts)
        .map(Model.Contribution::field)
        .toList();
  }

  /**
   * A probability in percent, rounded down to a tenth: 0.9996 is 99.9, never a certain 100 that no
   * comparison of records can give.
   */
  public static double percent(double probability) {
    return Math.min(99.9, Math.floor(probability * 1000) / 10);
  }

  /**
   * A field's evidence in a registrar's words (the message key): strong or some evidence for or
   * against, or none either way; a field missing on a side is "no data".
   */
  public static String evidence(Model.Contribution c) {
    if (c.level().equalsIgnoreCase("missing")) {
      return "evidence.no-data";
    }
    if (c.level().equals(Model.TOGETHER_LEVEL)) {
      // what the name's parts, or a field with a part, said, weighed again: not a field
      return c.field().equals(Model.TOGETHER) ? "evidence.common-name" : "evidence.common-together";
    }
    double bits = c.bits();
    if (bits >= 3) {
      return "evidence.strong-for";
    }
    if (bits >= 0.5) {
      return "evidence.some-for";
    }
    if (bits > -0.5) {
      return "evidence.neutral";
    }
    return bits > -3 ? "evidence.some-against" : "evidence.strong-against";
  }
}
