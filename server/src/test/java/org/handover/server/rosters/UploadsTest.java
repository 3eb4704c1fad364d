package org.handover.server.rosters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staged uploads hold personal data: none outlives a failure, a shutdown or a process that died.
 */
class UploadsTest {
  @TempDir Path dir;

  @Test
  void theFoldersOfProcessesThatDiedAreRemovedAtStart() throws Exception {
    Path dead = Files.createDirectories(dir.resolve("handover-uploads-999999999-abc"));
    Files.writeString(dead.resolve("list"), "Ковальчук;Юрій");
    Path live =
        Files.createDirectories(
            dir.resolve(
                "handover-uploads-"
                    + ProcessHandle.current().parent().orElseThrow().pid()
                    + "-abc"));
    new Uploads(Clock.systemUTC(), dir);
    assertThat(dead).doesNotExist();
    assertThat(live).exists();
  }

  @Test
  void aCopyThatFailsLeavesNoFile() {
    Uploads uploads = new Uploads(Clock.systemUTC(), dir);
    InputStream broken =
        new SequenceInputStream(
            new ByteArrayInputStream("Ковальчук;Юрій\n".getBytes()),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("the client went away");
              }
            });
    assertThatThrownBy(() -> uploads.stage(broken, "list.csv", 1)).isInstanceOf(IOException.class);
    assertThat(uploads.folder()).isEmptyDirectory();
  }

  @Test
  void clearingAtShutdownRemovesEveryStagedFile() throws Exception {
    Uploads uploads = new Uploads(Clock.systemUTC(), dir);
    Uploads.Staged s = uploads.stage(new ByteArrayInputStream("a;b".getBytes()), "list.csv", 1);
    assertThat(s.file()).exists();
    uploads.clear();
    assertThat(uploads.folder()).doesNotExist();
    assertThat(uploads.find(s.token(), 1)).isEmpty();
  }
}
