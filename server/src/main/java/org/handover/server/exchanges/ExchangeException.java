package org.handover.server.exchanges;

import org.handover.core.Refused;

/** What cannot be planned or recorded. */
public final class ExchangeException extends Refused {
  public ExchangeException(String key, Object... args) {
    super(key, args);
  }
}
