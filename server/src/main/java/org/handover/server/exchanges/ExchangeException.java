package org.handover.server.exchanges;

import java.util.List;

/** What cannot be planned or recorded, as a message key and arguments for the user's language. */
public final class ExchangeException extends IllegalArgumentException {
  private final String key;
  private final List<Object> args;

  public ExchangeException(String key, Object... args) {
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
