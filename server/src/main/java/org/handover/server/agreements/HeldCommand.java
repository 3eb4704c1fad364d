package org.handover.server.agreements;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.handover.core.Refused;
import org.handover.core.accounts.Permission;
import org.handover.core.parties.Party;
import org.handover.core.rosters.CsvExport;
import org.handover.server.App;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Days;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code handover held}: our people the other side holds, and whether it acknowledged them. */
@Requires(Permission.READ)
@Command(
    name = "held",
    mixinStandardHelpOptions = true,
    description = {
      "Our people held by the other side: per holding party one line 'held-by CODE N acknowledged"
          + " A not-acknowledged U' and, with --out, every person (CSV:"
          + " person_id,reference,name,held_by,since,acknowledged,basis).",
      "Acknowledged: a capture card, a notification by their Information Bureau or an ICRC visit"
          + " recorded on the status, or the person on a list they handed over (a confirmed"
          + " match)."
    })
final class HeldCommand implements Callable<Integer> {
  @Mixin Options options;

  @Option(names = "--by", paramLabel = "CODE", description = "only those held by this party")
  String by;

  @Option(
      names = "--unacknowledged",
      description = "write only those the holding side has not acknowledged")
  boolean unacknowledged;

  @Option(names = "--out", paramLabel = "FILE.csv", description = "every person, with the basis")
  Path out;

  @Override
  public Integer call() throws IOException {
    Messages m = options.messages();
    try (App app = options.open()) {
      Party own =
          app.parties()
              .own()
              .orElseThrow(() -> new AgreementException("error.agreement.no-own-party"));
      Optional<Party> holder = Optional.empty();
      if (by != null) {
        holder =
            Optional.of(
                app.parties()
                    .book()
                    .byCode(by.strip().toUpperCase(java.util.Locale.ROOT))
                    .orElseThrow(() -> new Refused("error.party.unknown", by)));
      }
      HeldWords words = new HeldWords(m);
      Map<Party, Held.Count> counts;
      if (out == null) {
        counts = Held.run(app.database().jdbi(), own, holder, r -> {});
      } else {
        try (OutputStream file = Files.newOutputStream(out);
            CsvExport csv = new CsvExport(file)) {
          csv.row(
              List.of(
                  "person_id", "reference", "name", "held_by", "since", "acknowledged", "basis"));
          counts =
              Held.run(
                  app.database().jdbi(),
                  own,
                  holder,
                  r -> {
                    if (unacknowledged && r.acknowledged().isPresent()) {
                      return;
                    }
                    try {
                      csv.row(
                          List.of(
                              String.valueOf(r.personId()),
                              r.reference(),
                              r.name(),
                              r.heldBy().code(),
                              r.since().map(Days::written).orElse(""),
                              r.acknowledged().isPresent() ? "yes" : "no",
                              words.of(r)));
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  });
        }
      }
      counts.forEach(
          (p, c) ->
              System.out.println(
                  "held-by "
                      + p.code()
                      + " "
                      + c.held()
                      + " acknowledged "
                      + c.acknowledged()
                      + " not-acknowledged "
                      + c.notAcknowledged()));
      return 0;
    } catch (IllegalArgumentException e) {
      return AgreementCommand.refuse(m, e);
    }
  }
}
