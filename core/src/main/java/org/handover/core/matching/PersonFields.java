package org.handover.core.matching;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.handover.core.registry.PartialDate;
import org.handover.names.Comparison;
import org.handover.names.Level;
import org.handover.names.Names;
import org.handover.names.PreparedName;
import org.handover.names.Skeleton;

/**
 * How a roster entry and a registry person are compared and blocked: names part by part at the
 * names library's levels (the best over every pair of spellings), date of birth, place of birth,
 * the father's name against the patronymic, service number, sex, unit and rank.
 */
public final class PersonFields {
  private PersonFields() {}

  static final String FAMILY = "family name";
  static final String GIVEN = "given name";
  static final String PATRONYMIC = "patronymic";
  static final String BIRTH = "date of birth";
  static final String SERVICE = "service number";
  static final String PLACE = "place of birth";
  static final String UNIT = "unit";

  /**
   * A name part's levels are the names library's, in its order (a level's ordinal is its index), so
   * that a level the library adds is a feature here at once: "exact", "transliteration"... "two
   * edits".
   */
  public static final List<String> NAME_LEVELS =
      Arrays.stream(Level.values())
          .map(l -> l.name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .toList();

  /**
   * Each name part's best level over every pair of spellings that both have the part, or null when
   * none has; cached for the pair last asked about. Per part, so that a spelling without a
   * patronymic cannot hide the patronymics that differ in another (Іванович against Степанович).
   */
  private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[3]);

  static Level[] nameLevels(PersonRecord a, PersonRecord b) {
    Object[] last = LAST.get();
    if (last[0] == a && last[1] == b) {
      return (Level[]) last[2];
    }
    Level[] best = new Level[3];
    for (PreparedName x : a.names()) {
      for (PreparedName y : b.names()) {
        Comparison c = Names.compare(x, y);
        for (int k = 0; k < 3; k++) {
          Level l = c.parts().get(k).level();
          if (l != null && (best[k] == null || l.ordinal() < best[k].ordinal())) {
            best[k] = l;
          }
        }
      }
    }
    last[0] = a;
    last[1] = b;
    last[2] = best;
    return best;
  }

  /**
   * One part of the name, its frequency adjusting the three levels that mean "the same name"
   * (exact, another script, the other language's form): agreeing on Олександр says less than on
   * Ярема.
   */
  static FieldComparison<PersonRecord> namePart(String name, int part) {
    return FieldComparison.of(
        name,
        NAME_LEVELS,
        (a, b) -> {
          Level l = nameLevels(a, b)[part];
          return l == null ? FieldComparison.MISSING : l.ordinal();
        },
        r -> {
          String s = r.names().get(0).skeleton(part);
          return s.isEmpty() ? Optional.empty() : Optional.of(s);
        },
        3);
  }

  static final FieldComparison<PersonRecord> BIRTH_DATE =
      FieldComparison.of(
          BIRTH,
          List.of(
              "exact",
              "day and month swapped",
              "one digit off",
              "same year and month",
              "same year",
              "same year and month, other day",
              "same year, other day and month",
              "within one year",
              "different"),
          PersonFields::birthDates);

  /** The year of birth, as counted with the given name (names go in and out of fashion). */
  private static Optional<String> birthYear(PersonRecord r) {
    return r.birthDate().map(d -> Integer.toString(d.year()));
  }

  /**
   * The levels of {@link #BIRTH_DATE} at which the two share the year and agree (the same date, day
   * and month swapped, a year or month and year against a whole date).
   */
  private static boolean sameYear(int level) {
    return level == 0 || level == 1 || level == 3 || level == 4;
  }

  private static int birthDates(PersonRecord a, PersonRecord b) {
    if (a.birthDate().isEmpty() || b.birthDate().isEmpty()) {
      return FieldComparison.MISSING;
    }
    PartialDate x = a.birthDate().get();
    PartialDate y = b.birthDate().get();
    if (x.equals(y) && x.day().isPresent()) {
      return 0;
    }
    if (x.day().isPresent() && y.day().isPresent()) {
      if (x.year() == y.year() && x.day().equals(y.month()) && x.month().equals(y.day())) {
        return 1;
      }
      if (oneDigitOff(x, y)) {
        return 2;
      }
    }
    if (x.year() == y.year() && x.month().isPresent() && x.month().equals(y.month())) {
      // two whole dates of one month but another day disagree (18.11 and 4.11 are two men); a month
      // and year against a whole date does not
      return x.day().isPresent() && y.day().isPresent() ? 5 : 3;
    }
    if (x.year() == y.year()) {
      // two whole dates that share only the year disagree; a year against a whole date does not
      return x.month().isPresent() && y.month().isPresent() ? 6 : 4;
    }
    return Math.abs(x.year() - y.year()) <= 1 ? 7 : 8;
  }

  /**
   * Whether two whole dates written dd.mm.yyyy are one edit apart: one digit differs, or two
   * neighbouring digits are swapped (what the optimal string alignment distance of 1 says of two
   * strings this alike), without writing either out (a million pairs a run).
   */
  static boolean oneDigitOff(PartialDate x, PartialDate y) {
    int[] a = digits(x);
    int[] b = digits(y);
    int first = -1;
    int differ = 0;
    for (int i = 0; i < 8; i++) {
      if (a[i] != b[i]) {
        if (differ++ == 0) {
          first = i;
        }
      }
    }
    if (differ == 1) {
      return true;
    }
    // a swap of neighbours within one part (the dots between parts never move)
    return differ == 2
        && first != 1
        && first != 3
        && first + 1 < 8
        && a[first] == b[first + 1]
        && a[first + 1] == b[first];
  }

  private static int[] digits(PartialDate d) {
    int day = d.day().orElse(0);
    int month = d.month().orElse(0);
    int year = d.year();
    return new int[] {
      day / 10,
      day % 10,
      month / 10,
      month % 10,
      year / 1000,
      year / 100 % 10,
      year / 10 % 10,
      year % 10
    };
  }

  /** Places of birth as the names library compares words: Київ ~ Kyiv ~ Киев; Херсон ~ Херсонь. */
  static final FieldComparison<PersonRecord> BIRTH_PLACE =
      FieldComparison.of(
          PLACE,
          List.of("same", "similar", "different"),
          (a, b) -> {
            if (a.birthPlace().isEmpty() || b.birthPlace().isEmpty()) {
              return FieldComparison.MISSING;
            }
            Level l = Names.compareWords(a.birthPlace(), b.birthPlace()).level();
            return l.atLeast(Level.EQUIVALENT) ? 0 : l.atLeast(Level.TWO_EDITS) ? 1 : 2;
          },
          r ->
              r.birthPlace().isEmpty()
                  ? Optional.empty()
                  : Optional.of(Skeleton.of(r.birthPlace())));

  /** Ranks by grade, whatever the language; one grade apart is a promotion between two lists. */
  static final FieldComparison<PersonRecord> RANK =
      FieldComparison.of(
          "rank",
          List.of("same", "one grade apart", "different"),
          (a, b) ->
              a.rank() == 0 || b.rank() == 0
                  ? FieldComparison.MISSING
                  : a.rank() == b.rank() ? 0 : Math.abs(a.rank() - b.rank()) == 1 ? 1 : 2);

  static FieldComparison<PersonRecord> sameOrNot(String name, Function<PersonRecord, String> get) {
    return FieldComparison.of(
        name,
        List.of("same", "different"),
        (a, b) -> {
          String x = get.apply(a);
          String y = get.apply(b);
          return x.isEmpty() || y.isEmpty() ? FieldComparison.MISSING : x.equals(y) ? 0 : 1;
        });
  }

  static final FieldComparison<PersonRecord> SERVICE_NUMBER =
      FieldComparison.of(
          SERVICE,
          List.of("same", "one character off", "different"),
          (a, b) ->
              a.serviceNumber().isEmpty() || b.serviceNumber().isEmpty()
                  ? FieldComparison.MISSING
                  : Math.min(Strings.osa(a.serviceNumber(), b.serviceNumber()), 2));

  /**
   * The father's first name on one side against the patronymic on the other: Петро ~ Петрович. Only
   * when one side has no patronymic: where both have one, the patronymic's own comparison says it,
   * and counting it twice would make EM take "same father" for "same person".
   */
  static final FieldComparison<PersonRecord> FATHER =
      FieldComparison.of(
          "father's name and patronymic",
          List.of("consistent", "inconsistent"),
          (a, b) -> {
            if (hasPatronymic(a) && hasPatronymic(b)) {
              return FieldComparison.MISSING;
            }
            int ab = fatherFits(a.fatherName(), b);
            int ba = fatherFits(b.fatherName(), a);
            if (ab == FieldComparison.MISSING && ba == FieldComparison.MISSING) {
              return FieldComparison.MISSING;
            }
            return ab == 1 || ba == 1 ? 1 : 0;
          });

  private static boolean hasPatronymic(PersonRecord r) {
    for (PreparedName n : r.names()) {
      String p = n.parsed().patronymic();
      if (!p.isEmpty() && !p.endsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static int fatherFits(String father, PersonRecord other) {
    String patronymic = other.names().get(0).parsed().patronymic();
    if (father.isEmpty() || patronymic.isEmpty() || patronymic.endsWith(".")) {
      return FieldComparison.MISSING;
    }
    String f = Skeleton.of(father);
    String p = Skeleton.of(patronymic);
    String stem = f.length() > 3 ? f.substring(0, f.length() - 2) : f;
    return p.startsWith(stem) ? 0 : 1;
  }

  /**
   * Every field, each with the m typical of one person's records (by level, strongest first), which
   * stands in for EM's where the data cannot teach it: names mostly the same or another script's or
   * language's form, the date mostly the same or year-only, the service number almost always the
   * same.
   */
  public static List<FieldComparison<PersonRecord>> all() {
    double[] name = {0.6, 0.15, 0.15, 0.01, 0.02, 0.03, 0.01, 0.02, 0.01};
    return List.of(
        namePart(FAMILY, 0).asPartOfName().typically(8, name),
        namePart(GIVEN, 1).asPartOfName().typically(8, name),
        namePart(PATRONYMIC, 2).asPartOfName().typically(8, name),
        BIRTH_DATE
            .goesWith(1, PersonFields::birthYear, PersonFields::sameYear)
            .typically(5, 0.78, 0.01, 0.03, 0.04, 0.1335, 0.0005, 0.0005, 0.005, 0.0005),
        BIRTH_PLACE.goesWith(0, BIRTH_PLACE::termOf, l -> l == 0).typically(2, 0.7, 0.2, 0.1),
        FATHER.typically(0.95, 0.05),
        SERVICE_NUMBER.typically(2, 0.95, 0.04, 0.01),
        sameOrNot("sex", PersonRecord::sex).typically(0.99, 0.01),
        sameOrNot(UNIT, PersonRecord::unit).typically(0.9, 0.1),
        RANK.typically(2, 0.9, 0.07, 0.03));
  }
}
