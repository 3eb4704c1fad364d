package org.handover.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line built for what was typed: the command named alone, else every command. */
class CommandLineTest {
  @Test
  void aCommandNamedFirstIsTheOnlyOneModelled() {
    assertThat(HandoverCommand.commandLine("match", "--roster", "1").getSubcommands().keySet())
        .containsExactly("match");
    // a feature's command under another's ("registry import", from the rosters feature) comes too
    CommandLine registry =
        HandoverCommand.commandLine("registry", "import", "a.csv").getSubcommands().get("registry");
    assertThat(registry.getSubcommands()).containsKeys("import", "add", "find");
  }

  @Test
  void theUsageHelpAndAMistypedNameGetEveryCommand() {
    int all = HandoverCommand.commandLine().getSubcommands().size();
    assertThat(all).isGreaterThan(20);
    assertThat(HandoverCommand.commandLine("--help").getSubcommands()).hasSize(all);
    assertThat(HandoverCommand.commandLine("help", "match").getSubcommands()).hasSize(all);
    CommandLine typo = HandoverCommand.commandLine("mtach", "--roster", "1");
    assertThat(typo.getSubcommands()).hasSize(all);
    StringWriter err = new StringWriter();
    typo.setErr(new PrintWriter(err));
    assertThat(typo.execute("mtach", "--roster", "1")).isNotZero();
    assertThat(err.toString()).contains("match");
  }
}
