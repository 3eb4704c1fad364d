package org.handover.core.rosters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * Any bytes at all, read as a CSV or a workbook: entries or a clear error, never another exception.
 */
class RosterReadingPropertiesTest {
  private static int read(byte[] bytes, String name) throws Exception {
    Path file = Files.createTempFile("roster", name);
    try {
      Files.write(file, bytes);
      int n = 0;
      try (Table t =
          Tables.open(file, name, Tables.Options.detect().withMaxInflatedBytes(1024 * 1024))) {
        EntryReader reader =
            new EntryReader(t.header(), ColumnMapping.guess(t.header()), LocalDate.of(2025, 6, 2));
        for (Optional<Table.Row> r = t.next(); r.isPresent(); r = t.next()) {
          reader.read(r.get());
          n++;
        }
      } catch (RosterFileException e) {
        assertThat(e.key()).startsWith("error.");
        return -1;
      }
      return n;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Property(tries = 300)
  void anyBytesAsCsv(@ForAll @Size(max = 400) byte[] bytes) throws Exception {
    assertThat(read(bytes, ".csv")).isGreaterThanOrEqualTo(-1);
  }

  @Property(tries = 200)
  void anyTextAsCsv(@ForAll @Size(max = 300) String text) throws Exception {
    assertThat(read(text.getBytes(StandardCharsets.UTF_8), ".csv")).isGreaterThanOrEqualTo(-1);
  }

  @Property(tries = 100)
  void anyBytesAsAWorkbook(@ForAll @Size(max = 400) byte[] bytes) throws Exception {
    byte[] zipped = bytes.length > 4 ? bytes.clone() : new byte[] {'P', 'K', 3, 4, 0};
    zipped[0] = 'P';
    zipped[1] = 'K';
    zipped[2] = 3;
    zipped[3] = 4;
    assertThat(read(zipped, ".xlsx")).isGreaterThanOrEqualTo(-1);
  }
}
