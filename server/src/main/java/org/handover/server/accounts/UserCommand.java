package org.handover.server.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.core.accounts.Role;
import org.handover.server.App;
import org.handover.server.cli.Acting;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Accounts: add, disable, enable, a new password; and who the command line acts as (an
 * operating-system user mapped to an account, API tokens for scripts).
 */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "User accounts.",
    subcommands = {
      UserCommand.Add.class,
      UserCommand.Disable.class,
      UserCommand.Enable.class,
      UserCommand.ResetPassword.class,
      UserCommand.List.class,
      UserCommand.Map.class,
      UserCommand.Unmap.class,
      UserCommand.Token.class
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

    @Acting String actor;

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
        String password = app.accounts().create(name, r, actor);
        System.out.println(m.get("cli.user-created", name, r.key(), password));
        return 0;
      } catch (Accounts.AccountException e) {
        System.err.println(
            m.get("login.username") + " '" + name + "': " + m.get(e.key(), e.getMessage()));
        return 2;
      }
    }
  }

  /** What disable, enable and reset-password share: the account named, and who acts. */
  abstract static class OnAccount implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "NAME", description = "the account's user name")
    String name;

    @Acting String actor;

    abstract String act(App app, Messages m);

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        System.out.println(act(app, m));
        return 0;
      } catch (Accounts.AccountException e) {
        System.err.println(
            m.get("login.username") + " '" + name + "': " + m.get(e.key(), e.getMessage()));
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

  @Requires(Permission.MANAGE_ACCOUNTS)
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Every account: role, disabled or not, the operating-system users it acts for and its API"
              + " tokens.")
  static final class List implements Callable<Integer> {
    @Mixin Options options;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        java.util.List<Credentials.Live> live = app.accounts().credentials().live();
        for (Accounts.Account a : app.accounts().all()) {
          StringBuilder line =
              new StringBuilder(a.username()).append('\t').append(m.get("role." + a.role().key()));
          if (a.disabled()) {
            line.append('\t').append(m.get("cli.user-list.disabled"));
          }
          for (Credentials.Live c : live) {
            if (c.username().equals(a.username())) {
              line.append('\t')
                  .append(
                      m.get("cli.user-list." + c.kind(), c.shown().isEmpty() ? "-" : c.shown()));
            }
          }
          System.out.println(line);
        }
        return 0;
      }
    }
  }

  @Requires(Permission.MANAGE_ACCOUNTS)
  @Command(
      name = "map",
      mixinStandardHelpOptions = true,
      description =
          "Map an operating-system user to an account: the commands that user runs act as it,"
              + " without a prompt.")
  static final class Map extends OnAccount {
    @Option(
        names = "--os-user",
        required = true,
        paramLabel = "LOGIN",
        description = "the operating-system user (as whoami prints it)")
    String osUser;

    @Override
    String act(App app, Messages m) {
      app.accounts().credentials().mapOsUser(name, osUser, actor);
      return m.get("cli.user-mapped", name, osUser);
    }
  }

  @Requires(Permission.MANAGE_ACCOUNTS)
  @Command(
      name = "unmap",
      mixinStandardHelpOptions = true,
      description = "End every mapping of operating-system users to an account.")
  static final class Unmap extends OnAccount {
    @Override
    String act(App app, Messages m) {
      return m.get(
          "cli.user-unmapped", name, app.accounts().credentials().unmapOsUsers(name, actor));
    }
  }

  @Requires(Permission.MANAGE_ACCOUNTS)
  @Command(
      name = "token",
      mixinStandardHelpOptions = true,
      description =
          "Give an account an API token for scripts (HANDOVER_TOKEN_FILE or --token-file), shown"
              + " once or written to a new file only its owner reads; --revoke ends its tokens.")
  static final class Token extends OnAccount {
    @Option(
        names = "--label",
        defaultValue = "",
        description = "what the token is for (\"nightly backup\")")
    String label;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "write the token to this new file (mode 600) instead of printing it")
    Path out;

    @Option(names = "--revoke", description = "revoke every token of the account instead")
    boolean revoke;

    @Override
    String act(App app, Messages m) {
      if (revoke) {
        return m.get(
            "cli.user-tokens-revoked",
            name,
            app.accounts().credentials().revokeTokens(name, actor));
      }
      if (out != null && Files.exists(out)) {
        throw new IllegalArgumentException(m.get("briefing.exists", out));
      }
      if (label.length() > 200) {
        throw new IllegalArgumentException(m.get("cli.token-label", 200));
      }
      if (out == null) {
        return m.get(
            "cli.user-token", name, app.accounts().credentials().issueToken(name, label, actor));
      }
      try { // the file first: a token is never issued that nobody holds
        Files.createFile(
            out,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (IOException | UnsupportedOperationException e) {
        throw new IllegalArgumentException(m.get("cli.token-unwritable", out, e.getMessage()));
      }
      try {
        String token = app.accounts().credentials().issueToken(name, label, actor);
        Files.writeString(out, token + "\n", StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException ignored) {
          // the message below says what failed
        }
        if (e instanceof Accounts.AccountException a) {
          throw a;
        }
        throw new IllegalArgumentException(m.get("cli.token-unwritable", out, e.getMessage()));
      }
      return m.get("cli.user-token-written", name, out);
    }
  }
}
