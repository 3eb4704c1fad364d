package org.handover.server.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.Map;
import java.util.Optional;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Jdbi;

/**
 * The installation's Ed25519 key: exports are signed with it, and its public half is what the other
 * side is given to check them. Made on first use and journaled; kept in the settings table.
 *
 * <pre>{@code
 * String signature = key.sign(file);                       // Base64, detached
 * InstallationKey.verify(file, signature, key.publicKey()) // true
 * }</pre>
 */
public final class InstallationKey {
  private static final String PRIVATE = "signing_key_private";
  private static final String PUBLIC = "signing_key_public";
  private final Jdbi jdbi;
  private final Journal journal;

  public InstallationKey(Jdbi jdbi, Journal journal) {
    this.jdbi = jdbi;
    this.journal = journal;
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

  private synchronized KeyPair pair() {
    return jdbi.inTransaction(
        h -> {
          Optional<String> priv =
              h.createQuery("SELECT setting_value FROM settings WHERE setting_name = :n")
                  .bind("n", PRIVATE)
                  .mapTo(String.class)
                  .findOne();
          Optional<String> pub =
              h.createQuery("SELECT setting_value FROM settings WHERE setting_name = :n")
                  .bind("n", PUBLIC)
                  .mapTo(String.class)
                  .findOne();
          try {
            KeyFactory f = KeyFactory.getInstance("Ed25519");
            if (priv.isPresent() && pub.isPresent()) {
              PrivateKey p =
                  f.generatePrivate(
                      new PKCS8EncodedKeySpec(Base64.getDecoder().decode(priv.get())));
              PublicKey q =
                  f.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pub.get())));
              return new KeyPair(q, p);
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String publicText = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
            h.createUpdate("INSERT INTO settings (setting_name, setting_value) VALUES (:n, :v)")
                .bind("n", PRIVATE)
                .bind("v", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))
                .execute();
            h.createUpdate("INSERT INTO settings (setting_name, setting_value) VALUES (:n, :v)")
                .bind("n", PUBLIC)
                .bind("v", publicText)
                .execute();
            journal.append(
                h,
                Change.by("system", "key.create")
                    .on("key", "installation")
                    .now(Json.write(Map.of("public", publicText))));
            return pair;
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored signing key cannot be read", e);
          }
        });
  }
}
