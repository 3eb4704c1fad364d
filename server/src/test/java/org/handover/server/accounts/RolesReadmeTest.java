package org.handover.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.handover.core.accounts.Permission;
import org.handover.core.accounts.Role;
import org.junit.jupiter.api.Test;

/** The README's roles table says what the one table of permissions holds, row by row. */
class RolesReadmeTest {
  @Test
  void theReadmesRolesTableIsThePermissionTable() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("../README.md"), StandardCharsets.UTF_8);
    int start =
        lines.indexOf("| permission | admin | registrar | reviewer | negotiator | observer |");
    assertThat(start).as("the README has the roles table").isGreaterThan(0);
    List<String> rows = new ArrayList<>();
    for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      rows.add(lines.get(i));
    }
    List<String> expected = new ArrayList<>();
    for (Permission p : Permission.values()) {
      StringBuilder row = new StringBuilder("| " + p.key() + " |");
      for (Role r : Role.values()) {
        row.append(r.permits(p) ? " ✓ |" : " |");
      }
      expected.add(row.toString());
    }
    assertThat(rows).containsExactlyElementsOf(expected);
  }
}
