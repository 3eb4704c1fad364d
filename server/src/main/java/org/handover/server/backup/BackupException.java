package org.handover.server.backup;

import java.util.List;
import org.handover.server.i18n.Messages;
import org.handover.server.storage.StorageException;

/**
 * A backup cannot be made or restored: a message key and its arguments, said in the user's language
 * by the command ({@link #in}); English otherwise.
 */
public final class BackupException extends StorageException {
  private final String key;
  private final List<Object> args;

  public BackupException(String key, Object... args) {
    super(Messages.of("en").get(key, args));
    this.key = key;
    this.args = List.of(args);
  }

  /** The same refusal in the reader's language. */
  public StorageException in(Messages m) {
    return new StorageException(m.get(key, args.toArray()));
  }
}
