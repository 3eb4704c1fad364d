package org.handover.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.handover.core.matching.BlockingRule;
import org.handover.core.matching.FieldComparison;
import org.handover.core.matching.Linker;
import org.handover.core.matching.Strings;

/**
 * The public FEBRL4 benchmark (5,000 records in a, 5,000 in b, one true link each: rec-N-org with
 * rec-N-dup-0) linked by Handover's engine with a plain configuration; precision, recall and F1.
 */
public final class Febrl4 {
  private Febrl4() {}

  /** One FEBRL record; every field as text, trimmed. */
  public record Rec(
      String id,
      String given,
      String surname,
      String streetNumber,
      String address1,
      String address2,
      String suburb,
      String postcode,
      String state,
      String dob,
      String ssid) {
    /** The N of rec-N-org / rec-N-dup-0: the truth. */
    String entity() {
      return id.split("-")[1];
    }
  }

  public static List<Rec> read(Path file) throws IOException {
    List<Rec> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      for (int i = 0; i < c.length; i++) {
        c[i] = c[i].strip();
      }
      out.add(new Rec(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10]));
    }
    return out;
  }

  static FieldComparison<Rec> text(String name, Function<Rec, String> get, boolean tf) {
    return FieldComparison.of(
        name,
        List.of("exact", "jw>=0.92", "jw>=0.8", "different"),
        (a, b) -> {
          String x = get.apply(a);
          String y = get.apply(b);
          if (x.isEmpty() || y.isEmpty()) {
            return FieldComparison.MISSING;
          }
          if (x.equals(y)) {
            return 0;
          }
          double jw = Strings.jaroWinkler(x, y);
          return jw >= 0.92 ? 1 : jw >= 0.8 ? 2 : 3;
        },
        r -> tf && !get.apply(r).isEmpty() ? Optional.of(get.apply(r)) : Optional.empty());
  }

  static FieldComparison<Rec> digits(String name, Function<Rec, String> get) {
    return FieldComparison.of(
        name,
        List.of("exact", "one edit", "two edits", "different"),
        (a, b) -> {
          String x = get.apply(a);
          String y = get.apply(b);
          return x.isEmpty() || y.isEmpty()
              ? FieldComparison.MISSING
              : Math.min(Strings.osa(x, y), 3);
        });
  }

  public static List<FieldComparison<Rec>> fields() {
    return List.of(
        text("given name", Rec::given, true),
        text("surname", Rec::surname, true),
        digits("date of birth", Rec::dob),
        digits("social security id", Rec::ssid),
        digits("street number", Rec::streetNumber),
        text("address", Rec::address1, false),
        text("suburb", Rec::suburb, true),
        digits("postcode", Rec::postcode),
        text("state", Rec::state, false));
  }

  public static List<BlockingRule<Rec>> rules() {
    return List.of(
        BlockingRule.of(
            "social security id",
            Set.of("social security id"),
            r -> r.ssid().isEmpty() ? List.of() : List.of(r.ssid())),
        BlockingRule.of(
            "date of birth",
            Set.of("date of birth"),
            r -> r.dob().isEmpty() ? List.of() : List.of(r.dob())),
        BlockingRule.of(
            "surname + given initial",
            Set.of("surname"),
            r ->
                r.surname().isEmpty() || r.given().isEmpty()
                    ? List.of()
                    : List.of(r.surname() + "|" + r.given().charAt(0))),
        BlockingRule.of(
            "given + postcode",
            Set.of("given name", "postcode"),
            r -> r.given().isEmpty() ? List.of() : List.of(r.given() + "|" + r.postcode())),
        BlockingRule.of(
            "surname + suburb",
            Set.of("surname", "suburb"),
            r -> r.surname().isEmpty() ? List.of() : List.of(r.surname() + "|" + r.suburb())));
  }

  /** Precision, recall and F1 of links at or above a probability. */
  public record Quality(
      double threshold, long truePositives, long falsePositives, long falseNegatives) {
    public double precision() {
      return truePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
    }

    public double recall() {
      return truePositives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  public static Quality quality(
      List<Rec> a, List<Rec> b, List<Linker.Link> links, double threshold) {
    long tp = 0;
    long fp = 0;
    for (Linker.Link l : links) {
      if (l.scored().probability() < threshold) {
        continue;
      }
      if (a.get(l.left()).entity().equals(b.get(l.right()).entity())) {
        tp++;
      } else {
        fp++;
      }
    }
    Set<String> inB = new HashSet<>();
    b.forEach(r -> inB.add(r.entity()));
    long truth = a.stream().filter(r -> inB.contains(r.entity())).count();
    return new Quality(threshold, tp, fp, truth - tp);
  }
}
