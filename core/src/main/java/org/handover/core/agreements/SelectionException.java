package org.handover.core.agreements;

import org.handover.core.Refused;

/** A selection, provision or agreement that cannot stand. */
public final class SelectionException extends Refused {
  public SelectionException(String key, Object... args) {
    super(key, args);
  }
}
