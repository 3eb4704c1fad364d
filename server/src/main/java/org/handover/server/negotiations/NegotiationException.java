package org.handover.server.negotiations;

import org.handover.core.Refused;

/** A record or a progress entry refused, in the reader's words. */
public final class NegotiationException extends Refused {
  public NegotiationException(String key, Object... args) {
    super(key, args);
  }
}
