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
import java.util.regex.Matcher;
import org.handover.server.storage.Folders;

/**
 * Files uploaded for import, held in a temporary folder between the preview and the import, each
 * under a random token that only its uploader can use; forgotten after an hour. They hold personal
 * data: a copy that fails is removed at once, the process's folder when it stops, and the folders
 * of processes that died at the next start.
 */
final class Uploads {
  static final Duration KEEP = Duration.ofHours(1);
  static final String PREFIX = "handover-uploads-";
  private static final java.util.regex.Pattern ORPHAN =
      java.util.regex.Pattern.compile(PREFIX + "(\\d{1,18})-.*");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One staged upload. */
  record Staged(String token, Path file, String name, long size, long userId, long createdMillis) {}

  private final Map<String, Staged> staged = new ConcurrentHashMap<>();
  private final Path folder;
  private final Clock clock;

  Uploads(Clock clock) {
    this(clock, Path.of(System.getProperty("java.io.tmpdir")));
  }

  Uploads(Clock clock, Path parent) {
    this.clock = clock;
    try {
      Files.createDirectories(parent);
      removeOrphans(parent);
      // a folder of its own, with a name no one can guess and only its owner enters
      this.folder = Files.createTempDirectory(parent, PREFIX + ProcessHandle.current().pid() + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a folder for uploads under " + parent, e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::clear, "uploads-cleanup"));
  }

  /** The folders left by processes that are gone (killed, crashed): removed with what they hold. */
  static void removeOrphans(Path parent) throws IOException {
    try (var dirs = Files.list(parent)) {
      for (Path d : dirs.toList()) {
        Matcher m = ORPHAN.matcher(d.getFileName().toString());
        if (m.matches()
            && Files.isWritable(d)
            && !ProcessHandle.of(Long.parseLong(m.group(1)))
                .map(ProcessHandle::isAlive)
                .orElse(false)) {
          Folders.deleteTree(d);
        }
      }
    }
  }

  /** Every staged file and the folder: at shutdown. */
  void clear() {
    staged.clear();
    try {
      Folders.deleteTree(folder);
    } catch (IOException e) {
      // the next start removes what is left
    }
  }

  Path folder() {
    return folder;
  }

  Staged stage(InputStream content, String name, long userId) throws IOException {
    purge();
    byte[] t = new byte[24];
    RANDOM.nextBytes(t);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(t);
    Path file = folder.resolve(token);
    long size;
    try {
      size = Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file); // a half copy of a list is personal data with no use
      throw e;
    }
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
