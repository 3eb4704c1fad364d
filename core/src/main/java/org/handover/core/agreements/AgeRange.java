package org.handover.core.agreements;

/** Ages from {@code from} to {@code to}, both included, on the date eligibility is asked for. */
public record AgeRange(int from, int to) {
  public AgeRange {
    if (from < 0 || to > 150) {
      throw new SelectionException("error.selection.age-bounds", from + "-" + to);
    }
    if (from > to) {
      throw new SelectionException("error.selection.age-upside-down", from + "-" + to);
    }
  }

  /** "18-25", or one age "18". */
  static AgeRange parse(String text) {
    String[] parts = text.strip().split("\\s*[-–]\\s*", -1);
    try {
      if (parts.length == 1) {
        int age = Integer.parseInt(parts[0]);
        return new AgeRange(age, age);
      }
      if (parts.length == 2) {
        return new AgeRange(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
      }
    } catch (NumberFormatException e) {
      // named below
    }
    throw new SelectionException("error.selection.age-format", text);
  }

  @Override
  public String toString() {
    return from == to ? String.valueOf(from) : from + "-" + to;
  }
}
