package org.handover.server.storage;

/** The database could not be opened, migrated or written; the message says which and where. */
public class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }
}
