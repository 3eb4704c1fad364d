package org.handover.core.registry;

import org.handover.core.parties.Party;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Someone the registry tracks, with the fields of GC III Art. 17/122, GC IV Art. 138, AP I Art. 78.
 * {@code id} is 0 until the person is stored. {@code names} holds at least one spelling; the first
 * is the one the registry shows. {@code categories} holds recorded categories only; the derived
 * ones come from {@link #categoriesAt(LocalDate)}.
 */
public record Person(
    long id,
    String reference,
    Kind kind,
    List<Name> names,
    Sex sex,
    Optional<PartialDate> birthDate,
    String birthPlace,
    String fatherName,
    String motherMaidenName,
    String citizenship,
    Optional<Party> dependsOn,
    String serviceNumber,
    String rank,
    String unit,
    String lastResidence,
    String marks,
    String personToInform,
    Set<Category> categories,
    Status status,
    Optional<Party> holdingParty,
    boolean tracingConsent,
    String notes) {

  public static final int MAX_TEXT = 200;
  public static final int MAX_NOTES = 4000;

  public Person {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sex, "sex");
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(dependsOn, "dependsOn");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(holdingParty, "holdingParty");
    names = List.copyOf(names);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("names: a person needs at least one name");
    }
    reference = Texts.clean(reference, "reference", MAX_TEXT);
    birthPlace = Texts.clean(birthPlace, "birthPlace", MAX_TEXT);
    fatherName = Texts.clean(fatherName, "fatherName", MAX_TEXT);
    motherMaidenName = Texts.clean(motherMaidenName, "motherMaidenName", MAX_TEXT);
    citizenship = Texts.clean(citizenship, "citizenship", MAX_TEXT);
    serviceNumber = Texts.clean(serviceNumber, "serviceNumber", MAX_TEXT);
    rank = Texts.clean(rank, "rank", MAX_TEXT);
    unit = Texts.clean(unit, "unit", MAX_TEXT);
    lastResidence = Texts.clean(lastResidence, "lastResidence", MAX_TEXT);
    marks = Texts.clean(marks, "marks", MAX_NOTES);
    personToInform = Texts.clean(personToInform, "personToInform", MAX_TEXT);
    notes = Texts.clean(notes, "notes", MAX_NOTES);
    for (Category c : categories) {
      if (c.derived()) {
        throw new IllegalArgumentException("categories: " + c.key() + " is derived, not recorded");
      }
    }
    categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
  }

  /** The spelling the registry shows. */
  public Name primaryName() {
    return names.get(0);
  }

  public Person withId(long newId) {
    return new Person(newId, reference, kind, names, sex, birthDate, birthPlace, fatherName, motherMaidenName,
        citizenship, dependsOn, serviceNumber, rank, unit, lastResidence, marks, personToInform, categories,
        status, holdingParty, tracingConsent, notes);
  }

  /** Recorded categories plus those derived at {@code date}; a partial date counts only where it is certain. */
  public Set<Category> categoriesAt(LocalDate date) {
    EnumSet<Category> all = categories.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(categories);
    if (kind == Kind.CIVILIAN) {
      all.add(Category.CIVILIAN);
    }
    if (birthDate.isPresent()) {
      PartialDate b = birthDate.get();
      // age is smallest for the latest possible birthday and largest for the earliest
      int youngest = Ages.years(b.latest(), date);
      int oldest = Ages.years(b.earliest(), date);
      if (youngest >= 18 && oldest <= 25) {
        all.add(Category.AGE_18_25);
      }
      if (oldest < 18 && oldest >= 0) {
        all.add(Category.CHILD);
      }
    }
    return all;
  }
}
