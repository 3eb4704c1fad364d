package org.handover.server.cli;

import java.io.PrintWriter;
import org.handover.server.storage.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code handover} command and its subcommands. */
@Command(name = "handover", mixinStandardHelpOptions = true, version = "Handover 0.1.0",
    description = "Lists of prisoners, detained civilians, deported children and remains, checked and exchanged.",
    footer = {"", "Benchmarks: ./handover bench search|names|jmh|import|matching|matching-db|dedupe|febrl4 [options]",
        "(run beside the application; their reports go to bench/results/, see the README)."},
    subcommands = {DemoCommand.class, ServeCommand.class, JournalCommand.class, UserCommand.class,
        PersonCommand.class, RegistryCommand.class, RosterCommand.class, MatchCommand.class, DedupeCommand.class, KeyCommand.class, NamesCommand.class, CommandLine.HelpCommand.class})
public final class HandoverCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new HandoverCommand());
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (e instanceof StorageException || e instanceof IllegalArgumentException) {
        err.println("error: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    return cl;
  }
}
