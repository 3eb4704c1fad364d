package org.handover.server.cli;

import java.util.Locale;
import org.handover.server.App;
import org.handover.server.i18n.Messages;
import org.handover.server.storage.Database;
import picocli.CommandLine.Option;

/** Options every command that opens the database shares. */
public final class Options {
  @Option(
      names = "--db",
      paramLabel = "URL",
      description =
          "JDBC URL of the database (default: env HANDOVER_DB_URL, else ${DEFAULT-VALUE})",
      defaultValue = "${env:HANDOVER_DB_URL:-" + Database.DEFAULT_URL + "}")
  public String db;

  @Option(
      names = "--lang",
      paramLabel = "uk|en|ru",
      converter = Language.class,
      description = "language of messages (default: from env LANG, else en)")
  public String lang;

  public App open() {
    return App.open(db);
  }

  public Messages messages() {
    return messages(lang);
  }

  /** Messages in {@code lang}, else in the language of env LANG, else English. */
  public static Messages messages(String lang) {
    if (lang != null) {
      return Messages.of(lang);
    }
    String env = System.getenv("LANG");
    return Messages.of(
        env == null || env.length() < 2 ? "en" : env.substring(0, 2).toLowerCase(Locale.ROOT));
  }
}
