package org.handover.server.rosters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files uploaded for import, held in a temporary folder between the preview and the import, each
 * under a random token that only its uploader can use; forgotten after an hour.
 */
final class Uploads {
  static final Duration KEEP = Duration.ofHours(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One staged upload. */
  record Staged(String token, Path file, String name, long size, long userId, long createdMillis) {}

  private final Map<String, Staged> staged = new ConcurrentHashMap<>();
  private final Path folder;
  private final Clock clock;

  Uploads(Clock clock) {
    this.clock = clock;
    try {
      this.folder = Files.createTempDirectory("handover-uploads");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a folder for uploads", e);
    }
  }

  Staged stage(InputStream content, String name, long userId) throws IOException {
    purge();
    byte[] t = new byte[24];
    RANDOM.nextBytes(t);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(t);
    Path file = folder.resolve(token);
    long size = Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
    Staged s = new Staged(token, file, name, size, userId, clock.millis());
    staged.put(token, s);
    return s;
  }

  Optional<Staged> find(String token, long userId) {
    Staged s = token == null ? null : staged.get(token);
    return s != null && s.userId() == userId && Files.exists(s.file())
        ? Optional.of(s)
        : Optional.empty();
  }

  void forget(Staged s) {
    staged.remove(s.token());
    try {
      Files.deleteIfExists(s.file());
    } catch (IOException e) {
      // the temporary folder is the system's to clean
    }
  }

  private void purge() {
    long now = clock.millis();
    staged.values().stream()
        .filter(s -> now - s.createdMillis() > KEEP.toMillis())
        .toList()
        .forEach(this::forget);
  }
}
