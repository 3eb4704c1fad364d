package org.handover.server.tracing;

import org.handover.core.Refused;

/** A tracing action refused, said in the reader's language. */
public final class TracingException extends Refused {
  public TracingException(String key, Object... args) {
    super(key, args);
  }
}
