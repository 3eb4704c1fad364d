package org.handover.server.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where a backup's key comes from: a passphrase (stretched with PBKDF2) or a key file of 32 random
 * bytes. Either way each backup gets its own AES-256 key, derived with the backup's salt.
 */
public sealed interface BackupKey {
  /** PBKDF2-HMAC-SHA256 rounds: slow enough that guessing a passphrase costs. */
  int ROUNDS = 600_000;

  /** The shortest passphrase accepted. */
  int SHORTEST = 12;

  /** How the file says its key was made: 1 passphrase, 2 key file. */
  byte kind();

  /** The AES-256 key of the backup with this salt. */
  SecretKeySpec derive(byte[] salt) throws GeneralSecurityException;

  /** A passphrase typed or read from a file. */
  record Passphrase(char[] text) implements BackupKey {
    public Passphrase {
      if (text.length < SHORTEST) {
        throw new BackupException("backup.passphrase-short", text.length, SHORTEST);
      }
    }

    @Override
    public byte kind() {
      return 1;
    }

    @Override
    public SecretKeySpec derive(byte[] salt) throws GeneralSecurityException {
      PBEKeySpec spec = new PBEKeySpec(text, salt, ROUNDS, 256);
      byte[] key =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      spec.clearPassword();
      return new SecretKeySpec(key, "AES");
    }
  }

  /** 32 random bytes, kept as Base64 text in a file readable by its owner only. */
  record KeyFile(byte[] secret) implements BackupKey {
    @Override
    public byte kind() {
      return 2;
    }

    @Override
    public SecretKeySpec derive(byte[] salt) throws GeneralSecurityException {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return new SecretKeySpec(mac.doFinal(salt), "AES");
    }

    /** Reads a key file; {@code create} makes one when there is none. */
    public static KeyFile at(Path file, boolean create) {
      try {
        if (!Files.exists(file)) {
          if (!create) {
            throw new BackupException("backup.key-missing", file.toString());
          }
          byte[] secret = new byte[32];
          new SecureRandom().nextBytes(secret);
          try {
            // owner-only from its first byte, never readable by others for a moment
            Files.createFile(
                file,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          } catch (UnsupportedOperationException e) {
            // no POSIX permissions here: the folder's own protection is all there is
            Files.createFile(file);
          }
          Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n");
          return new KeyFile(secret);
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] secret = Base64.getDecoder().decode(text);
        if (secret.length != 32) {
          throw new BackupException("backup.key-invalid", file.toString());
        }
        return new KeyFile(secret);
      } catch (IllegalArgumentException e) {
        throw new BackupException("backup.key-invalid", file.toString());
      } catch (IOException e) {
        throw new BackupException(
            "backup.key-unreadable", file.toString(), e.getClass().getSimpleName());
      }
    }
  }
}
