package org.handover.server.matching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.handover.core.matching.Model;

/** The JSON that match runs and duplicate searches store: models, counts, explanations. */
final class StoredJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredJson() {}

  static String write(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static Model.Scored explanation(String s) {
    try {
      return JSON.readValue(s, new TypeReference<Model.Scored>() {});
    } catch (IOException e) {
      throw new IllegalStateException("a stored explanation cannot be read", e);
    }
  }
}
