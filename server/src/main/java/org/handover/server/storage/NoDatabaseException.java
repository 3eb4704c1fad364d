package org.handover.server.storage;

/** The database named does not exist, and this command does not create one. */
public final class NoDatabaseException extends StorageException {
  public NoDatabaseException(String message) {
    super(message);
  }
}
