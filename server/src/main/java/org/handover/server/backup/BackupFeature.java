package org.handover.server.backup;

import java.util.List;
import org.handover.server.Feature;

/** Backup and restore: {@code handover backup FILE}, {@code handover restore FILE}. */
public final class BackupFeature implements Feature {
  @Override
  public List<Object> commands() {
    return List.of(new BackupCommand(), new RestoreCommand());
  }
}
