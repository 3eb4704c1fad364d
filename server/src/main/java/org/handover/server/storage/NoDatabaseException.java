package org.handover.server.storage;

import java.util.List;

/** The database named does not exist, and this command does not create one. */
public final class NoDatabaseException extends StorageException {
  private final String key;
  private final List<String> args;

  /** {@code key} and {@code args}: the message in the user's language; {@code english}: logs'. */
  public NoDatabaseException(String key, String english, String... args) {
    super(english);
    this.key = key;
    this.args = List.of(args);
  }

  /** The message's key among the user's messages. */
  public String key() {
    return key;
  }

  public List<String> args() {
    return args;
  }
}
