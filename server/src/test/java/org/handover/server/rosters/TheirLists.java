package org.handover.server.rosters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.handover.core.parties.Party;
import org.handover.core.rosters.Purpose;
import org.handover.core.rosters.RosterDetails;
import org.handover.core.rosters.Tables;
import org.handover.server.App;

/** A list the other side (RU) sent us (UA) for an exchange, as tests import it. */
public final class TheirLists {
  private TheirLists() {}

  /**
   * Writes {@code csv} to {@code file} in UTF-8 and imports it as {@code name}, received on {@code
   * day} and imported by {@code actor}; returns the roster's id.
   */
  public static long imported(
      App app, Path file, String name, CharSequence csv, String actor, LocalDate day)
      throws IOException, org.handover.core.rosters.RosterFileException {
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return app.rosters()
        .importFile(
            file,
            name,
            new RosterDetails(Party.of("RU"), Party.of("UA"), day, Purpose.EXCHANGE, ""),
            Tables.Options.detect(),
            Optional.empty(),
            actor,
            (n, f) -> {})
        .id();
  }
}
