package org.handover.names;

/**
 * A name parsed, folded and reduced once, for many comparisons.
 *
 * <pre>{@code
 * PreparedName ours = Names.prepare("Ковальчук Юрій Петрович");
 * for (PreparedName theirs : roster) { Names.compare(ours, theirs); }
 * }</pre>
 */
public final class PreparedName {
  final ParsedName parsed;
  final PreparedPart family;
  final PreparedPart given;
  final PreparedPart patronymic;

  /** A former or maiden family name, or null: either family name matches. */
  final PreparedPart otherFamily;

  PreparedName(ParsedName parsed) {
    this.parsed = parsed;
    int conventions = Convention.of(parsed);
    this.otherFamily =
        parsed.otherFamily().isEmpty() ? null : new PreparedPart(parsed.otherFamily(), conventions);
    this.family = new PreparedPart(parsed.family(), conventions);
    this.given = new PreparedPart(parsed.given(), conventions);
    this.patronymic = new PreparedPart(parsed.patronymic(), conventions);
  }

  /** As read back by {@link NameCodec}, nothing worked out again. */
  PreparedName(
      ParsedName parsed,
      PreparedPart family,
      PreparedPart given,
      PreparedPart patronymic,
      PreparedPart otherFamily) {
    this.parsed = parsed;
    this.family = family;
    this.given = given;
    this.patronymic = patronymic;
    this.otherFamily = otherFamily;
  }

  private PreparedName(PreparedName name, PreparedPart family) {
    this.parsed = name.parsed;
    this.family = family;
    this.given = name.given;
    this.patronymic = name.patronymic;
    this.otherFamily = null;
  }

  /** The same name with another of its family names in the family's place. */
  PreparedName withFamily(PreparedPart other) {
    return other == family ? this : new PreparedName(this, other);
  }

  public ParsedName parsed() {
    return parsed;
  }

  /** The family name's script-neutral skeleton: the same for every spelling of it. */
  public String familySkeleton() {
    return family.skeletons.get(0);
  }

  /** The given name's skeleton ("" when there is no given name). */
  public String givenSkeleton() {
    return given.empty() ? "" : given.skeletons.get(0);
  }

  /** The patronymic's skeleton ("" when there is none). */
  public String patronymicSkeleton() {
    return patronymic.empty() ? "" : patronymic.skeletons.get(0);
  }

  /** The skeleton of a part: 0 family, 1 given, 2 patronymic ("" when the part is missing). */
  public String skeleton(int part) {
    return switch (part) {
      case 0 -> familySkeleton();
      case 1 -> givenSkeleton();
      case 2 -> patronymicSkeleton();
      default ->
          throw new IllegalArgumentException("part " + part + ": 0 family, 1 given, 2 patronymic");
    };
  }
}
