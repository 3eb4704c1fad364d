package org.handover.server.negotiations;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.handover.core.Keys;
import org.handover.core.accounts.Permission;
import org.handover.core.negotiations.Implementation;
import org.handover.server.App;
import org.handover.server.cli.Acting;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Days;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code handover commitments [--overdue] [--as-of DATE]} and {@code commitments progress}. */
@Requires(Permission.READ)
@Command(
    name = "commitments",
    mixinStandardHelpOptions = true,
    description = {
      "Every round's commitments on a date, by deadline: what was done, against what is due, and"
          + " the state on the PAM scale (not initiated, minimal, intermediate, full); overdue when"
          + " the deadline passed without full.",
      "Columns: round, key, party, deadline, state, done, due, overdue."
    },
    subcommands = {CommitmentsCommand.Progress.class})
final class CommitmentsCommand implements Callable<Integer> {
  @Mixin Options options;

  @Option(names = "--overdue", description = "only those overdue")
  boolean overdue;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "dd.mm.yyyy or yyyy-mm-dd (default today)")
  String asOf;

  @Option(names = "--round", description = "one round: its key (round list), or latest")
  String round;

  @Override
  public Integer call() {
    Messages m = options.messages();
    try (App app = options.open()) {
      LocalDate on = asOf == null ? LocalDate.now(app.clock()) : Days.parse(asOf, "--as-of");
      var rows = Dashboard.rows(app, Optional.ofNullable(round), on);
      int shown = 0;
      for (Dashboard.Row r : rows) {
        if (overdue && !r.state().overdue()) {
          continue;
        }
        var s = r.state();
        System.out.println(
            String.join(
                "\t",
                r.round(),
                s.commitment().key(),
                s.commitment().party().code(),
                s.commitment().deadline().map(Days::written).orElse("-"),
                m.get("implementation." + s.state().key()),
                s.done().isPresent() ? String.valueOf(s.done().getAsLong()) : "-",
                s.due().isPresent() ? String.valueOf(s.due().getAsLong()) : "-",
                s.overdue() ? m.get("commitment.overdue") : ""));
        shown++;
      }
      System.out.println(m.get("commitments.count", shown, Days.written(on)));
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println(m.refusal(e));
      return 2;
    }
  }

  @Requires(Permission.RECORD_NEGOTIATIONS)
  @Command(
      name = "progress",
      mixinStandardHelpOptions = true,
      description =
          "Record how far a commitment kept by hand has come (one not linked to a ledger): a"
              + " quantity done, or a state, with the evidence.")
  static final class Progress implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "COMMITMENT", description = "the commitment's key in the record")
    String commitment;

    @Option(
        names = "--round",
        required = true,
        description = "the round's key (round list), or latest")
    String round;

    @Option(names = "--on", paramLabel = "DATE", description = "default today")
    String on;

    @Option(names = "--done", description = "how many of its quantity are done")
    Long done;

    @Option(names = "--state", description = "not-initiated, minimal, intermediate, full")
    String state;

    @Option(
        names = "--evidence",
        required = true,
        description = "what shows it: a document, a report")
    String evidence;

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        Optional<StoredRound> r = app.negotiations().find(round);
        if (r.isEmpty()) {
          System.err.println(m.get("round.none", round));
          return 2;
        }
        Optional<Implementation> s = Optional.empty();
        if (state != null) {
          try {
            s = Optional.of(Keys.parse(Implementation.class, state, "--state"));
          } catch (IllegalArgumentException e) {
            throw new NegotiationException("record.progress-state", state);
          }
        }
        long id =
            app.negotiations()
                .recordProgress(
                    r.get(),
                    commitment,
                    on == null ? LocalDate.now(app.clock()) : Days.parse(on, "--on"),
                    done == null ? OptionalLong.empty() : OptionalLong.of(done),
                    s,
                    evidence,
                    actor);
        System.out.println(m.get("commitment.progress-recorded", commitment, String.valueOf(id)));
        return 0;
      } catch (IllegalArgumentException e) {
        System.err.println(m.refusal(e));
        return 2;
      }
    }
  }
}
