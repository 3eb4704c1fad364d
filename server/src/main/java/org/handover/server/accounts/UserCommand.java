package org.handover.server.accounts;

import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.core.accounts.Role;
import org.handover.server.App;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Accounts: add a user. */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "User accounts.",
    subcommands = UserCommand.Add.class)
final class UserCommand {

  @Requires(Permission.MANAGE_ACCOUNTS)
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a user with a role and print a generated password once.")
  static final class Add implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "NAME", description = "user name: small Latin letters, digits, . - _")
    String name;

    @Option(
        names = "--role",
        required = true,
        description = "admin, registrar, reviewer, negotiator or observer")
    String role;

    @Override
    public Integer call() {
      Messages m = options.messages();
      Role r;
      try {
        r = Role.fromKey(role);
      } catch (IllegalArgumentException e) {
        System.err.println(
            m.get("cli.role")
                + ": "
                + m.get("error.unknown-value", role)
                + " (admin, registrar, reviewer, negotiator, observer)");
        return 2;
      }
      try (App app = options.open()) {
        String password = app.accounts().create(name, r, "cli");
        System.out.println(m.get("cli.user-created", name, r.key(), password));
        return 0;
      } catch (Accounts.AccountException e) {
        System.err.println(m.get("login.username") + " '" + name + "': " + m.get(e.key()));
        return 2;
      }
    }
  }
}
