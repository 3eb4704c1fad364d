package org.handover.names;

/** A name parsed, folded, reduced and romanized once, for many comparisons. See {@link Names#prepare}. */
public final class PreparedName {
  final ParsedName parsed;
  final PreparedPart family;
  final PreparedPart given;
  final PreparedPart patronymic;

  PreparedName(ParsedName parsed) {
    this.parsed = parsed;
    this.family = new PreparedPart(parsed.family());
    this.given = new PreparedPart(parsed.given());
    this.patronymic = new PreparedPart(parsed.patronymic());
  }

  public ParsedName parsed() {
    return parsed;
  }
}
