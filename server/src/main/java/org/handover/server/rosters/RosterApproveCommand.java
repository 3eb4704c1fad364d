package org.handover.server.rosters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.cli.Acting;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code roster approve ID}: a second person approves a list we send, having seen what it holds.
 */
@Requires(Permission.EXPORT_DATA)
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = {
      "Approve a list this installation's party sends, before any export of it is made.",
      "Prints what it holds by sensitivity and what its exports leave out; never by whoever made"
          + " the list (four eyes)."
    })
final class RosterApproveCommand implements Callable<Integer> {
  @Mixin Options options;

  @Parameters(paramLabel = "ID")
  long id;

  @Acting String actor;

  @Override
  public Integer call() {
    Messages m = options.messages();
    try (App app = options.open()) {
      Optional<Rosters.Summary> r = app.rosters().find(id);
      if (r.isEmpty()) {
        System.err.println(m.get("error.roster.unknown", id));
        return 2;
      }
      Disclosure d = app.rosters().disclosure();
      if (!d.outgoing(r.get())) {
        System.err.println(m.get("disclosure.not-outgoing", id));
        return 2;
      }
      List<String> leftOut = new ArrayList<>();
      for (Disclosure.Field f : d.contents(r.get())) {
        System.out.println(
            m.get(
                "roster.approve-contents",
                m.get("list-field." + f.field()),
                m.get("sensitivity." + f.sensitivity().key()),
                f.filled(),
                m.get(f.kept() ? "disclosure.kept" : "disclosure.left-out")));
        if (!f.kept()) {
          leftOut.add(m.get("list-field." + f.field()));
        }
      }
      try {
        d.approve(r.get(), actor);
      } catch (Disclosure.SameHands e) {
        System.err.println(m.get("disclosure.four-eyes"));
        return 2;
      }
      System.out.println(
          m.get("roster.approved-cli", id, leftOut.isEmpty() ? "—" : String.join(", ", leftOut)));
      return 0;
    }
  }
}
