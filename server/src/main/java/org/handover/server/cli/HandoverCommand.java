package org.handover.server.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.handover.server.App;
import org.handover.server.Feature;
import org.handover.server.storage.NoDatabaseException;
import org.handover.server.storage.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.IParameterExceptionHandler;

/** The {@code handover} command: {@code serve}, and every feature's commands. */
@Command(
    name = "handover",
    mixinStandardHelpOptions = true,
    version = "Handover 0.1.0",
    description =
        "Lists of prisoners, detained civilians, deported children and remains, checked and exchanged.",
    footer = {
      "",
      "Benchmarks: ./handover bench search|names|jmh|import|matching|matching-db|dedupe|febrl4|crash|eligibility [options]",
      "(run beside the application; their reports go to bench/results/, see the README)."
    })
public final class HandoverCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The whole command line, every command in it (usage help, tests). */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command line for these arguments: when the first names a command, that command alone (with
   * its subcommands), else all. picocli reads every command's annotations to model it, which was
   * 0.3 s of every command's start; the usage help, {@code help} and a mistyped name get all.
   */
  public static CommandLine commandLine(String... line) {
    CommandLine cl = new CommandLine(new HandoverCommand());
    List<Object> commands = new ArrayList<>();
    commands.add(new ServeCommand());
    for (Feature f : App.FEATURES) {
      commands.addAll(f.commands());
    }
    String named = line.length > 0 ? line[0] : "";
    boolean one = commands.stream().anyMatch(c -> names(c).contains(named));
    for (Object c : commands) {
      if (!one || names(c).contains(named)) {
        cl.addSubcommand(c);
      }
    }
    for (Feature f : App.FEATURES) {
      f.subcommands()
          .forEach(
              (parent, children) -> {
                CommandLine under = cl.getSubcommands().get(parent);
                if (under != null) {
                  children.forEach(under::addSubcommand);
                }
              });
    }
    if (!one) {
      cl.addSubcommand(new CommandLine.HelpCommand());
    }
    // picocli's own writers (usage help, its error messages) in UTF-8 as Main's streams are: under
    // a locale that is not installed, help in Ukrainian or Russian would be all "?"
    cl.setOut(utf8(System.out));
    cl.setErr(utf8(System.err));
    // the help in the user's language, chosen from the whole command line before picocli prints
    // any: --help is answered inside the execution strategy, a bad option's usage by the parameter
    // exception handler, each before the subcommand's own --lang has reached its field
    IExecutionStrategy run = new PermissionCheck(new CommandLine.RunLast());
    cl.setExecutionStrategy(
        parsed -> {
          HelpLanguage.apply(cl, HelpLanguage.of(parsed.originalArgs().toArray(String[]::new)));
          return run.execute(parsed);
        });
    IParameterExceptionHandler badArgs = cl.getParameterExceptionHandler();
    cl.setParameterExceptionHandler(
        (e, args) -> {
          HelpLanguage.apply(cl, HelpLanguage.of(args));
          return badArgs.handleParseException(e, args);
        });
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (e.getCause() instanceof OutOfMemoryError oom) {
            throw oom;
          }
          if (e instanceof NoDatabaseException none) {
            err.println(
                Options.messages(language(parseResult)).get(none.key(), none.args().toArray()));
            return 2;
          }
          if (e instanceof StorageException || e instanceof IllegalArgumentException) {
            err.println("error: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    return cl;
  }

  /** A command's name and aliases, as its annotation gives them. */
  private static List<String> names(Object command) {
    Command c = command.getClass().getAnnotation(Command.class);
    List<String> names = new ArrayList<>(List.of(c.aliases()));
    names.add(c.name());
    return names;
  }

  private static PrintWriter utf8(OutputStream stream) {
    return new PrintWriter(
        new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)), true);
  }

  /** The --lang the command was given, if any (the mixin's field is out of reach here). */
  private static String language(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--lang")) {
        return p.matchedOptionValue("--lang", null);
      }
    }
    return null;
  }
}
