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
          "Walk the hash chain and compare every record with the state its last entry recorded:"
              + " exit 0 with the counts when both hold, 1 naming the first broken entry and"
              + " each record changed outside Handover.")
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
      org.handover.server.i18n.Messages m = options.messages();
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
            System.out.println(m.get("journal.not-extends", String.valueOf(c.seq()), wrong.get()));
            return 1;
          }
          System.out.println(m.get("journal.extends", String.valueOf(c.seq())));
        }
        JournalChain.Verification v = app.journal().verify();
        if (v.intact() && v.count() == 0) {
          // a database in use always has entries (its first account, its key): none at all is no
          // proof
          System.out.println(m.get("journal.empty"));
          return 1;
        }
        if (v.intact()) {
          System.out.println(m.get("journal.intact", v.count()));
        } else {
          System.out.println(m.get("journal.broken", String.valueOf(v.firstBroken()), v.reason()));
        }
        StateAudit.Result audit = app.journal().audit();
        print(audit, m);
        return v.intact() && audit.clean() ? 0 : 1;
      }
    }

    private static void print(StateAudit.Result audit, org.handover.server.i18n.Messages m) {
      String later = audit.undigested() == 0 ? "" : m.get("audit.undigested", audit.undigested());
      if (audit.clean()) {
        System.out.println(m.get("audit.clean", audit.compared()) + later);
        return;
      }
      System.out.println(m.get("audit.found", audit.found(), audit.compared()) + later);
      for (StateAudit.Finding f : audit.findings()) {
        System.out.println("  " + f.describe(m));
      }
      if (audit.found() > audit.findings().size()) {
        System.out.println("  " + m.get("audit.more", audit.found() - audit.findings().size()));
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
