package org.handover.core.agreements;

import java.util.List;

/**
 * A selection, provision or agreement that cannot stand, as a message key and its arguments for the
 * user's language; the English message is for logs.
 */
public final class SelectionException extends IllegalArgumentException {
  private final String key;
  private final List<Object> args;

  public SelectionException(String key, Object... args) {
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
