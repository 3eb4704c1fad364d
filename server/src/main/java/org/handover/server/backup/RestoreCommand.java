package org.handover.server.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.core.journal.Checkpoint;
import org.handover.core.journal.JournalChain;
import org.handover.server.App;
import org.handover.server.cli.Requires;
import org.handover.server.journal.StateAudit;
import org.handover.server.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code handover restore FILE}: into an empty database, then verified. */
@Requires(Permission.BACKUP)
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Load a backup into an empty database (made when it does not exist), in one transaction, then"
          + " verify it: the journal's chain, every record against the journal, the journal's head"
          + " against the backup's, and the backup's signed checkpoint.",
      "A database that holds anything is refused: a restore never overwrites."
    })
final class RestoreCommand implements Callable<Integer> {
  @Mixin KeyOptions key;

  @Parameters(paramLabel = "FILE", description = "a file written by handover backup")
  Path file;

  @Option(
      names = "--db",
      defaultValue = "${env:HANDOVER_DB_URL:-" + Database.DEFAULT_URL + "}",
      description =
          "the empty database to restore into: embedded:DIR (a private PostgreSQL under DIR) or"
              + " jdbc:postgresql://... (default ${DEFAULT-VALUE})")
  String db;

  @Override
  public Integer call() throws IOException {
    Restore.Loaded loaded =
        Restore.into(db, file, key.forRestore(), line -> System.out.println("  " + line));
    System.out.println(
        "Restored "
            + loaded.rows()
            + " rows from "
            + file
            + " (journal up to entry "
            + loaded.journalSeq()
            + ").");
    try (App app = App.open(db)) {
      if (app.key().restoreFile(loaded.signingKey())) {
        System.out.println("The installation's signing key was put back: " + app.key().file());
      }
      List<String> wrong = check(app, loaded);
      if (wrong.isEmpty()) {
        System.out.println(
            "Verified: the journal is intact up to entry "
                + loaded.journalSeq()
                + ", every record is as journaled"
                + (loaded.checkpoint().isEmpty() ? "" : ", and it extends the backup's checkpoint")
                + ".");
        return 0;
      }
      System.out.println("The restored database does NOT verify:");
      wrong.forEach(w -> System.out.println("  " + w));
      return 1;
    }
  }

  private static List<String> check(App app, Restore.Loaded loaded) {
    List<String> wrong = new ArrayList<>();
    JournalChain.Verification v = app.journal().verify();
    if (!v.intact()) {
      wrong.add("journal broken at entry " + v.firstBroken() + ": " + v.reason());
    } else if (v.count() != loaded.journalSeq()) {
      wrong.add(
          "the journal ends at entry " + v.count() + ", the backup's at " + loaded.journalSeq());
    }
    if (!app.journal().headHash().equals(loaded.journalHash())) {
      wrong.add("the journal's head is not the one the backup recorded");
    }
    if (!loaded.checkpoint().isEmpty()) {
      Optional<String> c =
          app.journal().extendsCheckpoint(Checkpoint.parse(loaded.checkpoint()), app.key());
      c.ifPresent(w -> wrong.add("the backup's checkpoint: " + w));
    }
    StateAudit.Result audit = app.journal().audit();
    audit.findings().forEach(f -> wrong.add(f.describe()));
    return wrong;
  }
}
