package org.handover.server.backup;

import org.handover.server.storage.StorageException;

/** A backup cannot be made or restored; the message says why, for the user. */
public final class BackupException extends StorageException {
  public BackupException(String message) {
    super(message);
  }
}
