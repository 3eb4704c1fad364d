package org.handover.server.negotiations;

import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Days;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code handover round list}. */
@Command(
    name = "round",
    mixinStandardHelpOptions = true,
    description = "Rounds of talks recorded.",
    subcommands = {RoundCommand.ListRounds.class})
final class RoundCommand {
  @Requires(Permission.READ)
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Every round, the latest first: key, number, date, venue, commitments.")
  static final class ListRounds implements Callable<Integer> {
    @Mixin Options options;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        var rounds = app.negotiations().rounds();
        if (rounds.isEmpty()) {
          System.out.println(m.get("round.list.empty"));
        }
        for (StoredRound r : rounds) {
          var round = r.record().round();
          System.out.println(
              String.join(
                  "\t",
                  round.key(),
                  String.valueOf(round.number()),
                  Days.written(round.date()),
                  round.venue().in(m.language()),
                  m.get("round.list.commitments", r.record().commitments().size())));
        }
        return 0;
      }
    }
  }
}
