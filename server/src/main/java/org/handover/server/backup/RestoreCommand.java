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
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Messages;
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

  @Option(
      names = "--lang",
      converter = org.handover.server.cli.Language.class,
      description = "uk, en or ru (default from LANG)")
  String lang;

  @Override
  public Integer call() throws IOException {
    Messages m = Options.messages(lang);
    try {
      return run(m);
    } catch (BackupException e) {
      throw e.in(m);
    }
  }

  private int run(Messages m) throws IOException {
    key.lang = m.language();
    Restore.Loaded loaded =
        Restore.into(db, file, key.forRestore(), line -> System.out.println("  " + line));
    System.out.println(
        m.get("restore.restored", loaded.rows(), file.toString(), loaded.journalSeq()));
    try (App app = App.open(db)) {
      if (app.key().restoreFile(loaded.signingKey())) {
        System.out.println(m.get("restore.key-back", app.key().file().toString()));
      }
      List<String> wrong = check(app, loaded, m);
      if (wrong.isEmpty()) {
        System.out.println(
            m.get(
                loaded.checkpoint().isEmpty() ? "restore.verified" : "restore.verified-checkpoint",
                loaded.journalSeq()));
        return 0;
      }
      System.out.println(m.get("restore.not-verified"));
      wrong.forEach(w -> System.out.println("  " + w));
      return 1;
    }
  }

  private static List<String> check(App app, Restore.Loaded loaded, Messages m) {
    List<String> wrong = new ArrayList<>();
    JournalChain.Verification v = app.journal().verify();
    if (!v.intact()) {
      wrong.add(m.get("journal.broken", String.valueOf(v.firstBroken()), v.reason()));
    } else if (v.count() != loaded.journalSeq()) {
      wrong.add(m.get("restore.ends", v.count(), loaded.journalSeq()));
    }
    if (!app.journal().headHash().equals(loaded.journalHash())) {
      wrong.add(m.get("restore.head"));
    }
    if (!loaded.checkpoint().isEmpty()) {
      Optional<String> c =
          app.journal().extendsCheckpoint(Checkpoint.parse(loaded.checkpoint()), app.key());
      c.ifPresent(w -> wrong.add(m.get("restore.checkpoint", w)));
    }
    StateAudit.Result audit = app.journal().audit();
    audit.findings().forEach(f -> wrong.add(f.describe(m)));
    return wrong;
  }
}
