package org.handover.server.cli;

import java.util.concurrent.Callable;
import org.handover.server.App;
import org.handover.server.accounts.User;
import org.handover.server.i18n.Messages;
import org.handover.server.storage.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Checks, before a command runs, the permission it declares with {@link Requires}: an account named
 * by {@code --actor} must exist and its role must hold it. A runnable command without a declared
 * permission does not run.
 */
final class PermissionCheck implements IExecutionStrategy {
  private final IExecutionStrategy next;

  PermissionCheck(IExecutionStrategy next) {
    this.next = next;
  }

  @Override
  public int execute(ParseResult parseResult) {
    ParseResult leaf = parseResult;
    while (leaf.hasSubcommand()) {
      leaf = leaf.subcommand();
    }
    CommandSpec spec = leaf.commandSpec();
    Object command = spec.userObject();
    boolean runs = command instanceof Runnable || command instanceof Callable;
    boolean plumbing =
        command instanceof HandoverCommand || command instanceof CommandLine.HelpCommand;
    if (!runs || plumbing || leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested()) {
      return next.execute(parseResult);
    }
    Requires requires = command.getClass().getAnnotation(Requires.class);
    if (requires == null) {
      throw new IllegalStateException(
          "command '" + spec.qualifiedName() + "' declares no permission (@Requires)");
    }
    OptionSpec actor = spec.findOption("--actor");
    OptionSpec db = spec.findOption("--db");
    String who = actor == null ? "cli" : actor.getValue();
    if (!"cli".equals(who) && db != null) {
      OptionSpec lang = spec.findOption("--lang");
      Messages m = Options.messages(lang == null ? null : lang.getValue());
      try (App app = App.open(db.getValue())) {
        // the actor is who the journal will name; as anywhere on the machine's command line, it is
        // not a login: whoever runs commands here holds the database already
        User user = app.accounts().find(who).orElse(null);
        if (user == null) {
          spec.commandLine().getErr().println(m.get("error.actor.unknown", who));
          return 2;
        }
        if (!user.role().permits(requires.value())) {
          spec.commandLine()
              .getErr()
              .println(
                  m.get(
                      "error.permission",
                      who,
                      m.get("role." + user.role().key()),
                      m.get("permission." + requires.value().key())));
          return 2;
        }
      } catch (StorageException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        return 2;
      }
    }
    return next.execute(parseResult);
  }
}
