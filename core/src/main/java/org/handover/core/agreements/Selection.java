package org.handover.core.agreements;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.handover.core.Keys;
import org.handover.core.parties.Party;
import org.handover.core.registry.Kind;
import org.handover.core.registry.Status;

/**
 * Who a provision is about: conditions combined with AND, the values given for one condition being
 * alternatives (OR); an empty condition admits anyone.
 *
 * <pre>{@code
 * Selection.parse("kind=service-member;health=severely-wounded,seriously-sick")
 * Selection.parse("age=18-25;held-by=RU")
 * }</pre>
 */
public record Selection(
    Set<Kind> kinds,
    Set<Health> health,
    Optional<AgeRange> age,
    Set<Status> statuses,
    Set<Party> heldBy) {
  /** The condition keys, in the order they are written. */
  public static final List<String> KEYS = List.of("kind", "health", "age", "status", "held-by");

  public Selection {
    kinds = Set.copyOf(kinds);
    health = Set.copyOf(health);
    statuses = Set.copyOf(statuses);
    heldBy = new LinkedHashSet<>(heldBy);
  }

  /** Everyone: no condition. */
  public static Selection anyone() {
    return new Selection(Set.of(), Set.of(), Optional.empty(), Set.of(), Set.of());
  }

  /** Reads "key=value,value;key=value"; an unknown key or value names itself. */
  public static Selection parse(String text) {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    Set<Health> health = EnumSet.noneOf(Health.class);
    Optional<AgeRange> age = Optional.empty();
    Set<Status> statuses = EnumSet.noneOf(Status.class);
    Set<Party> heldBy = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String condition : text.split(";")) {
      if (condition.isBlank()) {
        continue;
      }
      int eq = condition.indexOf('=');
      if (eq < 0) {
        throw new SelectionException("error.selection.no-value", condition.strip());
      }
      String key = condition.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
      String values = condition.substring(eq + 1).strip();
      if (!KEYS.contains(key)) {
        throw new SelectionException("error.selection.key", key, String.join(", ", KEYS));
      }
      if (!seen.add(key)) {
        throw new SelectionException("error.selection.twice", key);
      }
      if (values.isEmpty()) {
        throw new SelectionException("error.selection.no-value", condition.strip());
      }
      switch (key) {
        case "kind" -> kinds.addAll(values(values, key, Kind.class));
        case "health" -> health.addAll(values(values, key, Health.class));
        case "status" -> statuses.addAll(values(values, key, Status.class));
        case "age" -> age = Optional.of(AgeRange.parse(values));
        default ->
            heldBy.addAll(each(values, key, v -> Party.of(v.toUpperCase(java.util.Locale.ROOT))));
      }
    }
    return new Selection(kinds, health, age, statuses, heldBy);
  }

  private static <E extends Enum<E>> List<E> values(String values, String key, Class<E> type) {
    return each(
        values,
        key,
        v -> {
          for (E e : type.getEnumConstants()) {
            if (Keys.of(e).equalsIgnoreCase(v.replace('_', '-'))) {
              return e;
            }
          }
          List<String> known = new ArrayList<>();
          for (E e : type.getEnumConstants()) {
            known.add(Keys.of(e));
          }
          throw new SelectionException("error.selection.value", key, v, String.join(", ", known));
        });
  }

  private static <T> List<T> each(String values, String key, Function<String, T> read) {
    List<T> out = new ArrayList<>();
    for (String v : values.split(",")) {
      if (v.isBlank()) {
        throw new SelectionException("error.selection.no-value", key + "=" + values);
      }
      try {
        out.add(read.apply(v.strip()));
      } catch (SelectionException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw new SelectionException("error.selection.value", key, v.strip(), "");
      }
    }
    return out;
  }

  /** Whether no condition is set. */
  public boolean isAnyone() {
    return kinds.isEmpty()
        && health.isEmpty()
        && age.isEmpty()
        && statuses.isEmpty()
        && heldBy.isEmpty();
  }

  /** The canonical text, which {@link #parse} reads back to an equal selection. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    add(parts, "kind", kinds.stream().sorted().map(Kind::key).toList());
    add(parts, "health", health.stream().sorted().map(Health::key).toList());
    age.ifPresent(a -> parts.add("age=" + a));
    add(parts, "status", statuses.stream().sorted().map(Status::key).toList());
    add(parts, "held-by", heldBy.stream().map(Party::code).toList());
    return String.join(";", parts);
  }

  private static void add(List<String> parts, String key, Collection<String> values) {
    if (!values.isEmpty()) {
      parts.add(key + "=" + String.join(",", values));
    }
  }
}
