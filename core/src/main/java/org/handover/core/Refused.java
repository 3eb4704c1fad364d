package org.handover.core;

import java.util.List;

/**
 * Input refused, as a message key and its arguments, so that each reader is told in their own
 * language what and where; the key and arguments are the English text of logs.
 */
public class Refused extends IllegalArgumentException {
  private final String key;
  private final List<Object> args;

  public Refused(String key, Object... args) {
    super(key + " " + List.of(args));
    this.key = key;
    this.args = List.of(args);
  }

  public String key() {
    return key;
  }

  public List<Object> args() {
    return args;
  }
}
