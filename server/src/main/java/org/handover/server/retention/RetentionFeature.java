package org.handover.server.retention;

import java.util.List;
import org.handover.server.Feature;

/** Retention: {@code handover retention show|set|apply}. */
public final class RetentionFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new RetentionCommand());
  }
}
