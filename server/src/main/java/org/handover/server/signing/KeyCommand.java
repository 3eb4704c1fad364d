package org.handover.server.signing;

import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The installation's signing key. */
@Command(
    name = "key",
    mixinStandardHelpOptions = true,
    description = "The key that signs this installation's exports.",
    subcommands = KeyCommand.Show.class)
final class KeyCommand {

  @Requires(Permission.READ)
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Print the public key (Base64) to give the other side, so that it can verify our exports.")
  static final class Show implements Callable<Integer> {
    @Mixin Options options;

    @Override
    public Integer call() {
      try (App app = options.open()) {
        System.out.println(app.key().publicKey());
        return 0;
      }
    }
  }
}
