package org.handover.server.web;

import java.util.Arrays;
import java.util.Map;

/** A form's values and the message for each field that was refused. */
public record FormValues(Map<String, String> values, Map<String, String> errors) {
  public String get(String field) {
    return values.getOrDefault(field, "");
  }

  public String error(String field) {
    return errors.getOrDefault(field, "");
  }

  public boolean hasError(String field) {
    return errors.containsKey(field);
  }

  public boolean is(String field, String value) {
    return get(field).equals(value);
  }

  /** Whether a comma-separated field holds {@code value}. */
  public boolean contains(String field, String value) {
    return Arrays.asList(get(field).split(",")).contains(value);
  }
}
