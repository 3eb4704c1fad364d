package org.handover.core.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.handover.core.parties.Party;

/**
 * What a user typed for a person, field by field, read into a {@link Person} or into the list of
 * {@link Problem}s that stop it. The web form and the CLI both go through here, so both refuse the
 * same input with the same message keys.
 *
 * <pre>{@code
 * PersonForm form = new PersonForm(Map.of("name.0.family", "Ковальчук", "birth_date", "31.02.1999"));
 * form.read(0, LocalDate.now()).problems()  // [Problem[field=birth_date, key=error.date.impossible, ...]]
 * }</pre>
 *
 * Names are {@code name.N.script|system|family|given|patronymic|source}; a row with every part
 * empty is ignored. Categories are comma-separated keys.
 */
public final class PersonForm {
  public static final int MAX_NAMES = 20;
  private final Map<String, String> values;
  private final Predicate<Party> known;

  public PersonForm(Map<String, String> values) {
    this(values, party -> true);
  }

  /** A form whose party fields must name one of the parties {@code known} accepts. */
  public PersonForm(Map<String, String> values, Predicate<Party> known) {
    this.known = known;
    this.values = new LinkedHashMap<>(values);
  }

  public String get(String field) {
    String v = values.get(field);
    return v == null ? "" : v.strip();
  }

  /** The result of reading a form: a person, or the problems (never both). */
  public record Result(Optional<Person> person, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public Result read(long id, LocalDate today) {
    List<Problem> problems = new ArrayList<>();
    List<Name> names = readNames(problems);
    Kind kind = choice("kind", Kind::fromKey, Kind.SERVICE_MEMBER, problems);
    Sex sex = choice("sex", Sex::fromKey, Sex.UNKNOWN, problems);
    Status status = choice("status", Status::fromKey, Status.MISSING, problems);
    Optional<Party> dependsOn =
        Optional.ofNullable(choice("depends_on", this::knownParty, null, problems));
    Optional<Party> holding =
        Optional.ofNullable(choice("holding_party", this::knownParty, null, problems));
    Optional<PartialDate> birth = birthDate(today, problems);
    Set<Category> categories = categories(problems);
    Map<String, String> texts = new LinkedHashMap<>();
    for (String f :
        List.of(
            "reference",
            "birth_place",
            "father_name",
            "mother_maiden_name",
            "citizenship",
            "service_number",
            "rank",
            "unit",
            "last_residence",
            "person_to_inform")) {
      texts.put(f, text(f, Person.MAX_TEXT, problems));
    }
    String marks = text("marks", Person.MAX_NOTES, problems);
    String notes = text("notes", Person.MAX_NOTES, problems);
    String consent = get("tracing_consent");
    if (!problems.isEmpty()) {
      return new Result(Optional.empty(), List.copyOf(problems));
    }
    Person p =
        new Person(
            id,
            texts.get("reference"),
            kind,
            names,
            sex,
            birth,
            texts.get("birth_place"),
            texts.get("father_name"),
            texts.get("mother_maiden_name"),
            texts.get("citizenship"),
            dependsOn,
            texts.get("service_number"),
            texts.get("rank"),
            texts.get("unit"),
            texts.get("last_residence"),
            marks,
            texts.get("person_to_inform"),
            categories,
            status,
            holding,
            consent.equals("on") || consent.equals("true") || consent.equals("yes"),
            notes);
    return new Result(Optional.of(p), List.of());
  }

  /**
   * The basis of a new status a form gives: its date (today when none), its source and a note; each
   * bad value is added to the problems.
   */
  public StatusBasis statusBasis(LocalDate today, List<Problem> problems) {
    LocalDate since = statusSince(today, problems);
    StatusSource source = StatusSource.UNSTATED;
    String s = get("status_source");
    if (!s.isEmpty()) {
      try {
        source = StatusSource.fromKey(s);
        if (!source.chosenByHand()) {
          throw new IllegalArgumentException("written by the ledgers only");
        }
      } catch (IllegalArgumentException e) {
        problems.add(Problem.of("status_source", "error.status-source.unknown", s));
      }
    }
    String note = get("status_note");
    if (note.length() > Person.MAX_TEXT) {
      problems.add(Problem.of("status_note", "error.too-long", String.valueOf(Person.MAX_TEXT)));
      note = "";
    }
    return new StatusBasis(since, source, note);
  }

  /** The status date a form gives, or today when it gives none. */
  public LocalDate statusSince(LocalDate today, List<Problem> problems) {
    String v = get("status_since");
    if (v.isEmpty()) {
      return today;
    }
    try {
      PartialDate d = PartialDate.parse(v);
      if (d.day().isEmpty()) {
        problems.add(Problem.of("status_since", "error.date.full-required", v));
        return today;
      }
      if (d.after(today)) {
        problems.add(Problem.of("status_since", "error.date.future", v));
      }
      return d.earliest();
    } catch (PartialDate.InvalidDateException e) {
      problems.add(Problem.of("status_since", "error.date.impossible", v));
      return today;
    }
  }

  /** A name's parts as the form's fields name them. */
  private static final List<String> PARTS =
      List.of("family", "given", "patronymic", "system", "source", "script");

  /** "name.3.given": made once, not for each of a million rows read. */
  private static final String[][] KEYS = new String[MAX_NAMES][PARTS.size()];

  static {
    for (int i = 0; i < MAX_NAMES; i++) {
      for (int k = 0; k < PARTS.size(); k++) {
        KEYS[i][k] = "name." + i + "." + PARTS.get(k);
      }
    }
  }

  private List<Name> readNames(List<Problem> problems) {
    List<Name> names = new ArrayList<>();
    for (int i = 0; i < MAX_NAMES; i++) {
      String[] key = KEYS[i];
      String family = get(key[0]);
      String given = get(key[1]);
      String patronymic = get(key[2]);
      if (family.isEmpty() && given.isEmpty() && patronymic.isEmpty()) {
        if (i == 0) {
          problems.add(Problem.of(key[0], "error.required"));
        }
        continue;
      }
      if (family.isEmpty()
          && given.isEmpty()) { // a family name unknown, the given name known: kept
        problems.add(Problem.of(key[0], "error.required"));
        continue;
      }
      boolean fits = true;
      for (int k = 0; k < 5; k++) {
        if (get(key[k]).length() > Name.MAX_LENGTH) {
          problems.add(Problem.of(key[k], "error.too-long", String.valueOf(Name.MAX_LENGTH)));
          fits = false;
        }
      }
      String scriptKey = get(key[5]);
      Script script;
      try {
        script =
            scriptKey.isEmpty()
                ? guessScript(family + given + patronymic)
                : Script.fromKey(scriptKey);
      } catch (IllegalArgumentException e) {
        problems.add(Problem.of(key[5], "error.unknown-value", scriptKey));
        continue;
      }
      if (fits) {
        names.add(new Name(script, get(key[3]), family, given, patronymic, get(key[4])));
      }
    }
    return names;
  }

  /**
   * Latin when there is no Cyrillic; Russian when a letter only Russian has appears; else
   * Ukrainian.
   */
  public static Script guessScript(String text) {
    boolean cyrillic = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("ыэёъЫЭЁЪ".indexOf(c) >= 0) {
        return Script.RU;
      }
      cyrillic |= c >= '\u0400' && c <= '\u04FF'; // the Cyrillic block
    }
    return cyrillic ? Script.UK : Script.LATIN;
  }

  private Optional<PartialDate> birthDate(LocalDate today, List<Problem> problems) {
    String v = get("birth_date");
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      PartialDate d = PartialDate.parse(v);
      if (d.after(today)) {
        problems.add(Problem.of("birth_date", "error.date.future", v));
        return Optional.empty();
      }
      return Optional.of(d);
    } catch (PartialDate.InvalidDateException e) {
      problems.add(Problem.of("birth_date", "error.date.impossible", v));
      return Optional.empty();
    }
  }

  /** Between categories: commas or spaces (a String.split of it made a pattern each row). */
  private static final java.util.regex.Pattern CATEGORY_BREAK =
      java.util.regex.Pattern.compile("[,\\s]+");

  private Set<Category> categories(List<Problem> problems) {
    EnumSet<Category> set = EnumSet.noneOf(Category.class);
    for (String key : CATEGORY_BREAK.split(get("categories"))) {
      if (key.isEmpty()) {
        continue;
      }
      try {
        Category c = Category.fromKey(key);
        if (c.derived()) {
          problems.add(Problem.of("categories", "error.category.derived", key));
        } else {
          set.add(c);
        }
      } catch (IllegalArgumentException e) {
        problems.add(Problem.of("categories", "error.unknown-value", key));
      }
    }
    return set;
  }

  private Party knownParty(String code) {
    Party p = Party.fromKey(code);
    if (!known.test(p)) {
      throw new IllegalArgumentException("party: unknown party " + code);
    }
    return p;
  }

  private <T> T choice(
      String field, Function<String, T> parse, T fallback, List<Problem> problems) {
    String v = get(field);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      return parse.apply(v);
    } catch (IllegalArgumentException e) {
      problems.add(Problem.of(field, "error.unknown-value", v));
      return fallback;
    }
  }

  private String text(String field, int max, List<Problem> problems) {
    String v = get(field);
    if (v.length() > max) {
      problems.add(Problem.of(field, "error.too-long", String.valueOf(max)));
      return "";
    }
    return v;
  }

  /** The form's fields for an existing person, for an edit page. */
  public static Map<String, String> of(Person p) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < p.names().size(); i++) {
      Name n = p.names().get(i);
      String prefix = "name." + i + ".";
      m.put(prefix + "script", n.script().key());
      m.put(prefix + "system", n.system());
      m.put(prefix + "family", n.family());
      m.put(prefix + "given", n.given());
      m.put(prefix + "patronymic", n.patronymic());
      m.put(prefix + "source", n.source());
    }
    m.put("reference", p.reference());
    m.put("kind", p.kind().key());
    m.put("sex", p.sex().key());
    m.put("birth_date", p.birthDate().map(PartialDate::toString).orElse(""));
    m.put("birth_place", p.birthPlace());
    m.put("father_name", p.fatherName());
    m.put("mother_maiden_name", p.motherMaidenName());
    m.put("citizenship", p.citizenship());
    m.put("depends_on", p.dependsOn().map(Party::key).orElse(""));
    m.put("service_number", p.serviceNumber());
    m.put("rank", p.rank());
    m.put("unit", p.unit());
    m.put("last_residence", p.lastResidence());
    m.put("marks", p.marks());
    m.put("person_to_inform", p.personToInform());
    m.put(
        "categories",
        String.join(",", p.categories().stream().map(Category::key).sorted().toList()));
    m.put("status", p.status().key());
    m.put("holding_party", p.holdingParty().map(Party::key).orElse(""));
    m.put("tracing_consent", p.tracingConsent() ? "on" : "");
    m.put("notes", p.notes());
    return m;
  }
}
