package org.handover.server.names;

import java.util.List;
import org.handover.server.Feature;

/** The names library from the command line: {@code handover names}. */
public final class NamesFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new NamesCommand());
  }
}
