package org.handover.core.agreements;

import java.util.List;

/**
 * Why a condition holds, fails or cannot be decided, as a message key and its arguments, so each
 * reader gets it in their language: {@code reason.age.within} with born, age, from, to.
 */
public record Reason(String key, List<Object> args) {
  public Reason {
    args = List.copyOf(args);
  }

  static Reason of(String key, Object... args) {
    return new Reason(key, List.of(args));
  }
}
