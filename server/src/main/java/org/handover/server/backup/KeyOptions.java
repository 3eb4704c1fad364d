package org.handover.server.backup;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.Option;

/**
 * Where the backup's key comes from, in this order: a key file, a passphrase file, the environment
 * variable {@code HANDOVER_BACKUP_PASSPHRASE}, or the passphrase typed at the terminal.
 */
final class KeyOptions {
  static final String ENV = "HANDOVER_BACKUP_PASSPHRASE";

  /** The language of what is said: set by the command from its --lang. */
  String lang = "en";

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description =
          "a key file (32 random bytes in Base64); backup makes one when FILE does not exist. Keep"
              + " it apart from the backups.")
  Path keyFile;

  @Option(
      names = "--passphrase-file",
      paramLabel = "FILE",
      description =
          "read the passphrase (at least "
              + BackupKey.SHORTEST
              + " characters) from the first line of FILE")
  Path passphraseFile;

  /** The key to seal a new backup with; a typed passphrase is asked twice. */
  BackupKey forBackup() {
    if (keyFile != null && passphraseFile != null) {
      throw new BackupException("backup.two-keys");
    }
    if (keyFile != null) {
      boolean made = !Files.exists(keyFile);
      BackupKey.KeyFile k = BackupKey.KeyFile.at(keyFile, true);
      if (made) {
        System.out.println(
            Messages.of(Messages.LANGUAGES.contains(lang) ? lang : "en")
                .get("backup.key-made", keyFile.toString()));
      }
      return k;
    }
    return passphrase(true);
  }

  /** The key of an existing backup, by the way the backup says it was sealed. */
  BackupKeys forRestore() {
    return kind -> {
      if (kind == 2) {
        if (keyFile == null) {
          throw new BackupException("backup.wants-key-file");
        }
        return BackupKey.KeyFile.at(keyFile, false);
      }
      if (kind == 1) {
        if (keyFile != null && passphraseFile == null && System.getenv(ENV) == null) {
          throw new BackupException("backup.wants-passphrase", ENV);
        }
        return passphrase(false);
      }
      throw new BackupException("backup.unknown-key-kind");
    };
  }

  private BackupKey.Passphrase passphrase(boolean twice) {
    if (passphraseFile != null) {
      try {
        String first =
            Files.readAllLines(passphraseFile, StandardCharsets.UTF_8).stream()
                .findFirst()
                .orElse("");
        return new BackupKey.Passphrase(first.strip().toCharArray());
      } catch (IOException e) {
        throw new BackupException(
            "backup.passphrase-unreadable",
            passphraseFile.toString(),
            e.getClass().getSimpleName());
      }
    }
    String env = System.getenv(ENV);
    if (env != null && !env.isEmpty()) {
      return new BackupKey.Passphrase(env.toCharArray());
    }
    Console console = System.console();
    if (console == null) {
      throw new BackupException("backup.no-key", ENV);
    }
    char[] typed = console.readPassword("Backup passphrase: ");
    if (twice) {
      char[] again = console.readPassword("The same passphrase again: ");
      if (!Arrays.equals(typed, again)) {
        throw new BackupException("backup.passphrases-differ");
      }
    }
    return new BackupKey.Passphrase(typed == null ? new char[0] : typed);
  }
}
