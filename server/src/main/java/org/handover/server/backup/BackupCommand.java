package org.handover.server.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code handover backup FILE}. */
@Requires(Permission.BACKUP)
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Write the whole database, as of one moment, to an encrypted file (AES-256-GCM): every table,"
          + " the journal's head with a signed checkpoint, the installation's signing key, and a"
          + " SHA-256 of the whole. It is never written in clear.",
      "The key: --key-file, --passphrase-file, env HANDOVER_BACKUP_PASSPHRASE, or typed.",
      "Restore with: handover restore FILE --db NEW"
    })
final class BackupCommand implements Callable<Integer> {
  @Mixin Options options;
  @Mixin KeyOptions key;

  @Parameters(paramLabel = "FILE", description = "the backup to write (never replaced)")
  Path file;

  @Override
  public Integer call() throws IOException {
    Messages m = options.messages();
    try {
      return run(m);
    } catch (BackupException e) {
      throw e.in(m);
    }
  }

  private int run(Messages m) throws IOException {
    key.lang = m.language();
    if (java.nio.file.Files.exists(file)) {
      throw new BackupException("backup.exists", file.toString());
    }
    BackupKey k = key.forBackup();
    try (App app = options.open()) {
      Backup.Made made = Backup.write(app, file, k, line -> System.out.println("  " + line));
      System.out.println(
          m.get(
              "backup.written",
              made.file().toString(),
              made.bytes(),
              made.tables(),
              made.rows(),
              made.journalSeq()));
      System.out.println(m.get("backup.sha", made.sha256()));
      return 0;
    }
  }
}
