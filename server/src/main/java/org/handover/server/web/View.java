package org.handover.server.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.handover.core.accounts.Permission;
import org.handover.core.parties.Party;
import org.handover.core.parties.PartyBook;
import org.handover.server.accounts.User;
import org.handover.server.i18n.Messages;

/**
 * What every template gets: the user's messages, the user (if logged in), the CSRF token for its
 * forms, the path of the page (so the language switch can come back to it), the navigation and the
 * parties known to this installation.
 */
public record View(
    Messages messages,
    Optional<User> user,
    String csrf,
    String path,
    List<Nav> navigation,
    PartyBook parties) {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(ZoneId.systemDefault());

  public String t(String key, Object... args) {
    return messages.get(key, args);
  }

  public String lang() {
    return messages.language();
  }

  /** Whether the user's role holds the permission (pages hide what the server would refuse). */
  public boolean can(Permission permission) {
    return user.map(u -> u.role().permits(permission)).orElse(false);
  }

  /**
   * Whether this reader may see relatives' contacts (a person to inform, a relative's contact, a
   * DNA donor): never a user of another party than the one this installation works for.
   */
  public boolean seesContacts() {
    return user.map(u -> !u.outsider()).orElse(false);
  }

  /** Fields that hold a relative's name or contact. */
  private static final java.util.Set<String> RELATIVES_CONTACTS =
      java.util.Set.of("person_to_inform", "contact", "donor");

  /** A child's health in the journal: shown to whoever sees it on the child's page. */
  private static final java.util.Set<String> HEALTH = java.util.Set.of("health", "blood-group");

  /** The navigation links this user may follow. */
  public List<Nav> links() {
    return navigation.stream().filter(n -> can(n.permission())).toList();
  }

  /** A party's name in the user's language; its code when this installation does not know it. */
  public String party(Party party) {
    return parties.name(party, lang());
  }

  /**
   * A person's name as this reader can read it: on English pages, in Latin letters (KMU 2010 for a
   * Ukrainian spelling, ICAO 9303 otherwise) followed by the name as written; as written elsewhere.
   */
  public String personName(String asWritten) {
    return romanized(asWritten) ? personNameBefore(asWritten) + asWritten + ")" : asWritten;
  }

  /**
   * What {@link #personName} puts before the name as written ("Koshelenko Anatolii (" on the
   * English page, else nothing): a name shown in marked pieces (what differs between two lists) is
   * romanized whole before them, not piece by piece.
   */
  public String personNameBefore(String asWritten) {
    if (!romanized(asWritten)) {
      return "";
    }
    org.handover.names.Romanization system =
        russian(asWritten)
            ? org.handover.names.Romanization.ICAO9303
            : org.handover.names.Romanization.KMU2010;
    return system.romanize(asWritten) + " (";
  }

  /** What {@link #personName} puts after the name as written: ")" or nothing. */
  public String personNameAfter(String asWritten) {
    return romanized(asWritten) ? ")" : "";
  }

  private boolean romanized(String asWritten) {
    return lang().equals("en") && asWritten.chars().anyMatch(c -> c >= 0x0400 && c <= 0x04ff);
  }

  /**
   * Whether a name is spelled the Russian way: letters only Russian has, a patronymic in -евич,
   * -овна, -евна, or a given name in -ий, -ей (Дмитрий, Сергей; Ukrainian: Дмитро, Сергій). A
   * Ukrainian letter (і, ї, є, ґ) or an apostrophe says Ukrainian first.
   */
  static boolean russian(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    if (n.matches("(?s).*[іїєґ'’ʼ].*")) {
      return false;
    }
    if (n.matches("(?s).*[ыэъё].*")) {
      return true;
    }
    String[] words = n.strip().split("\\s+");
    for (String w : words) {
      if (w.endsWith("евич") || w.endsWith("овна") || w.endsWith("евна")) {
        return true;
      }
    }
    if (words.length < 2) {
      return false;
    }
    String given = words[1];
    if (given.endsWith("ий")
        || given.endsWith("ей")
        || given.endsWith("ай")
        || given.endsWith("ия")
        || given.endsWith("ья")
        || RUSSIAN_GIVEN.contains(given)) {
      return true;
    }
    // a Russian form of a name inside the patronymic (Владимирович; Ukrainian: Володимирович)
    return words.length > 2 && RUSSIAN_GIVEN.stream().anyMatch(g -> words[2].startsWith(g));
  }

  /** Given names spelled so only in Russian, with none of the letters that would say it. */
  private static final java.util.Set<String> RUSSIAN_GIVEN =
      java.util.Set.of(
          "петр",
          "павел",
          "михаил",
          "владимир",
          "александр",
          "федор",
          "яков",
          "лев",
          "елена",
          "екатерина",
          "надежда",
          "светлана",
          "вера");

  public String username() {
    return user.map(User::username).orElse("");
  }

  /** Words the journal's values are keys of, by the field that holds them. */
  private static final java.util.Map<String, String> VALUE_WORDS =
      java.util.Map.ofEntries(
          java.util.Map.entry("kind", "kind."),
          java.util.Map.entry("status", "status."),
          java.util.Map.entry("sex", "sex."),
          java.util.Map.entry("categories", "category."),
          java.util.Map.entry("outcome", "outcome."),
          java.util.Map.entry("consent", "consent."),
          java.util.Map.entry("obstacle", "obstacle."),
          java.util.Map.entry("repatriation_by", "decided-by."),
          java.util.Map.entry("role", "role."),
          java.util.Map.entry("purpose", "purpose."),
          java.util.Map.entry("decision", "decision-word."),
          java.util.Map.entry("format", "export-format."),
          java.util.Map.entry("signature", "roster.signature."),
          java.util.Map.entry("only", "verified.only."));

  /** Values whose words depend on what was done: a state of remains is not a state of a case. */
  private static final java.util.Map<String, String> ACTION_VALUE_WORDS =
      java.util.Map.ofEntries(
          java.util.Map.entry("remains.move.place", "remains.place."),
          java.util.Map.entry("remains.identify.methods", "remains.method."),
          java.util.Map.entry("remains.identify.status", "remains.status."),
          java.util.Map.entry("remains.identify.state", "remains.status."),
          java.util.Map.entry("remains.revoke.status", "remains.status."),
          java.util.Map.entry("remains.revoke.state", "remains.status."),
          java.util.Map.entry("commitment.progress.state", "implementation."),
          java.util.Map.entry("tracing.move.state", "tracing.state."),
          java.util.Map.entry("tracing.move.cleared", "field."),
          java.util.Map.entry("agreement.provision.kind", "provision-kind."),
          java.util.Map.entry("retention.delete.deleted", "retention.deleted."),
          java.util.Map.entry("retention.delete.retention", "retention.kind."),
          java.util.Map.entry("retention.period.id", "retention.kind."));

  private static final java.util.Set<String> PARTY_FIELDS =
      java.util.Set.of(
          "holding_party",
          "depends_on",
          "witnessed_by",
          "own",
          "from",
          "to",
          "belongs_to",
          "parties");

  /**
   * A romanization system by its standard's name (KMU 2010); a system Handover does not know as
   * written.
   */
  public String nameSystem(String key) {
    for (org.handover.names.Romanization r : org.handover.names.Romanization.values()) {
      if (r.key().equals(key)) {
        return r.title();
      }
    }
    return key;
  }

  /** Where a spelling comes from, in words when it is one of Handover's own sources. */
  public String nameSource(String source) {
    return messages.has("source." + source) ? t("source." + source) : source;
  }

  /** A field's name as the journal's entry of {@code action} means it. */
  public String fieldLabel(String action, String field) {
    String key = "journal-field." + action + "." + field;
    return messages.has(key) ? t(key) : fieldLabel(field);
  }

  /** A value as the journal's entry of {@code action} means it. */
  public String fieldValue(String action, String field, String value) {
    if (!seesContacts() && RELATIVES_CONTACTS.contains(field) && !value.isEmpty()) {
      return t("contacts.withheld");
    }
    if (HEALTH.contains(field)
        && !value.isEmpty()
        && !(can(Permission.MANAGE_TRACING) && seesContacts())) {
      return t("health.withheld"); // as on the child's page
    }
    if (field.equals("lab_reference") && !can(Permission.RECORD_REMAINS)) {
      return t("dna.withheld"); // DNA serves identification only
    }
    String prefix = ACTION_VALUE_WORDS.get(action + "." + field);
    return prefix == null ? fieldValue(field, value) : words(prefix, value);
  }

  private String words(String prefix, String value) {
    java.util.List<String> words = new java.util.ArrayList<>();
    for (String part : value.split(",")) {
      String key = prefix + part.strip();
      words.add(messages.has(key) ? t(key) : part.strip());
    }
    return String.join(", ", words);
  }

  /**
   * A value the journal kept, as this reader reads it: a kind, status or outcome in words, a party
   * by its name, yes or no; anything else as it was written.
   */
  public String fieldValue(String field, String value) {
    if (value.isEmpty()) {
      return value;
    }
    if (!seesContacts() && RELATIVES_CONTACTS.contains(field)) {
      return t("contacts.withheld");
    }
    if (value.equals("true") || value.equals("on")) {
      return t("common.yes");
    }
    if (value.equals("false")) {
      return t("common.no");
    }
    if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return date(LocalDate.parse(value)); // as dates are written here
    }
    String last = field.substring(field.lastIndexOf('.') + 1); // name.0.script -> script
    if (last.equals("system")) {
      return nameSystem(value);
    }
    if (last.equals("script") || last.equals("source") || field.equals("locale")) {
      String key = (field.equals("locale") ? "language" : last) + "." + value;
      return messages.has(key) ? t(key) : value;
    }
    if (PARTY_FIELDS.contains(field)) {
      // one party, or a list of them as the journal kept it: [UA, RU]
      java.util.List<String> names = new java.util.ArrayList<>();
      for (String code : value.replaceAll("^\\[|\\]$", "").split(",")) {
        try {
          names.add(party(Party.of(code.strip())));
        } catch (IllegalArgumentException e) {
          names.add(code.strip());
        }
      }
      return String.join(", ", names);
    }
    String prefix = VALUE_WORDS.get(field);
    return prefix == null ? value : words(prefix, value);
  }

  /**
   * A journal field's label: "Family name (2)" for name.1.family, the key itself when it has none.
   */
  public String fieldLabel(String key) {
    if (key.startsWith("name.")) {
      String[] parts = key.split("\\.");
      if (parts.length == 3) {
        return t("field." + parts[2]) + " (" + (Integer.parseInt(parts[1]) + 1) + ")";
      }
    }
    return messages.has("field." + key) ? t("field." + key) : key;
  }

  /**
   * A matching field's or level's name in the user's language ("date of birth", "one digit off").
   */
  public String matchTerm(String english) {
    String key = "match-term." + english.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return messages.has(key) ? t(key) : english;
  }

  public String url(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public String date(LocalDate d) {
    return org.handover.server.i18n.Days.written(d);
  }

  public String time(long millis) {
    return TIME.format(Instant.ofEpochMilli(millis));
  }
}
