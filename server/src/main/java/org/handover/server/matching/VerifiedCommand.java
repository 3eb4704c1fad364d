package org.handover.server.matching;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Messages;
import org.handover.server.rosters.RosterCommand;
import org.handover.server.rosters.RosterExport;
import org.handover.server.rosters.Rosters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code roster verified}: a list as verified against the registry, each row with the registry's
 * reference, the person and how the link stands — what the web's verified list exports.
 */
@Requires(Permission.EXPORT_DATA)
@Command(
    name = "verified",
    mixinStandardHelpOptions = true,
    description = {
      "Write a list as verified against the registry: each entry with the registry's reference, the"
          + " person, how the link stands (confirmed, linked without review, waiting for review,"
          + " rejected, no match) and who decided.",
      "JSON is signed with the installation's key: the signature goes to FILE.sig."
    })
final class VerifiedCommand implements Callable<Integer> {
  @Mixin Options options;

  @Parameters(paramLabel = "ID", description = "the roster (see: roster list)")
  long id;

  @Option(
      names = "--only",
      defaultValue = "linked",
      description = "linked (confirmed and linked without review; the default), confirmed or all")
  String only;

  @Option(names = "--format", required = true, description = "csv, xlsx, json or pdf")
  String format;

  @Option(names = "--out", required = true, description = "the file to write")
  Path out;

  @Override
  public Integer call() throws IOException {
    Messages m = options.messages();
    if (!RosterExport.FORMATS.contains(format)) {
      System.err.println(m.get("error.export.format", format));
      return 2;
    }
    if (!List.of("linked", "confirmed", "all").contains(only)) {
      System.err.println(m.get("error.verified.only", only));
      return 2;
    }
    try (App app = options.open()) {
      Optional<Rosters.Summary> r = app.rosters().find(id);
      if (r.isEmpty()) {
        System.err.println(m.get("error.roster.unknown", id));
        return 2;
      }
      VerifiedList list =
          new VerifiedList(new EntryLinks(app.database().jdbi()), VerifiedList.Only.fromKey(only));
      RosterCommand.write(
          app, m, r.get(), format, out, new RosterExport(app.rosters(), false, list));
      return 0;
    }
  }
}
