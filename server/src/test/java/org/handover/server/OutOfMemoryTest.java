package org.handover.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Running out of heap is a sentence naming the setting, in the user's language, exit 3. */
class OutOfMemoryTest {
  private static String said(String... args) {
    PrintStream before = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.outOfMemory(args)).isEqualTo(3);
    } finally {
      System.setErr(before);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theMessageNamesTheHeapAndTheSettingInTheUsersLanguage() {
    long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    assertThat(said("match", "--roster", "1", "--lang", "en"))
        .contains("ran out of memory (at most " + mb + " MB of heap)")
        .contains("HANDOVER_JAVA_OPTS=\"-Xmx8g\"")
        .doesNotContain("Exception");
    assertThat(said("match", "--lang", "uk"))
        .contains("забракло пам’яті")
        .contains("HANDOVER_JAVA_OPTS");
    assertThat(said("match", "--lang", "ru")).contains("не хватило памяти");
    // no language named: the machine's, and still a sentence (a null language once threw here)
    assertThat(said("duplicates", "--db", "embedded:/tmp/x"))
        .contains("HANDOVER_JAVA_OPTS")
        .doesNotContain("Exception");
  }
}
