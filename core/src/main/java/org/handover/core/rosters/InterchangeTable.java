package org.handover.core.rosters;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.handover.core.parties.Party;

/**
 * A roster in Handover's JSON interchange format (docs/roster-interchange.schema.json), streamed
 * entry by entry and checked against the schema as it goes: the first violation names its place
 * ("entries[12].family") and stops the import, so that nothing of a broken file is stored. Its
 * columns are fixed: family, given, patronymic, birth-date, then every other field.
 */
public final class InterchangeTable implements Table {
  /** The fixed columns of an interchange file, in order. */
  public static final List<String> HEADER;

  private static final Set<String> PURPOSES =
      Set.of("exchange", "information", "children", "remains");

  static {
    List<String> h = new ArrayList<>(List.of("family", "given", "patronymic", "birth-date"));
    for (Field f : Field.values()) {
      if (!h.contains(f.key()) && f != Field.FULL_NAME) {
        h.add(f.key());
      }
    }
    HEADER = List.copyOf(h);
  }

  private final JsonParser parser;
  private final Map<String, String> roster = new LinkedHashMap<>();
  private int number;

  public InterchangeTable(Path file) throws IOException, RosterFileException {
    this.parser = new JsonFactory().createParser(Files.newInputStream(file));
    try {
      expect(parser.nextToken() == JsonToken.START_OBJECT, "$", "an object");
      boolean format = false;
      boolean version = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        switch (name) {
          case "format" -> {
            expect(
                "handover-roster".equals(parser.getValueAsString()),
                "$.format",
                "\"handover-roster\"");
            format = true;
          }
          case "version" -> {
            expect(
                parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getIntValue() == 1,
                "$.version",
                "1");
            version = true;
          }
          case "roster" -> readRoster();
          case "entries" -> {
            expect(
                format && version && !roster.isEmpty(),
                "$",
                "format, version and roster before entries");
            expect(parser.currentToken() == JsonToken.START_ARRAY, "$.entries", "an array");
            return; // entries are read one at a time by next()
          }
          default -> throw violation("$." + name, "no such property");
        }
      }
      throw violation("$.entries", "missing");
    } catch (IOException e) {
      close();
      throw new RosterFileException(
          "error.json.syntax",
          "not valid JSON: " + e.getMessage(),
          String.valueOf(parser.currentLocation().getLineNr()),
          e.getMessage());
    } catch (RosterFileException e) {
      close();
      throw e;
    }
  }

  private void readRoster() throws IOException, RosterFileException {
    expect(parser.currentToken() == JsonToken.START_OBJECT, "$.roster", "an object");
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      expect(parser.currentToken() == JsonToken.VALUE_STRING, "$.roster." + name, "a string");
      String v = parser.getText();
      switch (name) {
        case "from", "to" ->
            expect(isPartyCode(v), "$.roster." + name, "a party's code (UA, RU, ICRC...)");
        case "purpose" ->
            expect(
                PURPOSES.contains(v),
                "$.roster.purpose",
                "exchange, information, children or remains");
        case "receivedOn" ->
            expect(v.matches("\\d{4}-\\d{2}-\\d{2}"), "$.roster.receivedOn", "a date yyyy-mm-dd");
        case "notes", "sourceFile", "sourceSha256" -> {}
        default -> throw violation("$.roster." + name, "no such property");
      }
      roster.put(name, v);
    }
    for (String required : List.of("from", "to", "receivedOn", "purpose")) {
      expect(roster.containsKey(required), "$.roster." + required, "present");
    }
  }

  /** The roster's own details, as the file gives them. */
  /** The roster's details as the file states them (who handed it to whom, when, why). */
  public RosterDetails details() {
    return new RosterDetails(
        Party.of(roster.get("from")),
        Party.of(roster.get("to")),
        LocalDate.parse(roster.get("receivedOn")),
        Purpose.fromKey(roster.get("purpose")),
        roster.getOrDefault("notes", ""));
  }

  /** The columns mapped to the fields they are named for. */
  public ColumnMapping mapping() throws RosterFileException {
    Map<String, Integer> identity = new LinkedHashMap<>();
    for (int i = 0; i < HEADER.size(); i++) {
      identity.put(HEADER.get(i), i + 1);
    }
    return ColumnMapping.fromProfile(identity, HEADER.size());
  }

  private static boolean isPartyCode(String v) {
    try {
      Party.of(v);
      return v.equals(v.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public List<String> header() {
    return HEADER;
  }

  @Override
  public Optional<Row> next() throws RosterFileException {
    try {
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_ARRAY) {
        return Optional.empty();
      }
      String at = "$.entries[" + number + "]";
      expect(t == JsonToken.START_OBJECT, at, "an object");
      Map<String, String> values = new HashMap<>();
      // a JSON file has no rows to show: an entry is named by its own "row", else its place
      long line = number + 1;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        switch (name) {
          case "row" -> {
            expect(
                parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getLongValue() >= 1,
                at + ".row",
                "a whole number from 1");
            line = parser.getLongValue();
          }
          case "family", "given", "patronymic", "birthDate" -> {
            expect(parser.currentToken() == JsonToken.VALUE_STRING, at + "." + name, "a string");
            values.put(name.equals("birthDate") ? "birth-date" : name, parser.getText());
          }
          case "fields" -> {
            expect(parser.currentToken() == JsonToken.START_OBJECT, at + ".fields", "an object");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
              String key = parser.currentName();
              parser.nextToken();
              expect(
                  HEADER.contains(key) && HEADER.indexOf(key) >= 4,
                  at + ".fields." + key,
                  "a known field");
              expect(
                  parser.currentToken() == JsonToken.VALUE_STRING,
                  at + ".fields." + key,
                  "a string");
              values.put(key, parser.getText());
            }
          }
          default -> throw violation(at + "." + name, "no such property");
        }
      }
      expect(!values.getOrDefault("family", "").isBlank(), at + ".family", "present and not empty");
      number++;
      List<String> cells = new ArrayList<>(HEADER.size());
      HEADER.forEach(h -> cells.add(values.getOrDefault(h, "")));
      return Optional.of(new Row(number, line, cells));
    } catch (IOException e) {
      throw new RosterFileException(
          "error.json.syntax",
          "not valid JSON: " + e.getMessage(),
          String.valueOf(parser.currentLocation().getLineNr()),
          e.getMessage());
    }
  }

  private static void expect(boolean ok, String where, String what) throws RosterFileException {
    if (!ok) {
      throw violation(where, what);
    }
  }

  private static RosterFileException violation(String where, String what) {
    return new RosterFileException("error.json.schema", where + ": expected " + what, where, what);
  }

  @Override
  public Optional<Charset> charset() {
    return Optional.of(StandardCharsets.UTF_8);
  }

  @Override
  public char delimiter() {
    return 0;
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      // reading is over
    }
  }
}
