package org.handover.core.registry;

import java.util.List;

/**
 * Something wrong with what a user entered: the field, a message key the user's language
 * translates, and the values the message names.
 */
public record Problem(String field, String key, List<String> args) {
  public Problem {
    args = List.copyOf(args);
  }

  public static Problem of(String field, String key, String... args) {
    return new Problem(field, key, List.of(args));
  }
}
