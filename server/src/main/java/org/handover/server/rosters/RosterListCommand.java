package org.handover.server.rosters;

import java.util.List;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code roster list}: every list received or handed over, newest first, with its id. */
@Requires(Permission.READ)
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description =
        "Every list received or handed over, newest first: id, file, parties, date, purpose, rows.")
final class RosterListCommand implements Callable<Integer> {
  @Mixin Options options;

  @Override
  public Integer call() {
    Messages m = options.messages();
    try (App app = options.open()) {
      List<Rosters.Summary> all = app.rosters().list();
      if (all.isEmpty()) {
        System.out.println(m.get("roster.list.none"));
        return 0;
      }
      var parties = app.parties().book();
      for (Rosters.Summary r : all) {
        System.out.println(
            m.get(
                "roster.list.line",
                r.id(),
                r.fileName(),
                parties.name(r.from(), m.language()),
                parties.name(r.to(), m.language()),
                org.handover.server.i18n.Days.written(r.receivedOn()),
                m.get("purpose." + r.purpose()),
                r.rows(),
                r.errorRows()));
      }
      return 0;
    }
  }
}
