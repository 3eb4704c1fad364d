package org.handover.server.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every action and entity the code journals has a name in each language, so that the journal page
 * never shows a key: the journal calls of the sources are read for their words.
 */
class JournalWordsTest {
  private static final Pattern ACTION =
      Pattern.compile("Change\\.by\\([^,]+,\\s*\"([a-z.-]+)\"\\)");
  private static final Pattern ENTITY = Pattern.compile("\\.on\\(\\s*\"([a-z-]+)\"");

  @Test
  void everyJournaledActionAndEntityHasANameInEachLanguage() throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String code = Files.readString(f);
        Matcher a = ACTION.matcher(code);
        while (a.find()) {
          keys.add("action." + a.group(1));
        }
        Matcher e = ENTITY.matcher(code);
        while (e.find()) {
          keys.add("entity." + e.group(1));
        }
      }
    }
    assertThat(keys).contains("action.party.add", "action.roster.import", "entity.person");
    for (String lang : Messages.LANGUAGES) {
      assertThat(keys)
          .allSatisfy(k -> assertThat(Messages.of(lang).has(k)).as(lang + " " + k).isTrue());
    }
  }
}
