package org.handover.server.negotiations;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.cli.Acting;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code handover record import|export}: a round's whole record as one JSON document. */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description =
        "A round's negotiation record as one JSON document (docs/negotiation-record.schema.json).",
    subcommands = {RecordCommand.Import.class, RecordCommand.Export.class})
final class RecordCommand {
  /** The largest record read: a round's record is text, never tens of megabytes. */
  static final long MAX_BYTES = 20L * 1024 * 1024;

  @Requires(Permission.RECORD_NEGOTIATIONS)
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import a round's record: checked against the schema and against itself first (each"
            + " problem named by its place in the file), then stored whole, replacing the round's"
            + " record of the same key; the same file again changes nothing.",
        "Agreements the record states are created once; one that differs from what was created"
            + " before is refused."
      })
  static final class Import implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Acting String actor;

    @Override
    public Integer call() throws IOException {
      Messages m = options.messages();
      if (!Files.isRegularFile(file)) {
        System.err.println(m.get("error.file.not-found", file.toString()));
        return 2;
      }
      if (Files.size(file) > MAX_BYTES) {
        System.err.println(m.get("record.too-large", MAX_BYTES / 1024 / 1024));
        return 2;
      }
      RecordReader.Read read = RecordReader.read(Files.readAllBytes(file), m);
      if (read.record().isEmpty()) {
        read.problems().forEach(p -> System.err.println(file.getFileName() + ": " + p));
        System.err.println(m.get("roster.nothing-stored"));
        return 2;
      }
      try (App app = options.open()) {
        Negotiations.Imported i =
            app.negotiations()
                .importRecord(read.record().get(), read.document(), app.parties().book(), actor);
        System.out.println(
            i.unchanged()
                ? m.get("record.unchanged", i.key())
                : m.get(
                    "record.imported",
                    i.key(),
                    i.added().size(),
                    i.changed().size(),
                    i.removed().size(),
                    i.agreementsCreated()));
        System.out.println("round " + i.key());
        return 0;
      } catch (IllegalArgumentException e) {
        System.err.println(m.refusal(e));
        System.err.println(m.get("roster.nothing-stored"));
        return 2;
      }
    }
  }

  @Requires(Permission.READ)
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write a round's record as the JSON document it was imported from.")
  static final class Export implements Callable<Integer> {
    @Mixin Options options;

    @Option(
        names = "--round",
        required = true,
        description = "the round's key (round list), or latest")
    String round;

    @Option(names = "--out", required = true)
    Path out;

    @Override
    public Integer call() throws IOException {
      Messages m = options.messages();
      try (App app = options.open()) {
        Optional<StoredRound> r = app.negotiations().find(round);
        if (r.isEmpty()) {
          System.err.println(m.get("round.none", round));
          return 2;
        }
        if (Files.exists(out)) {
          System.err.println(m.get("briefing.exists", out.toString()));
          return 2;
        }
        Files.write(
            out,
            new ObjectMapper()
                .writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(r.get().document()),
            java.nio.file.StandardOpenOption.CREATE_NEW);
        System.out.println(m.get("record.exported", r.get().key(), out.toString()));
        return 0;
      }
    }
  }
}
