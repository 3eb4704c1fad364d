package org.handover.server.backup;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * Where the backup's key comes from, in this order: a key file, a passphrase file, the environment
 * variable {@code HANDOVER_BACKUP_PASSPHRASE}, or the passphrase typed at the terminal.
 */
final class KeyOptions {
  static final String ENV = "HANDOVER_BACKUP_PASSPHRASE";

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
      throw new BackupException(
          "give either --key-file or --passphrase-file, not both: a backup is sealed with one key");
    }
    if (keyFile != null) {
      boolean made = !Files.exists(keyFile);
      BackupKey.KeyFile k = BackupKey.KeyFile.at(keyFile, true);
      if (made) {
        System.out.println(
            "Made the key file "
                + keyFile
                + ": without it this backup cannot be restored; keep a copy apart from the"
                + " backups.");
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
          throw new BackupException("this backup was sealed with a key file: give --key-file FILE");
        }
        return BackupKey.KeyFile.at(keyFile, false);
      }
      if (kind == 1) {
        if (keyFile != null && passphraseFile == null && System.getenv(ENV) == null) {
          throw new BackupException(
              "this backup was sealed with a passphrase, not a key file: give --passphrase-file,"
                  + " set "
                  + ENV
                  + ", or type it");
        }
        return passphrase(false);
      }
      throw new BackupException("the backup names a kind of key this Handover does not know");
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
            "cannot read the passphrase file " + passphraseFile + ": " + e.getMessage());
      }
    }
    String env = System.getenv(ENV);
    if (env != null && !env.isEmpty()) {
      return new BackupKey.Passphrase(env.toCharArray());
    }
    Console console = System.console();
    if (console == null) {
      throw new BackupException(
          "no key given: use --key-file FILE, --passphrase-file FILE or the environment variable "
              + ENV
              + " (there is no terminal to type a passphrase at)");
    }
    char[] typed = console.readPassword("Backup passphrase: ");
    if (twice) {
      char[] again = console.readPassword("The same passphrase again: ");
      if (!Arrays.equals(typed, again)) {
        throw new BackupException("the two passphrases differ: nothing written");
      }
    }
    return new BackupKey.Passphrase(typed == null ? new char[0] : typed);
  }
}
