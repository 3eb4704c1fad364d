package org.handover.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Refuses to run a command that declares no permission with {@link Requires}; whether the account
 * it acts as holds it is checked when it opens the database ({@link Options#open()}).
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
    return next.execute(parseResult);
  }
}
