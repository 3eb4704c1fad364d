package org.handover.server.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.core.journal.Checkpoint;
import org.handover.core.journal.JournalChain;
import org.handover.server.App;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The journal: verify its hash chain. */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = "The tamper-evident journal of every change.",
    subcommands = {JournalCommand.Verify.class, JournalCommand.MakeCheckpoint.class})
final class JournalCommand {

  @Requires(Permission.READ)
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Walk the hash chain: exit 0 with the count when intact, 1 naming the first broken entry.")
  static final class Verify implements Callable<Integer> {
    @Mixin Options options;

    @Option(
        names = "--checkpoint",
        paramLabel = "FILE|TEXT",
        description =
            "a checkpoint printed earlier (journal checkpoint, an export, a PDF manifest): the journal"
                + " must still extend it")
    String checkpoint;

    @Override
    public Integer call() throws IOException {
      try (App app = options.open()) {
        if (checkpoint != null) {
          Path file = Path.of(checkpoint);
          String text = Files.isRegularFile(file) ? Files.readString(file) : checkpoint;
          Checkpoint c;
          try {
            c = Checkpoint.parse(text);
          } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
            return 2;
          }
          Optional<String> wrong = app.journal().extendsCheckpoint(c, app.key());
          if (wrong.isPresent()) {
            System.out.println(
                "journal does NOT extend the checkpoint at entry " + c.seq() + ": " + wrong.get());
            return 1;
          }
          System.out.println("the journal extends the checkpoint at entry " + c.seq());
        }
        JournalChain.Verification v = app.journal().verify();
        if (v.intact() && v.count() == 0) {
          // a database in use always has entries (its first account, its key): none at all is no
          // proof
          System.out.println(
              "journal EMPTY: not one entry, so nothing is proved intact; if this database"
                  + " was in use, its journal was deleted");
          return 1;
        }
        if (v.intact()) {
          System.out.println("journal intact: " + v.count() + " entries");
          return 0;
        }
        System.out.println("journal BROKEN at entry " + v.firstBroken() + ": " + v.reason());
        return 1;
      }
    }
  }

  @Requires(Permission.READ)
  @Command(
      name = "checkpoint",
      mixinStandardHelpOptions = true,
      description = {
        "Print the journal's head signed with this installation's key, to keep apart from the database"
            + " (on paper, in the minutes of an exchange).",
        "Later, 'journal verify --checkpoint' proves the journal still extends it."
      })
  static final class MakeCheckpoint implements Callable<Integer> {
    @Mixin Options options;

    @Option(names = "--out", description = "also write it to this file")
    Path out;

    @Override
    public Integer call() throws IOException {
      try (App app = options.open()) {
        Checkpoint c = app.journal().checkpoint(app.key());
        System.out.println(c);
        if (out != null) {
          Files.writeString(out, c + "\n");
        }
        return 0;
      }
    }
  }
}
