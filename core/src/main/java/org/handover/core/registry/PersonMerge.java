package org.handover.core.registry;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One person recorded twice, made one: the kept record's fields stand; every spelling of the other
 * is added (with its source) unless the kept one has it already; a field the kept record lacks is
 * taken from the other; categories are joined; the notes say what was merged. Nothing the other
 * record knew is lost, and where the two disagree the kept record wins and the other stays readable
 * in the journal.
 */
public final class PersonMerge {
  private PersonMerge() {}

  public static Person of(Person keep, Person other, String otherLabel) {
    List<Name> names = new ArrayList<>(keep.names());
    for (Name n : other.names()) {
      boolean known =
          names.stream()
              .anyMatch(
                  k ->
                      k.script() == n.script()
                          && k.family().equals(n.family())
                          && k.given().equals(n.given())
                          && k.patronymic().equals(n.patronymic()));
      if (!known && names.size() < PersonForm.MAX_NAMES) {
        names.add(n);
      }
    }
    Set<Category> categories = EnumSet.noneOf(Category.class);
    categories.addAll(keep.categories());
    categories.addAll(other.categories());
    String note = "Merged with " + otherLabel + ".";
    String notes = keep.notes().isEmpty() ? note : keep.notes() + "\n" + note;
    if (notes.length() > Person.MAX_NOTES) {
      notes = notes.substring(0, Person.MAX_NOTES);
    }
    return keep.toBuilder()
        .reference(or(keep.reference(), other.reference()))
        .names(names)
        .sex(keep.sex() == Sex.UNKNOWN ? other.sex() : keep.sex())
        .birthDate(or(keep.birthDate(), other.birthDate()))
        .birthPlace(or(keep.birthPlace(), other.birthPlace()))
        .fatherName(or(keep.fatherName(), other.fatherName()))
        .motherMaidenName(or(keep.motherMaidenName(), other.motherMaidenName()))
        .citizenship(or(keep.citizenship(), other.citizenship()))
        .dependsOn(or(keep.dependsOn(), other.dependsOn()))
        .serviceNumber(or(keep.serviceNumber(), other.serviceNumber()))
        .rank(or(keep.rank(), other.rank()))
        .unit(or(keep.unit(), other.unit()))
        .lastResidence(or(keep.lastResidence(), other.lastResidence()))
        .marks(or(keep.marks(), other.marks()))
        .personToInform(or(keep.personToInform(), other.personToInform()))
        .categories(categories)
        .holdingParty(or(keep.holdingParty(), other.holdingParty()))
        .notes(notes)
        .build();
  }

  private static String or(String a, String b) {
    return a.isBlank() ? b : a;
  }

  private static <T> Optional<T> or(Optional<T> a, Optional<T> b) {
    return a.isPresent() ? a : b;
  }
}
