package org.handover.server.remains;

import org.handover.core.Refused;

/** A remains action refused, said in the reader's language. */
public final class RemainsException extends Refused {
  public RemainsException(String key, Object... args) {
    super(key, args);
  }
}
