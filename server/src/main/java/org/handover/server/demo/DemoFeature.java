package org.handover.server.demo;

import java.util.List;
import org.handover.server.Feature;

/** The demo: {@code handover demo}, a generated registry to try Handover on. */
public final class DemoFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new DemoCommand());
  }
}
