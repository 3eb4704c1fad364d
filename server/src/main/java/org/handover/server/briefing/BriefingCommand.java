package org.handover.server.briefing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Days;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code handover briefing --round ID|latest --lang L --format md|html|pdf --out FILE}. */
@Requires(Permission.READ)
@Command(
    name = "briefing",
    mixinStandardHelpOptions = true,
    description =
        "Write a round's briefing \"Key agreements and next steps\" from its record and the"
            + " ledgers on a date, in Ukrainian, English or Russian.")
final class BriefingCommand implements Callable<Integer> {
  @Mixin Options options;

  @Option(
      names = "--round",
      defaultValue = "latest",
      description = "key (round list), or latest (default)")
  String round;

  @Option(names = "--format", defaultValue = "md", description = "md (default), html or pdf")
  String format;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "dd.mm.yyyy or yyyy-mm-dd (default today)")
  String asOf;

  @Option(names = "--out", required = true, description = "the file to write; never replaced")
  Path out;

  @Override
  public Integer call() throws IOException {
    Messages m = options.messages();
    if (!format.equals("md") && !format.equals("html") && !format.equals("pdf")) {
      System.err.println(m.get("briefing.format", format));
      return 2;
    }
    if (Files.exists(out)) {
      System.err.println(m.get("briefing.exists", out.toString()));
      return 2;
    }
    try (App app = options.open()) {
      LocalDate on = asOf == null ? LocalDate.now(app.clock()) : Days.parse(asOf, "--as-of");
      Optional<Briefing> b = Briefings.of(app, round, m.language(), on);
      if (b.isEmpty()) {
        System.err.println(m.get("round.none", round));
        return 2;
      }
      String sources = m.get("briefing.sources");
      String overdue = m.get("commitment.overdue");
      try (OutputStream o =
          Files.newOutputStream(out, java.nio.file.StandardOpenOption.CREATE_NEW)) {
        switch (format) {
          case "pdf" -> BriefingPdf.write(b.get(), sources, overdue, o);
          case "html" ->
              o.write(
                  BriefingHtml.write(b.get(), sources, overdue).getBytes(StandardCharsets.UTF_8));
          default ->
              o.write(
                  BriefingMarkdown.write(b.get(), sources, overdue)
                      .getBytes(StandardCharsets.UTF_8));
        }
      }
      System.out.println(m.get("briefing.written", out.toString()));
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println(m.refusal(e));
      return 2;
    }
  }
}
