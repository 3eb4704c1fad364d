package org.handover.core.matching;

import static org.handover.core.matching.PersonFields.BIRTH;
import static org.handover.core.matching.PersonFields.FAMILY;
import static org.handover.core.matching.PersonFields.GIVEN;
import static org.handover.core.matching.PersonFields.SERVICE;
import static org.handover.core.matching.PersonFields.UNIT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.handover.core.registry.PartialDate;
import org.handover.names.Equivalents;
import org.handover.names.Names;
import org.handover.names.PreparedName;
import org.handover.names.Skeleton;

/**
 * Which registry persons a roster entry is compared with: the rules OR-ed, each by name so that a
 * run can report the pairs each brought and an operator can choose among them.
 */
public final class PersonBlocking {
  private PersonBlocking() {}

  /** The day of birth of a record that has none, in the keys that carry one. */
  private static final String NO_DAY = "-";

  /** Every rule, in the order they are tried. */
  public static List<BlockingRule<PersonRecord>> rules() {
    return List.of(
        NAME_KEYS_YEAR,
        FAMILY_TYPO_YEAR,
        DATE_INITIALS,
        SERVICE_NUMBER,
        FAMILY_GIVEN_INITIAL,
        UNIT_FAMILY,
        DATE_GIVEN_INITIAL,
        SERVICE_TYPO_INITIAL);
  }

  /**
   * Narrower rules for deduplicating a whole registry, where every pair of a block is compared: the
   * family name with a given initial and the year of birth (or the family name one letter off), the
   * date with both initials or family name, the service number, the unit with both initials.
   */
  public static List<BlockingRule<PersonRecord>> dedupeRules() {
    return List.of(
        FAMILY_INITIAL_YEAR,
        FAMILY_TYPO_INITIAL_YEAR,
        DATE_INITIALS,
        SERVICE_NUMBER,
        UNIT_INITIALS);
  }

  /**
   * Every rule whose keys a stored record keeps (those of {@link #rules()} and {@link
   * #dedupeRules()}), in a fixed order: adding one changes {@link RecordCodec#VERSION}.
   */
  public static List<BlockingRule<PersonRecord>> stored() {
    return Stored.ALL;
  }

  /** Made on first use, when every rule above is. */
  private static final class Stored {
    static final List<BlockingRule<PersonRecord>> ALL =
        List.of(
            NAME_KEYS_YEAR,
            FAMILY_TYPO_YEAR,
            DATE_INITIALS,
            SERVICE_NUMBER,
            FAMILY_GIVEN_INITIAL,
            UNIT_FAMILY,
            FAMILY_INITIAL_YEAR,
            FAMILY_TYPO_INITIAL_YEAR,
            UNIT_INITIALS,
            DATE_GIVEN_INITIAL,
            SERVICE_TYPO_INITIAL);
  }

  /**
   * For each rule of {@link #stored()}, its place among {@code rules}, or -1: how a blocking reads
   * stored keys ({@link RecordCodec#eachKey}). A rule with no stored keys is refused.
   */
  static int[] ruleOfStored(List<BlockingRule<PersonRecord>> rules) {
    int[] ruleOf = new int[Stored.ALL.size()];
    Arrays.fill(ruleOf, -1);
    for (int r = 0; r < rules.size(); r++) {
      int s = storedIndex(rules.get(r));
      if (s < 0) {
        throw new IllegalArgumentException(
            "blocking rule \"" + rules.get(r).name() + "\" has no stored keys");
      }
      ruleOf[s] = r;
    }
    return ruleOf;
  }

  /** Where a rule's keys stand among a stored record's ({@link #stored()}), or -1. */
  public static int storedIndex(BlockingRule<PersonRecord> rule) {
    for (int i = 0; i < Stored.ALL.size(); i++) {
      if (Stored.ALL.get(i).name().equals(rule.name())) {
        return i;
      }
    }
    return -1;
  }

  static final BlockingRule<PersonRecord> FAMILY_INITIAL_YEAR =
      BlockingRule.of(
          "family name + given initial + year",
          Set.of(FAMILY, BIRTH),
          withYear(r -> withInitials(r, familyKeys(r))));

  static final BlockingRule<PersonRecord> FAMILY_TYPO_INITIAL_YEAR =
      BlockingRule.of(
          "family name one letter off + given initial + year",
          Set.of(FAMILY, BIRTH),
          withYear(r -> withInitials(r, deletions(familyForms(r)))));

  /**
   * The rules with these names, in the order given; an unknown name is refused, naming the known
   * ones.
   */
  public static List<BlockingRule<PersonRecord>> rules(List<String> names) {
    List<BlockingRule<PersonRecord>> out = new ArrayList<>();
    List<BlockingRule<PersonRecord>> known = new ArrayList<>(rules());
    known.addAll(dedupeRules());
    // each rule once, as first named: a rule named twice would be indexed twice
    for (String name : new java.util.LinkedHashSet<>(names.stream().map(String::strip).toList())) {
      out.add(
          known.stream()
              .filter(r -> r.name().equals(name.strip()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown blocking rule \""
                              + name.strip()
                              + "\"; known: "
                              + String.join(
                                  ", ",
                                  known.stream().map(BlockingRule::name).distinct().toList()))));
    }
    return out;
  }

  /**
   * Name keys (the names library's, every spelling) with the year of birth; a dated entry asks more
   * ({@link #yearWithDayOrInitial}).
   */
  static final BlockingRule<PersonRecord> NAME_KEYS_YEAR =
      yearWithDayOrInitial(
          "name keys + year of birth",
          Set.of(FAMILY, GIVEN, BIRTH),
          r -> new LinkedHashSet<>(nameKeys(r)));

  /**
   * A rule of keys with the year of birth, where an entry with a day and month asks more: each key
   * with the year and that day (or the day and month swapped, or a person of unknown day), or with
   * the year beside a given initial (which a slip in the day or month still meets). A family name
   * with the year alone meets every namesake born that year: at a million, most of the pairs. An
   * entry without a day meets them all.
   */
  private static BlockingRule<PersonRecord> yearWithDayOrInitial(
      String name, Set<String> fixes, Function<PersonRecord, Set<String>> keysOf) {
    return BlockingRule.of(
        name, fixes, r -> yearKeys(r, keysOf, false), r -> yearKeys(r, keysOf, true));
  }

  /**
   * The keys of {@link #yearWithDayOrInitial}. A registry person's: each key with the year, alone
   * and with the day. A list's entry's ({@code probe}): each key with the year and its day, the day
   * and month swapped or no day; without a day, with the year alone. Both but an entry without a
   * day: the family keys with a given initial and the year.
   */
  private static List<String> yearKeys(
      PersonRecord r, Function<PersonRecord, Set<String>> keysOf, boolean probe) {
    List<String> keys = new ArrayList<>();
    if (r.birthDate().isEmpty()) {
      return keys;
    }
    String year = "|" + r.birthDate().get().year();
    String day = dayOf(r);
    boolean yearAlone = probe && day.equals(NO_DAY);
    Set<String> days = new LinkedHashSet<>();
    if (yearAlone) {
      days.add("");
    } else if (probe) {
      List.of(day, swapped(r), NO_DAY).forEach(d -> days.add("|" + d));
    } else {
      days.addAll(List.of("", "|" + day));
    }
    Set<String> plain = keysOf.apply(r);
    for (String k : plain) {
      for (String d : days) {
        keys.add(k + year + d);
      }
    }
    if (!yearAlone) {
      for (String k : withInitials(r, withoutGiven(plain))) {
        keys.add(k + year);
      }
    }
    return keys;
  }

  /** The keys that do not carry a given name already (the names library's "G:" keys do). */
  private static Set<String> withoutGiven(Set<String> keys) {
    Set<String> out = new LinkedHashSet<>(keys);
    out.removeIf(k -> k.startsWith("G:"));
    return out;
  }

  /** The day and month of birth swapped ("6.4" for the 4th of June), or {@link #NO_DAY}. */
  private static String swapped(PersonRecord r) {
    PartialDate d = r.birthDate().get();
    return d.day().get() <= 12 ? d.month().get() + "." + d.day().get() : NO_DAY;
  }

  /**
   * The family name with one letter dropped, each way, with the year: Ширченко and Ширчанко meet; a
   * dated entry asks more ({@link #yearWithDayOrInitial}).
   */
  static final BlockingRule<PersonRecord> FAMILY_TYPO_YEAR =
      yearWithDayOrInitial(
          "family name one letter off + year of birth",
          Set.of(FAMILY, BIRTH),
          r -> deletions(familyForms(r)));

  /**
   * The full date of birth with both initials in either order (family and given swapped, each
   * misspelt past its first letter: Помазан Євген, Евгений Помазан), or with the family name whole
   * wherever it stands (Левченко Артем, Шевалев Левченко). Either initial alone would bring every
   * two strangers born the same day whose names begin alike: half of a million's pairs.
   */
  static final BlockingRule<PersonRecord> DATE_INITIALS =
      BlockingRule.of(
          "date of birth + initials or family name",
          Set.of(BIRTH),
          r -> {
            if (r.birthDate().isEmpty() || r.birthDate().get().day().isEmpty()) {
              return List.of();
            }
            String date = r.birthDate().get() + "|";
            Set<String> keys = new LinkedHashSet<>();
            for (PreparedName n : r.names()) {
              String family = n.familySkeleton();
              if (!family.isEmpty()) {
                char f = family.charAt(0);
                for (char g : givenInitials(n)) {
                  keys.add(date + (char) Math.min(f, g) + (char) Math.max(f, g));
                }
                keys.add(date + "W:" + family);
              }
              // a surname where the given name should be; a given name here would pair everyone
              // born that day with it, strangers the model would learn as matches with another
              // family name
              String given = n.givenSkeleton();
              if (!given.isEmpty() && !Equivalents.get().isGivenName(given)) {
                keys.add(date + "W:" + given);
              }
            }
            return new ArrayList<>(keys);
          });

  /**
   * The full date of birth with a given initial where one side has no family name (a list's row
   * whose family name is empty, a person the registry knows by the given name), whom no rule on the
   * family name can bring. An entry with a family name meets only persons without one ("N:"); one
   * without meets everyone born that day with the initial ("A:").
   */
  static final BlockingRule<PersonRecord> DATE_GIVEN_INITIAL =
      BlockingRule.of(
          "date of birth + given initial without family name",
          Set.of(BIRTH, GIVEN),
          r -> {
            List<String> keys = new ArrayList<>();
            for (String k : dateGivenInitials(r)) {
              keys.add("A:" + k);
              if (!hasFamily(r)) {
                keys.add("N:" + k);
              }
            }
            return keys;
          },
          r -> {
            String side = hasFamily(r) ? "N:" : "A:";
            return dateGivenInitials(r).stream().map(k -> side + k).toList();
          });

  private static boolean hasFamily(PersonRecord r) {
    return r.names().stream().anyMatch(n -> !n.familySkeleton().isEmpty());
  }

  /** The full date of birth with each given initial of every spelling ("1975-06-04|o"). */
  private static Set<String> dateGivenInitials(PersonRecord r) {
    Set<String> keys = new LinkedHashSet<>();
    if (r.birthDate().isEmpty() || r.birthDate().get().day().isEmpty()) {
      return keys;
    }
    String date = r.birthDate().get() + "|";
    for (PreparedName n : r.names()) {
      for (char g : givenInitials(n)) {
        keys.add(date + g);
      }
    }
    return keys;
  }

  static final BlockingRule<PersonRecord> SERVICE_NUMBER =
      BlockingRule.of(
          "service number",
          Set.of(SERVICE),
          r -> r.serviceNumber().isEmpty() ? List.of() : List.of(r.serviceNumber()));

  /**
   * The service number with one character dropped, each way (a digit misread or two swapped), with
   * a given initial: of a million numbers of seven digits, those one character apart are many; a
   * given initial leaves few. Numbers shorter than five characters are not keyed.
   */
  static final BlockingRule<PersonRecord> SERVICE_TYPO_INITIAL =
      BlockingRule.of(
          "service number one character off + given initial",
          Set.of(SERVICE, GIVEN),
          r -> {
            String s = r.serviceNumber();
            if (s.length() < 5) {
              return List.of();
            }
            Set<String> keys = new LinkedHashSet<>();
            for (PreparedName n : r.names()) {
              for (char g : givenInitials(n)) {
                for (int i = 0; i < s.length(); i++) {
                  keys.add(s.substring(0, i) + s.substring(i + 1) + "|" + g);
                }
              }
            }
            return new ArrayList<>(keys);
          });

  /**
   * The family name with the given name's first sound, in either language (Олександр, Александр),
   * whatever the year: a year misread or missing. An entry with a day and month meets such
   * namesakes born on that day of any year, or in a year near its own of unknown day; one with a
   * year alone those born in a year near it; one without a date every such namesake (at a million,
   * a common name with an initial is thousands of persons). Near: one digit of the last two written
   * otherwise, or the two swapped (1975: 1970–1979, 1905–1995, 1957). A person without a date is
   * met by every dated entry.
   */
  static final BlockingRule<PersonRecord> FAMILY_GIVEN_INITIAL =
      BlockingRule.of(
          "family name + given initial",
          Set.of(FAMILY),
          r -> {
            List<String> keys = new ArrayList<>();
            String day = dayOf(r);
            for (String k : familyInitials(r)) {
              keys.add(k);
              if (r.birthDate().isEmpty()) {
                keys.add(k + "|" + NO_DAY);
                continue;
              }
              int year = r.birthDate().get().year();
              keys.add(k + "|y" + year);
              keys.add(day.equals(NO_DAY) ? k + "|-y" + year : k + "|" + day);
            }
            return keys;
          },
          r -> {
            if (r.birthDate().isEmpty()) {
              return new ArrayList<>(familyInitials(r));
            }
            String day = dayOf(r);
            List<Integer> near = yearsNear(r.birthDate().get().year());
            List<String> keys = new ArrayList<>();
            for (String k : familyInitials(r)) {
              for (int year : near) {
                keys.add(k + (day.equals(NO_DAY) ? "|y" : "|-y") + year);
              }
              if (!day.equals(NO_DAY)) {
                keys.add(k + "|" + day);
              }
              keys.add(k + "|" + NO_DAY);
            }
            return keys;
          });

  /**
   * The year and those a slip makes of it: its last or next-to-last digit written otherwise, or the
   * two swapped.
   */
  private static List<Integer> yearsNear(int year) {
    List<Integer> years = new ArrayList<>(20);
    years.add(year);
    int swapped = year / 100 * 100 + year % 10 * 10 + year / 10 % 10;
    if (swapped != year) {
      years.add(swapped);
    }
    for (int d = 0; d < 10; d++) {
      int units = year / 10 * 10 + d;
      int tens = year / 100 * 100 + d * 10 + year % 10;
      if (units != year) {
        years.add(units);
      }
      if (tens != year) {
        years.add(tens);
      }
    }
    return years;
  }

  /** The day and month of birth ("4.6"), or {@link #NO_DAY}. */
  private static String dayOf(PersonRecord r) {
    if (r.birthDate().isEmpty() || r.birthDate().get().day().isEmpty()) {
      return NO_DAY;
    }
    return r.birthDate().get().day().get() + "." + r.birthDate().get().month().get();
  }

  /** Each family key with each given initial of its spelling ("F:kovalenko.o"). */
  private static Set<String> familyInitials(PersonRecord r) {
    Set<String> keys = new LinkedHashSet<>();
    for (PreparedName n : r.names()) {
      for (char initial : givenInitials(n)) {
        for (String k : Names.keys(n)) {
          if (k.startsWith("F:")) {
            keys.add(k + "." + initial);
          }
        }
      }
    }
    return keys;
  }

  /**
   * The unit with the family name's first sound: a list from the front names the unit more often
   * than the date.
   */
  static final BlockingRule<PersonRecord> UNIT_FAMILY =
      BlockingRule.of("unit + family initial", Set.of(UNIT), r -> unitKeys(r, false));

  /**
   * The unit with the family name's and the given name's first sounds: a registry's own copies of a
   * person in one unit, one of them often undated; a unit with one initial pairs thousands.
   */
  static final BlockingRule<PersonRecord> UNIT_INITIALS =
      BlockingRule.of("unit + family and given initials", Set.of(UNIT), r -> unitKeys(r, true));

  /** The unit with each spelling's family initial, and with each given initial if asked. */
  private static List<String> unitKeys(PersonRecord r, boolean given) {
    if (r.unit().isEmpty()) {
      return List.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    for (PreparedName n : r.names()) {
      if (!n.familySkeleton().isEmpty()) {
        String key = r.unit() + "|" + n.familySkeleton().charAt(0);
        if (!given) {
          keys.add(key);
          continue;
        }
        for (char g : givenInitials(n)) {
          keys.add(key + g);
        }
      }
    }
    return new ArrayList<>(keys);
  }

  /** The family name keys ("F:...") of every spelling. */
  private static Set<String> familyKeys(PersonRecord r) {
    Set<String> keys = new LinkedHashSet<>();
    for (String k : nameKeys(r)) {
      if (k.startsWith("F:")) {
        keys.add(k);
      }
    }
    return keys;
  }

  /**
   * The family keys with each spelling's family name as written: a misspelt feminine form is not
   * known as feminine (Туришина's key is Туришин's, Туришана's is its own).
   */
  private static Set<String> familyForms(PersonRecord r) {
    Set<String> keys = familyKeys(r);
    for (PreparedName n : r.names()) {
      if (!n.familySkeleton().isEmpty()) {
        keys.add("F:" + n.familySkeleton());
      }
    }
    return keys;
  }

  /**
   * Each family key as written (a skeleton's digraphs one letter: Кравченко and Краваенко differ in
   * one), itself from three letters and with each letter dropped from four ("D:..."): two names
   * meet when one letter was changed, added or dropped (Сташук, Саашук; Мак, Марк).
   */
  private static Set<String> deletions(Set<String> familyKeys) {
    Set<String> keys = new LinkedHashSet<>();
    for (String k : familyKeys) {
      String f = Skeleton.letters(k.substring(2));
      if (f.length() >= 3) {
        keys.add("D:" + f);
      }
      if (f.length() >= 4) {
        for (int i = 0; i < f.length(); i++) {
          keys.add("D:" + f.substring(0, i) + f.substring(i + 1));
        }
      }
    }
    return keys;
  }

  /** Each key with each given initial of every spelling (both languages' forms). */
  private static Set<String> withInitials(PersonRecord r, Set<String> keys) {
    Set<String> out = new LinkedHashSet<>();
    for (PreparedName n : r.names()) {
      for (char initial : givenInitials(n)) {
        for (String k : keys) {
          out.add(k + "." + initial);
        }
      }
    }
    return out;
  }

  private static Set<String> nameKeys(PersonRecord r) {
    Set<String> keys = new LinkedHashSet<>();
    for (PreparedName n : r.names()) {
      keys.addAll(Names.keys(n));
    }
    return keys;
  }

  private static Function<PersonRecord, List<String>> withYear(
      Function<PersonRecord, Set<String>> keys) {
    return r -> {
      if (r.birthDate().isEmpty()) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (String k : keys.apply(r)) {
        out.add(k + "|" + r.birthDate().get().year());
      }
      return out;
    };
  }

  private static Set<Character> givenInitials(PreparedName n) {
    Set<Character> out = new LinkedHashSet<>();
    String g = n.givenSkeleton();
    if (!g.isEmpty()) {
      out.add(g.charAt(0));
      for (String partner : Equivalents.get().partners(g)) {
        if (!partner.isEmpty()) {
          out.add(partner.charAt(0));
        }
      }
    }
    return out;
  }
}
