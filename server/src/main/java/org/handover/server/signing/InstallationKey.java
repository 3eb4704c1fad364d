package org.handover.server.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Jdbi;

/**
 * The installation's Ed25519 key: exports and journal checkpoints are signed with it, and its
 * public half is what the other side is given to check them. Its private half lives in a file only
 * the Handover process reads, never in the database (whoever can change the tables must not be able
 * to sign); the database keeps the public half and the journal its creation. Made on first use.
 *
 * <pre>{@code
 * String signature = key.sign(file);                       // Base64, detached
 * InstallationKey.verify(file, signature, key.publicKey()) // true
 * }</pre>
 */
public final class InstallationKey implements Journal.Signer {
  private static final String PRIVATE = "signing_key_private";
  private static final String PUBLIC = "signing_key_public";
  private static final String INSTALLATION = "installation_id";

  /** The advisory lock under which the key is made or read. */
  private static final int KEY_LOCK = 0x486f4b59; // "HoKY"

  private final Jdbi jdbi;
  private final Journal journal;
  private final Path folder;

  /**
   * A key whose private half is kept in a file under {@code folder}, named by this database's
   * installation id.
   */
  public InstallationKey(Jdbi jdbi, Journal journal, Path folder) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.folder = folder;
    journal.audit(KeyAudit.publicHalf(PUBLIC));
  }

  /** Where the private half lives: the folder given, one file per database it signs for. */
  public Path file() {
    return folder.resolve(installationId() + ".key");
  }

  /** This database's identity, which names its key file. */
  public String installation() {
    return installationId();
  }

  /** The key file's text, for an encrypted backup; empty when there is no file to read. */
  public Optional<String> fileText() {
    Path file = file();
    try {
      return Files.exists(file)
          ? Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip())
          : Optional.empty();
    } catch (IOException e) {
      throw new KeyException("the signing key in " + file + " cannot be read: " + e.getMessage());
    }
  }

  /**
   * Puts back the key file a backup carried, when this machine has none: an existing file is never
   * replaced. Returns whether it was written.
   */
  public boolean restoreFile(String text) throws IOException {
    Path file = file();
    if (text.isBlank() || Files.exists(file)) {
      return false;
    }
    write(file, text.strip());
    return true;
  }

  /** The public key, Base64 of its X.509 encoding, as given to the other side. */
  public String publicKey() {
    return Base64.getEncoder().encodeToString(pair().getPublic().getEncoded());
  }

  /** A detached signature of the file's bytes, Base64. */
  public String sign(Path file) throws IOException {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(pair().getPrivate());
      feed(s, file);
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /**
   * Whether {@code signature} (Base64) is a signature of the file by {@code publicKey} (Base64
   * X.509).
   */
  public static boolean verify(Path file, String signature, String publicKey) throws IOException {
    try {
      PublicKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePublic(
                  new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey.strip())));
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      feed(s, file);
      return s.verify(Base64.getDecoder().decode(signature.strip()));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false; // a key or signature that is not even well formed verifies nothing
    }
  }

  private static void feed(Signature s, Path file) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        s.update(buffer, 0, n);
      }
    }
  }

  /**
   * This database's identity, made once: it names the key file, so that two databases never share a
   * key.
   */
  private String installationId() {
    return jdbi.inTransaction(
        h -> {
          Optional<String> id =
              h.createQuery("SELECT setting_value FROM settings WHERE setting_name = :n")
                  .bind("n", INSTALLATION)
                  .mapTo(String.class)
                  .findOne();
          if (id.isPresent()) {
            return id.get();
          }
          String fresh = java.util.UUID.randomUUID().toString();
          h.createUpdate("INSERT INTO settings (setting_name, setting_value) VALUES (:n, :v)")
              .bind("n", INSTALLATION)
              .bind("v", fresh)
              .execute();
          return fresh;
        });
  }

  private synchronized KeyPair pair() {
    Path file = file();
    return jdbi.inTransaction(
        h -> {
          // one process makes the key: another one's first use waits here and then reads it
          h.execute("SELECT pg_advisory_xact_lock(?, ?)", KEY_LOCK, 1);
          Optional<String> pub = setting(h, PUBLIC);
          Optional<String> legacy = setting(h, PRIVATE);
          try {
            KeyFactory f = KeyFactory.getInstance("Ed25519");
            if (legacy.isPresent()) {
              // an installation from before: its private half leaves the database for the file
              if (!Files.exists(file) && pub.isPresent()) {
                write(file, legacy.get() + "\n" + pub.get());
                journal.append(
                    h,
                    Change.by("system", "key.moved")
                        .on("key", "installation")
                        .now(Json.write(Map.of("file", file.toString()))));
              }
              h.createUpdate("DELETE FROM settings WHERE setting_name = :n")
                  .bind("n", PRIVATE)
                  .execute();
            }
            if (Files.exists(file)) {
              List<String> halves =
                  Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
                      .map(String::strip)
                      .filter(l -> !l.isEmpty())
                      .toList();
              PrivateKey p =
                  f.generatePrivate(
                      new PKCS8EncodedKeySpec(Base64.getDecoder().decode(halves.get(0))));
              String publicText = pub.orElseGet(() -> halves.size() > 1 ? halves.get(1) : "");
              if (publicText.isEmpty()) {
                throw new KeyException("the key file " + file + " holds no public half");
              }
              PublicKey q =
                  f.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicText)));
              if (!matches(p, q)) {
                throw new KeyException(
                    "the key file " + file + " does not belong to this database's public key");
              }
              if (pub.isEmpty()) {
                // the database lost its public half (restored apart from the key?): the file speaks
                insertPublic(h, publicText, "file");
              }
              return new KeyPair(q, p);
            }
            if (pub.isPresent()) {
              throw new KeyException(
                  "the signing key's private half is missing: "
                      + file
                      + " (restore it from the backup of the key file; the database holds only the"
                      + " public half)");
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String publicText = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
            write(
                file,
                Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())
                    + "\n"
                    + publicText);
            insertPublic(h, publicText, "new");
            return pair;
          } catch (GeneralSecurityException | IllegalArgumentException | IOException e) {
            throw new KeyException(
                "the signing key in " + file + " cannot be read: " + e.getMessage());
          }
        });
  }

  private void insertPublic(org.jdbi.v3.core.Handle h, String publicText, String from) {
    h.createUpdate("INSERT INTO settings (setting_name, setting_value) VALUES (:n, :v)")
        .bind("n", PUBLIC)
        .bind("v", publicText)
        .execute();
    journal.append(
        h,
        Change.by("system", "key.create")
            .on("key", "installation")
            .now(Json.write(Map.of("public", publicText, "from", from))));
  }

  private static Optional<String> setting(org.jdbi.v3.core.Handle h, String name) {
    return h.createQuery("SELECT setting_value FROM settings WHERE setting_name = :n")
        .bind("n", name)
        .mapTo(String.class)
        .findOne();
  }

  /**
   * Whether a private key is the other half of a public key: it signs what the public one verifies.
   */
  private static boolean matches(PrivateKey p, PublicKey q) throws GeneralSecurityException {
    byte[] probe = "handover".getBytes(StandardCharsets.US_ASCII);
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(p);
    s.update(probe);
    byte[] signed = s.sign();
    Signature v = Signature.getInstance("Ed25519");
    v.initVerify(q);
    v.update(probe);
    return v.verify(signed);
  }

  /**
   * Made readable by its owner only from its first byte, in a folder only its owner enters; never
   * replaces a file.
   */
  private static void write(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path fresh = file.resolveSibling(file.getFileName() + ".new");
    Files.deleteIfExists(fresh); // a half-written one from a process that died
    try {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Files.createFile(
          fresh,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      // a file system without POSIX permissions: the folder's own protection is all there is
      Files.createDirectories(dir);
      Files.createFile(fresh);
    }
    Files.writeString(fresh, text + "\n", StandardCharsets.US_ASCII);
    Files.move(fresh, file); // whole or not at all, and never over an existing key
  }

  /** The key cannot be used: its file is missing, unreadable, or belongs to another database. */
  public static final class KeyException extends org.handover.server.storage.StorageException {
    KeyException(String message) {
      super(message);
    }
  }

  /** A signature of some text (a checkpoint), Base64. */
  @Override
  public String sign(String text) {
    return sign(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A detached signature of bytes, Base64: the same as of a file holding them. */
  public String sign(byte[] bytes) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(pair().getPrivate());
      s.update(bytes);
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /**
   * Whether {@code signature} is this installation's signature of the text, checked with the key
   * file's own half.
   */
  @Override
  public boolean verify(String text, String signature) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      KeyPair pair = pair();
      s.initVerify(pair.getPublic());
      s.update(text.getBytes(StandardCharsets.UTF_8));
      return s.verify(Base64.getDecoder().decode(signature.strip()));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }
}
