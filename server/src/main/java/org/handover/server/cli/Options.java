package org.handover.server.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.handover.server.App;
import org.handover.server.i18n.Messages;
import org.handover.server.storage.Database;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every command that opens the database shares. */
public final class Options {
  @Option(
      names = "--db",
      paramLabel = "URL",
      descriptionKey = "options.db",
      description =
          "JDBC URL of the database (default: env HANDOVER_DB_URL, else ${DEFAULT-VALUE})",
      defaultValue = "${env:HANDOVER_DB_URL:-" + Database.DEFAULT_URL + "}")
  public String db;

  @Option(
      names = "--lang",
      paramLabel = "uk|en|ru",
      converter = Language.class,
      descriptionKey = "options.lang",
      description = "language of messages (default: from env LANG, else en)")
  public String lang;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      defaultValue = "${env:HANDOVER_TOKEN_FILE}",
      descriptionKey = "options.token-file",
      description =
          "act with the API token on this file's first line (default: env HANDOVER_TOKEN_FILE, or"
              + " the token itself in HANDOVER_TOKEN); without one, as the account your"
              + " operating-system user is mapped to ('user map')")
  public Path tokenFile;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /**
   * Opens the database as the account this command acts as, which its {@link Acting} field then
   * holds; refused (and closed again) when that account is unknown or may not do it.
   */
  public App open() {
    App app = App.open(db);
    try {
      Object c = command.userObject();
      ActingAccount.bind(c, ActingAccount.resolve(app, c, tokenFile, System::getenv, messages()));
      return app;
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
  }

  public Messages messages() {
    return messages(lang);
  }

  /** Messages in {@code lang}, else in the language of env LANG, else English. */
  public static Messages messages(String lang) {
    return Messages.of(language(lang));
  }

  /**
   * The language to speak: {@code lang} when given, else the language of env LANG (its first two
   * letters); {@link Messages#of} reads anything but uk, en or ru as English.
   */
  public static String language(String lang) {
    if (lang != null) {
      return lang;
    }
    String env = System.getenv("LANG");
    return env == null || env.length() < 2 ? "en" : env.substring(0, 2).toLowerCase(Locale.ROOT);
  }
}
