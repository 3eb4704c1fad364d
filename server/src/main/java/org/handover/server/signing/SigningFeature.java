package org.handover.server.signing;

import java.util.List;
import org.handover.server.Feature;

/** The installation's signing key: {@code handover key}. */
public final class SigningFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new KeyCommand());
  }
}
