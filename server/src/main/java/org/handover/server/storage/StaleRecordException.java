package org.handover.server.storage;

/** Someone else saved the record since it was read; nothing was written. */
public class StaleRecordException extends StorageException {
  public StaleRecordException(String message) {
    super(message);
  }
}
