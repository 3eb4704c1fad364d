package org.handover.server.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.handover.core.matching.PersonRecord;
import org.handover.core.matching.Ranks;
import org.handover.core.registry.PartialDate;
import org.handover.core.registry.Person;
import org.handover.core.registry.Sex;
import org.handover.core.rosters.Field;
import org.handover.names.Folding;
import org.handover.names.Names;
import org.handover.names.ParsedName;
import org.handover.names.PreparedName;
import org.handover.server.storage.Columns;
import org.jdbi.v3.core.Handle;

/** The registry's persons and a roster's entries as the matching engine compares them. */
public final class MatchRecords {
  private MatchRecords() {}

  /**
   * The persons of these ids not merged into another (every such person when {@code ids} is empty),
   * each with its version, prepared in parallel, in id order.
   */
  static List<Versioned> versioned(Handle h, List<Long> ids) {
    List<PersonRecord> records = persons(h, ids);
    Map<Long, Integer> versions = new HashMap<>();
    h.createQuery("SELECT id, version FROM persons WHERE id IN (<ids>)")
        .bindList("ids", ids)
        .map((rs, ctx) -> versions.put(rs.getLong("id"), rs.getInt("version")))
        .forEach(x -> {});
    return records.stream().map(r -> new Versioned(r, versions.get(r.id()))).toList();
  }

  /** A person as matching compares it, and the version of the person it was made from. */
  record Versioned(PersonRecord record, int version) {}

  private static List<PersonRecord> persons(Handle h, List<Long> ids) {
    String only = ids.isEmpty() ? "" : " AND id IN (<ids>)";
    Map<Long, List<ParsedName>> parsed = new HashMap<>();
    var names =
        h.createQuery(
            "SELECT person_id, family, given, patronymic FROM person_names"
                + (ids.isEmpty() ? "" : " WHERE person_id IN (<ids>)")
                + " ORDER BY person_id, position");
    if (!ids.isEmpty()) {
      names.bindList("ids", ids);
    }
    names
        .map(
            (rs, ctx) ->
                parsed
                    .computeIfAbsent(rs.getLong("person_id"), k -> new ArrayList<>(2))
                    .add(
                        new ParsedName(
                            rs.getString("family"),
                            rs.getString("given"),
                            rs.getString("patronymic"),
                            ParsedName.Order.FAMILY_FIRST,
                            1)))
        .forEach(x -> {});
    // a merged record is matched as the person it became, under that person's id
    var query =
        h.createQuery(
            "SELECT id, reference, birth_year, birth_month, birth_day,"
                + " birth_place, father_name, service_number_key, sex, unit, rank_title FROM persons"
                + " WHERE merged_into IS NULL"
                + only
                + " ORDER BY id");
    if (!ids.isEmpty()) {
      query.bindList("ids", ids);
    }
    List<Row> rows =
        query
            .map(
                (rs, ctx) ->
                    new Row(
                        rs.getLong("id"),
                        rs.getString("reference"),
                        Columns.birthDate(rs),
                        rs.getString("birth_place"),
                        rs.getString("father_name"),
                        rs.getString("service_number_key"),
                        rs.getString("sex"),
                        rs.getString("unit"),
                        rs.getString("rank_title")))
            .list();
    return rows.parallelStream()
        .map(
            r ->
                new PersonRecord(
                    r.id(),
                    r.reference(),
                    parsed.getOrDefault(r.id(), List.of()).stream().map(Names::prepare).toList(),
                    r.born(),
                    place(r.place()),
                    r.father(),
                    r.serviceNumber(),
                    "unknown".equals(r.sex()) ? "" : r.sex(),
                    unit(r.unit()),
                    Ranks.grade(r.rank())))
        .toList();
  }

  /** A person's row as read, before its names are prepared. */
  private record Row(
      long id,
      String reference,
      Optional<PartialDate> born,
      String place,
      String father,
      String serviceNumber,
      String sex,
      String unit,
      String rank) {}

  /**
   * A list's row as the engine compares it: its name as read (and, when the order of a full name
   * was a guess, the other reading too), date of birth, and the fields the list gives, by field
   * key.
   */
  public static PersonRecord of(
      int row,
      String family,
      String given,
      String patronymic,
      Optional<PartialDate> born,
      Map<String, String> f) {
    String sex = value(f, Field.SEX).toLowerCase(Locale.ROOT);
    List<PreparedName> names = new ArrayList<>();
    names.add(
        Names.prepare(new ParsedName(family, given, patronymic, ParsedName.Order.FAMILY_FIRST, 1)));
    String full = value(f, Field.FULL_NAME);
    if (!full.isEmpty() && !given.isEmpty() && Names.parse(full).confidence() < 0.75) {
      // "VOVK IVAN": the order was a guess, so the other reading is compared too
      names.add(
          Names.prepare(new ParsedName(given, family, patronymic, ParsedName.Order.UNKNOWN, 0.5)));
    }
    return new PersonRecord(
        row,
        String.valueOf(row),
        names,
        born,
        place(value(f, Field.BIRTH_PLACE)),
        value(f, Field.FATHER_NAME),
        Folding.fold(value(f, Field.SERVICE_NUMBER)).replace(" ", ""),
        sex.startsWith("ч") || sex.startsWith("м") || sex.startsWith("m")
            ? "male"
            : sex.startsWith("ж") || sex.startsWith("f") ? "female" : "",
        unit(value(f, Field.UNIT)),
        Ranks.grade(value(f, Field.RANK)));
  }

  /**
   * A field's value, at most 500 characters: a cell that swallowed half a file through a stray
   * quote is no place of birth, and a record is kept in bytes that hold 64 KB a string.
   */
  private static String value(Map<String, String> f, Field field) {
    String v = f.getOrDefault(field.key(), "");
    return v.length() > 500 ? v.substring(0, 500) : v;
  }

  /** A person not yet stored (benchmarks, tests), compared as the registry's are. */
  public static PersonRecord of(long id, Person p) {
    List<PreparedName> names = new ArrayList<>();
    p.names()
        .forEach(
            n ->
                names.add(
                    Names.prepare(
                        new ParsedName(
                            n.family(),
                            n.given(),
                            n.patronymic(),
                            ParsedName.Order.FAMILY_FIRST,
                            1))));
    return new PersonRecord(
        id,
        p.reference(),
        names,
        p.birthDate(),
        place(p.birthPlace()),
        p.fatherName(),
        Folding.fold(p.serviceNumber()).replace(" ", ""),
        p.sex() == Sex.UNKNOWN ? "" : p.sex().key(),
        unit(p.unit()),
        Ranks.grade(p.rank()));
  }

  /** A place as written, without "м.", "с.", "г." and the like before it ("м. Київ" is Київ). */
  static String place(String p) {
    return p.isBlank() ? "" : SETTLEMENT.matcher(p.strip()).replaceFirst("");
  }

  private static final java.util.regex.Pattern SETTLEMENT =
      java.util.regex.Pattern.compile("^(?iu)(м|с|смт|г|пос|с-ще|сел|село|місто|город)\\.?\\s+");

  private static final java.util.regex.Pattern NOT_DIGIT = java.util.regex.Pattern.compile("\\D");

  /** A unit by its digits: "в/ч А1234" and "A-1234" are one unit. */
  static String unit(String u) {
    return NOT_DIGIT.matcher(u).replaceAll("");
  }
}
