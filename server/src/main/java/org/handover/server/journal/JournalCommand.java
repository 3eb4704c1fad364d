package org.handover.server.journal;

import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.core.journal.JournalChain;
import org.handover.server.App;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The journal: verify its hash chain. */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = "The tamper-evident journal of every change.",
    subcommands = JournalCommand.Verify.class)
final class JournalCommand {

  @Requires(Permission.READ)
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Walk the hash chain: exit 0 with the count when intact, 1 naming the first broken entry.")
  static final class Verify implements Callable<Integer> {
    @Mixin Options options;

    @Override
    public Integer call() {
      try (App app = options.open()) {
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
}
