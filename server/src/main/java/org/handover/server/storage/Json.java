package org.handover.server.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * The one JSON mapper of the server: what the journal, runs and rosters store, and what exports
 * write.
 *
 * <pre>{@code
 * Json.write(Map.of("decision", "confirmed"))        // {"decision":"confirmed"}
 * Json.read(text, new TypeReference<List<String>>() {})
 * }</pre>
 */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write JSON of " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Reads what this installation stored; a stored text that does not read is damage, not user
   * input.
   */
  public static <T> T read(String text, TypeReference<T> type) {
    try {
      return MAPPER.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new StorageException(
          "stored JSON cannot be read as "
              + type.getType().getTypeName()
              + ": "
              + e.getOriginalMessage(),
          e);
    }
  }

  /** A stored object as a map; empty for an empty text. */
  public static Map<String, Object> object(String text) {
    return text == null || text.isEmpty()
        ? Map.of()
        : read(text, new TypeReference<Map<String, Object>>() {});
  }

  /** For streaming writers and readers (exports, interchange files). */
  public static JsonFactory factory() {
    return MAPPER.getFactory();
  }
}
