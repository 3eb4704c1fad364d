package org.handover.server.agreements;

import org.handover.core.Refused;

/** What cannot be stored or asked of agreements. */
public final class AgreementException extends Refused {
  public AgreementException(String key, Object... args) {
    super(key, args);
  }
}
