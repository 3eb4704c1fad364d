package org.handover.core.matching;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.ToIntBiFunction;

/**
 * One field of a candidate pair, compared into a level: 0 is the strongest agreement, the last the
 * weakest; {@link #MISSING} when either side lacks the field (it then weighs nothing).
 *
 * @param <T> the record compared
 */
public interface FieldComparison<T> {
  int MISSING = -1;

  /** The field's name, as explanations show it. */
  String name();

  /** The names of the levels, strongest first. */
  List<String> levels();

  int compare(T a, T b);

  /**
   * The value whose frequency adjusts the weight of exact agreement (agreeing on Шевченко counts
   * for less than on a rare surname); empty when the field has no such adjustment or the record no
   * value.
   */
  default Optional<String> termOf(T record) {
    return Optional.empty();
  }

  /**
   * How many of the strongest levels mean "the same value" and share the frequency adjustment (a
   * name the same in one script, in two, or in its Russian form is the same name): 1 unless
   * overridden.
   */
  default int termLevels() {
    return 1;
  }

  /**
   * Whether this field is a part of the name whose terms are also counted together (family with
   * given name, and with the patronymic): parts are not independent, Андрей is far commoner beside
   * Кузнецов than beside Шевчук.
   */
  default boolean partOfName() {
    return false;
  }

  /** This comparison, a part of the name ({@link #partOfName}). */
  default FieldComparison<T> asPartOfName() {
    return new Wrapped<>(this, typicalM(), agreeingLevels(), true, companion());
  }

  /**
   * The part of the name this field's values go with, if they do: Russian family names with Russian
   * places of birth, Софія with the years she was most often given. An agreement on both then says
   * less than the two weights summed, and is weighed by how often the registry carries the two
   * together ({@link NamesTogether}).
   */
  default Optional<Companion<T>> companion() {
    return Optional.empty();
  }

  /**
   * A field's values as they go with a part of the name: {@code part} the part's place among the
   * name's parts (0 the family name, 1 the given name), {@code term} the value counted with it, and
   * {@code agrees} the levels at which two records share that value.
   */
  record Companion<T>(int part, Function<T, Optional<String>> term, IntPredicate agrees) {}

  /** This comparison, its values going with a part of the name ({@link #companion}). */
  default FieldComparison<T> goesWith(
      int part, Function<T, Optional<String>> term, IntPredicate agrees) {
    return new Wrapped<>(
        this,
        typicalM(),
        agreeingLevels(),
        partOfName(),
        Optional.of(new Companion<>(part, term, agrees)));
  }

  /**
   * How records of one person usually compare on this field, level by level (summing to 1), or
   * null: used instead of the m that EM finds when the data cannot teach it (a registry without
   * duplicates gives EM nothing to learn from, and it then fits noise): see {@link Training}.
   */
  default double[] typicalM() {
    return null;
  }

  /**
   * How many of the strongest levels say the two agree (the rest say they disagree): 1 unless
   * given. A trained m that weighs a disagreeing level for a match, or the strongest against, is
   * not trusted.
   */
  default int agreeingLevels() {
    return 1;
  }

  /**
   * This comparison with the m typical of one person's records; only the strongest level agrees.
   */
  default FieldComparison<T> typically(double... m) {
    return typically(1, m);
  }

  /**
   * This comparison with the m typical of one person's records; the first {@code agreeing} levels
   * agree.
   */
  default FieldComparison<T> typically(int agreeing, double... m) {
    double[] copy = m.clone();
    if (copy.length != levels().size()) {
      throw new IllegalArgumentException(
          name() + ": " + copy.length + " typical m for " + levels().size() + " levels");
    }
    return new Wrapped<>(this, copy, agreeing, partOfName(), companion());
  }

  /**
   * A comparison as another makes it, with its typical m, agreeing levels, part or companion told
   * anew.
   */
  final class Wrapped<T> implements FieldComparison<T> {
    private final FieldComparison<T> self;
    private final double[] typicalM;
    private final int agreeing;
    private final boolean partOfName;
    private final Optional<Companion<T>> companion;

    private Wrapped(
        FieldComparison<T> self,
        double[] typicalM,
        int agreeing,
        boolean partOfName,
        Optional<Companion<T>> companion) {
      this.self = self;
      this.typicalM = typicalM;
      this.agreeing = agreeing;
      this.partOfName = partOfName;
      this.companion = companion;
    }

    @Override
    public String name() {
      return self.name();
    }

    @Override
    public List<String> levels() {
      return self.levels();
    }

    @Override
    public int compare(T a, T b) {
      return self.compare(a, b);
    }

    @Override
    public Optional<String> termOf(T record) {
      return self.termOf(record);
    }

    @Override
    public int termLevels() {
      return self.termLevels();
    }

    @Override
    public double[] typicalM() {
      return typicalM == null ? null : typicalM.clone();
    }

    @Override
    public int agreeingLevels() {
      return agreeing;
    }

    @Override
    public boolean partOfName() {
      return partOfName;
    }

    @Override
    public Optional<Companion<T>> companion() {
      return companion;
    }
  }

  /**
   * A comparison from its name, its levels and a function giving the level (or {@link #MISSING}).
   */
  static <T> FieldComparison<T> of(
      String name, List<String> levels, ToIntBiFunction<T, T> compare) {
    return of(name, levels, compare, r -> Optional.empty());
  }

  /** As {@link #of(String, List, ToIntBiFunction)}, with a term for frequency adjustment. */
  static <T> FieldComparison<T> of(
      String name,
      List<String> levels,
      ToIntBiFunction<T, T> compare,
      Function<T, Optional<String>> term) {
    return of(name, levels, compare, term, 1);
  }

  /** As above, with the first {@code termLevels} levels sharing the frequency adjustment. */
  static <T> FieldComparison<T> of(
      String name,
      List<String> levels,
      ToIntBiFunction<T, T> compare,
      Function<T, Optional<String>> term,
      int termLevels) {
    List<String> copy = List.copyOf(levels);
    return new FieldComparison<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<String> levels() {
        return copy;
      }

      @Override
      public int compare(T a, T b) {
        return compare.applyAsInt(a, b);
      }

      @Override
      public Optional<String> termOf(T record) {
        return term.apply(record);
      }

      @Override
      public int termLevels() {
        return termLevels;
      }
    };
  }
}
