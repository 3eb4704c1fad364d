package org.handover.core.registry;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.handover.core.parties.Party;

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
    return toBuilder().id(newId).build();
  }

  /** A builder holding this person's values, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.reference = reference;
    b.kind = kind;
    b.names = names;
    b.sex = sex;
    b.birthDate = birthDate;
    b.birthPlace = birthPlace;
    b.fatherName = fatherName;
    b.motherMaidenName = motherMaidenName;
    b.citizenship = citizenship;
    b.dependsOn = dependsOn;
    b.serviceNumber = serviceNumber;
    b.rank = rank;
    b.unit = unit;
    b.lastResidence = lastResidence;
    b.marks = marks;
    b.personToInform = personToInform;
    b.categories = categories;
    b.status = status;
    b.holdingParty = holdingParty;
    b.tracingConsent = tracingConsent;
    b.notes = notes;
    return b;
  }

  /**
   * A person built field by field; what is not set is empty (no date, no party, status missing, sex
   * unknown, a service member).
   *
   * <pre>{@code
   * Person p = Person.builder().names(List.of(name)).birthDate(Optional.of(born)).status(Status.CAPTIVE).build();
   * }</pre>
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Person}; the record's constructor checks the values. */
  public static final class Builder {
    private long id = 0;
    private String reference = "";
    private Kind kind = Kind.SERVICE_MEMBER;
    private List<Name> names = List.of();
    private Sex sex = Sex.UNKNOWN;
    private Optional<PartialDate> birthDate = Optional.empty();
    private String birthPlace = "";
    private String fatherName = "";
    private String motherMaidenName = "";
    private String citizenship = "";
    private Optional<Party> dependsOn = Optional.empty();
    private String serviceNumber = "";
    private String rank = "";
    private String unit = "";
    private String lastResidence = "";
    private String marks = "";
    private String personToInform = "";
    private Set<Category> categories = Set.of();
    private Status status = Status.MISSING;
    private Optional<Party> holdingParty = Optional.empty();
    private boolean tracingConsent = false;
    private String notes = "";

    private Builder() {}

    public Builder id(long id) {
      this.id = id;
      return this;
    }

    public Builder reference(String reference) {
      this.reference = reference;
      return this;
    }

    public Builder kind(Kind kind) {
      this.kind = kind;
      return this;
    }

    public Builder names(List<Name> names) {
      this.names = names;
      return this;
    }

    public Builder sex(Sex sex) {
      this.sex = sex;
      return this;
    }

    public Builder birthDate(Optional<PartialDate> birthDate) {
      this.birthDate = birthDate;
      return this;
    }

    public Builder birthPlace(String birthPlace) {
      this.birthPlace = birthPlace;
      return this;
    }

    public Builder fatherName(String fatherName) {
      this.fatherName = fatherName;
      return this;
    }

    public Builder motherMaidenName(String motherMaidenName) {
      this.motherMaidenName = motherMaidenName;
      return this;
    }

    public Builder citizenship(String citizenship) {
      this.citizenship = citizenship;
      return this;
    }

    public Builder dependsOn(Optional<Party> dependsOn) {
      this.dependsOn = dependsOn;
      return this;
    }

    public Builder serviceNumber(String serviceNumber) {
      this.serviceNumber = serviceNumber;
      return this;
    }

    public Builder rank(String rank) {
      this.rank = rank;
      return this;
    }

    public Builder unit(String unit) {
      this.unit = unit;
      return this;
    }

    public Builder lastResidence(String lastResidence) {
      this.lastResidence = lastResidence;
      return this;
    }

    public Builder marks(String marks) {
      this.marks = marks;
      return this;
    }

    public Builder personToInform(String personToInform) {
      this.personToInform = personToInform;
      return this;
    }

    public Builder categories(Set<Category> categories) {
      this.categories = categories;
      return this;
    }

    public Builder status(Status status) {
      this.status = status;
      return this;
    }

    public Builder holdingParty(Optional<Party> holdingParty) {
      this.holdingParty = holdingParty;
      return this;
    }

    public Builder tracingConsent(boolean tracingConsent) {
      this.tracingConsent = tracingConsent;
      return this;
    }

    public Builder notes(String notes) {
      this.notes = notes;
      return this;
    }

    public Person build() {
      return new Person(
          id,
          reference,
          kind,
          names,
          sex,
          birthDate,
          birthPlace,
          fatherName,
          motherMaidenName,
          citizenship,
          dependsOn,
          serviceNumber,
          rank,
          unit,
          lastResidence,
          marks,
          personToInform,
          categories,
          status,
          holdingParty,
          tracingConsent,
          notes);
    }
  }

  /**
   * Recorded categories plus those derived at {@code date}; a partial date counts only where it is
   * certain.
   */
  public Set<Category> categoriesAt(LocalDate date) {
    EnumSet<Category> all =
        categories.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(categories);
    if (kind == Kind.CIVILIAN) {
      all.add(Category.CIVILIAN);
    }
    if (birthDate.isPresent()) {
      PartialDate b = birthDate.get();
      // the oldest the person can be: a child only when under 18 on every possible birthday
      int oldest = Ages.years(b.earliest(), date);
      if (oldest < 18 && oldest >= 0) {
        all.add(Category.CHILD);
      }
    }
    return all;
  }
}
