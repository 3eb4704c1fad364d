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
    subcommands = {
      UserCommand.Add.class,
      UserCommand.Disable.class,
      UserCommand.Enable.class,
      UserCommand.ResetPassword.class
    })
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

  /** What disable, enable and reset-password share: the account named, and who acts. */
  abstract static class OnAccount implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "NAME", description = "the account's user name")
    String name;

    @Option(names = "--actor", defaultValue = "cli")
    String actor;

    abstract String act(App app, Messages m);

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        System.out.println(act(app, m));
        return 0;
      } catch (Accounts.AccountException e) {
        System.err.println(m.get("login.username") + " '" + name + "': " + m.get(e.key()));
        return 2;
      }
    }
  }

  @Requires(Permission.MANAGE_ACCOUNTS)
  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description =
          "Disable an account: it cannot log in, its open sessions end, its history stays; never"
              + " the last administrator.")
  static final class Disable extends OnAccount {
    @Override
    String act(App app, Messages m) {
      app.accounts().setEnabled(name, false, actor);
      return m.get("cli.user-disabled", name);
    }
  }

  @Requires(Permission.MANAGE_ACCOUNTS)
  @Command(
      name = "enable",
      mixinStandardHelpOptions = true,
      description = "Enable a disabled account again.")
  static final class Enable extends OnAccount {
    @Override
    String act(App app, Messages m) {
      app.accounts().setEnabled(name, true, actor);
      return m.get("cli.user-enabled", name);
    }
  }

  @Requires(Permission.MANAGE_ACCOUNTS)
  @Command(
      name = "reset-password",
      mixinStandardHelpOptions = true,
      description = "Give an account a new generated password, printed once.")
  static final class ResetPassword extends OnAccount {
    @Override
    String act(App app, Messages m) {
      return m.get("cli.user-password", name, app.accounts().resetPassword(name, actor));
    }
  }
}
