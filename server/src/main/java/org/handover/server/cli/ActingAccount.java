package org.handover.server.cli;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.handover.server.App;
import org.handover.server.accounts.User;
import org.handover.server.i18n.Messages;

/**
 * Who a command acts as, without a prompt: the account of an API token (a file, or the
 * environment), else the account the operating-system user is mapped to. Nobody else: a name typed
 * on the command line would let anyone write anyone into the journal. Only a database without any
 * account yet (just made or restored) is worked on by its operator, recorded as {@code os:NAME}.
 */
final class ActingAccount {
  private ActingAccount() {}

  /** A command refused before it ran: who it would act as is unknown or may not do it. */
  static final class Refused extends IllegalArgumentException {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * The account's name, after checking that its role holds what the command requires.
   *
   * @param env the environment ({@code HANDOVER_TOKEN})
   * @throws Refused naming why, in the user's language
   */
  static String resolve(
      App app, Object command, Path tokenFile, UnaryOperator<String> env, Messages m) {
    String osUser = OsUser.name();
    if (app.accounts().none()) {
      return "os:" + osUser;
    }
    String token = tokenFile != null ? read(tokenFile, m) : env.apply("HANDOVER_TOKEN");
    User user;
    if (tokenFile != null || (token != null && !token.isBlank())) { // an empty file is no token
      user =
          app.accounts()
              .credentials()
              .byToken(token)
              .orElseThrow(() -> new Refused(m.get("error.cli.token")));
    } else {
      user =
          app.accounts()
              .credentials()
              .byOsUser(osUser)
              .orElseThrow(() -> new Refused(m.get("error.cli.nobody", osUser)));
    }
    Requires requires = command.getClass().getAnnotation(Requires.class);
    if (requires != null && !user.role().permits(requires.value())) {
      throw new Refused(
          m.get(
              "error.permission",
              user.username(),
              m.get("role." + user.role().key()),
              m.get("permission." + requires.value().key())));
    }
    return user.username();
  }

  private static String read(Path file, Messages m) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return lines.isEmpty() ? "" : lines.get(0);
    } catch (IOException e) {
      throw new Refused(m.get("error.cli.token-file", file, e.getMessage()));
    }
  }

  /** Gives the command's {@link Acting} fields the account's name. */
  static void bind(Object command, String account) {
    for (Class<?> c = command.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.isAnnotationPresent(Acting.class)) {
          try {
            f.setAccessible(true);
            f.set(command, account);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + f, e);
          }
        }
      }
    }
  }
}
