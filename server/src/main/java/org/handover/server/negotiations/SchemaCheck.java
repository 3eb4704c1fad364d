package org.handover.server.negotiations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a document against a JSON Schema, for the keywords Handover's schemas use (a schema using
 * any other is refused when loaded, so that nothing is silently unchecked). Each violation names
 * its JSON pointer and a message key, so that the reader is told where and why in their language.
 */
final class SchemaCheck {
  /** One violation: where (a JSON pointer, "" for the whole) and why (a key and its arguments). */
  record Violation(String path, String key, List<Object> args) {}

  private static final Set<String> KNOWN =
      Set.of(
          "$schema",
          "$id",
          "$defs",
          "$ref",
          "title",
          "description",
          "type",
          "properties",
          "required",
          "additionalProperties",
          "items",
          "enum",
          "const",
          "pattern",
          "minLength",
          "maxLength",
          "minimum",
          "maximum",
          "minItems",
          "minProperties",
          "maxProperties",
          "format");
  private static final int MOST = 20;

  private final JsonNode root;
  private final Map<String, Pattern> patterns = new java.util.HashMap<>();

  SchemaCheck(JsonNode root) {
    this.root = root;
    known(root, "");
  }

  static SchemaCheck load(String resource) {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema " + resource + " is missing from the build");
      }
      return new SchemaCheck(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static void known(JsonNode schema, String at) {
    if (!schema.isObject()) {
      return;
    }
    for (Iterator<String> i = schema.fieldNames(); i.hasNext(); ) {
      String k = i.next();
      if (!KNOWN.contains(k)) {
        throw new IllegalStateException("schema keyword " + k + " at " + at + " is not checked");
      }
      JsonNode v = schema.get(k);
      if (k.equals("properties") || k.equals("$defs")) {
        v.fields().forEachRemaining(e -> known(e.getValue(), at + "/" + k + "/" + e.getKey()));
      } else if (k.equals("items") || k.equals("additionalProperties")) {
        known(v, at + "/" + k);
      }
    }
  }

  /** Every violation, up to twenty, in document order; empty when the document holds. */
  List<Violation> check(JsonNode document) {
    List<Violation> found = new ArrayList<>();
    check(root, document, "", found);
    return found.size() > MOST ? found.subList(0, MOST) : found;
  }

  private void check(JsonNode schema, JsonNode value, String path, List<Violation> found) {
    if (found.size() > MOST) {
      return;
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      check(root.at(ref.substring(1)), value, path, found);
    }
    if (schema.has("const") && !schema.get("const").equals(value)) {
      found.add(
          new Violation(path, "record.schema.const", List.of(schema.get("const").toString())));
      return;
    }
    if (schema.has("enum") && !contains(schema.get("enum"), value)) {
      found.add(new Violation(path, "record.schema.enum", List.of(words(schema.get("enum")))));
      return;
    }
    if (schema.has("type") && !typed(schema.get("type").asText(), value)) {
      found.add(
          new Violation(path, "record.schema.type." + schema.get("type").asText(), List.of()));
      return;
    }
    if (value.isTextual()) {
      text(schema, value.asText(), path, found);
    } else if (value.isNumber()) {
      if (schema.has("minimum") && value.asLong() < schema.get("minimum").asLong()
          || schema.has("maximum") && value.asLong() > schema.get("maximum").asLong()) {
        found.add(
            new Violation(
                path,
                "record.schema.range",
                List.of(
                    value.asText(),
                    schema.path("minimum").asText("…"),
                    schema.path("maximum").asText("…"))));
      }
    } else if (value.isArray()) {
      if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
        found.add(
            new Violation(
                path, "record.schema.min-items", List.of(schema.get("minItems").asInt())));
      }
      if (schema.has("items")) {
        for (int i = 0; i < value.size(); i++) {
          check(schema.get("items"), value.get(i), path + "/" + i, found);
        }
      }
    } else if (value.isObject()) {
      object(schema, value, path, found);
    }
  }

  private void text(JsonNode schema, String s, String path, List<Violation> found) {
    int length = s.codePointCount(0, s.length());
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      found.add(new Violation(path, "record.schema.empty", List.of()));
    } else if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      found.add(
          new Violation(path, "record.schema.too-long", List.of(schema.get("maxLength").asInt())));
    } else if (schema.has("pattern")
        && !patterns
            .computeIfAbsent(schema.get("pattern").asText(), SchemaCheck::pattern)
            .matcher(s)
            .find()) {
      found.add(new Violation(path, "record.schema.pattern", List.of(s)));
    } else if (schema.path("format").asText().equals("date") && !date(s)) {
      found.add(new Violation(path, "record.schema.date", List.of(s)));
    }
  }

  private void object(JsonNode schema, JsonNode value, String path, List<Violation> found) {
    JsonNode props = schema.path("properties");
    for (JsonNode r : schema.path("required")) {
      if (!value.has(r.asText())) {
        found.add(new Violation(path + "/" + r.asText(), "record.schema.required", List.of()));
      }
    }
    int count = value.size();
    if (schema.has("minProperties") && count < schema.get("minProperties").asInt()
        || schema.has("maxProperties") && count > schema.get("maxProperties").asInt()) {
      found.add(new Violation(path, "record.schema.one-of", List.of(words(fieldNames(props)))));
    }
    for (Iterator<Map.Entry<String, JsonNode>> i = value.fields(); i.hasNext(); ) {
      Map.Entry<String, JsonNode> e = i.next();
      String at = path + "/" + e.getKey();
      if (props.has(e.getKey())) {
        check(props.get(e.getKey()), e.getValue(), at, found);
      } else if (schema.path("additionalProperties").isBoolean()
          && !schema.get("additionalProperties").asBoolean()) {
        found.add(new Violation(at, "record.schema.unknown", List.of(words(fieldNames(props)))));
      }
    }
  }

  private static JsonNode fieldNames(JsonNode props) {
    com.fasterxml.jackson.databind.node.ArrayNode names =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    props.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * A schema's pattern as JSON Schema reads it: Java's {@code $} also matches before a last line
   * break, which would let "key\n" through.
   */
  private static Pattern pattern(String p) {
    return Pattern.compile(
        p.endsWith("$") && !p.endsWith("\\$") ? p.substring(0, p.length() - 1) + "\\z" : p);
  }

  private static boolean date(String s) {
    try {
      return s.length() == 10 && LocalDate.parse(s) != null;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean contains(JsonNode options, JsonNode value) {
    for (JsonNode o : options) {
      if (o.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String words(JsonNode options) {
    List<String> w = new ArrayList<>();
    options.forEach(o -> w.add(o.asText()));
    return String.join(", ", w);
  }

  private static boolean typed(String type, JsonNode v) {
    return switch (type) {
      case "object" -> v.isObject();
      case "array" -> v.isArray();
      case "string" -> v.isTextual();
      case "integer" -> v.isIntegralNumber();
      case "number" -> v.isNumber();
      case "boolean" -> v.isBoolean();
      default -> throw new IllegalStateException("schema type " + type + " is not checked");
    };
  }
}
