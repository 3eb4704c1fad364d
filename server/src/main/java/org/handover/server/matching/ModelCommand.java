package org.handover.server.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.server.App;
import org.handover.server.cli.Acting;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Days;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code model}: the trained matching model kept for this registry, shown or trained again. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description =
        "The matching model kept for this registry: trained once, reused by every match run until"
            + " the registry changes by a tenth or the engine's features change.",
    subcommands = {ModelCommand.Show.class, ModelCommand.Train.class})
final class ModelCommand {

  /** The day a model was trained, as people write it here. */
  static String day(long millis) {
    return Days.written(LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
  }

  /** The model's facts and state in the user's language. */
  static void print(Messages m, MatchModels.Status s) {
    if (s.latest().isEmpty()) {
      System.out.println(m.get("model.none"));
      return;
    }
    MatchModels.Info i = s.latest().get();
    System.out.println(
        m.get(
            "model.line",
            i.id(),
            day(i.trainedAt()),
            i.trainedBy(),
            i.rosterId().map(String::valueOf).orElse("—"),
            i.entries(),
            i.persons(),
            i.pairs(),
            i.trainMillis(),
            i.version()));
    System.out.println(m.get("model.state", m.get(s.stale().key()), s.changedSince(), s.persons()));
  }

  @Requires(Permission.READ)
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "The model in use: when and on what it was trained, whether it is current, its m and u.")
  static final class Show implements Callable<Integer> {
    @Mixin Options options;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        MatchModels.Status s = app.matching().models().status();
        print(m, s);
        s.latest()
            .ifPresent(
                i -> {
                  System.out.println(m.get("model.table"));
                  for (Map.Entry<String, Map<String, double[]>> f :
                      app.matching().models().tables(i.id()).entrySet()) {
                    for (Map.Entry<String, double[]> l : f.getValue().entrySet()) {
                      double[] mu = l.getValue();
                      System.out.println(
                          String.format(
                              Locale.ROOT,
                              "%s | %s | %.4f | %.6f | %+.1f",
                              f.getKey(),
                              l.getKey(),
                              mu[0],
                              mu[1],
                              Math.log(mu[0] / mu[1]) / Math.log(2)));
                    }
                  }
                });
        return 0;
      }
    }
  }

  @Requires(Permission.REVIEW_MATCHES)
  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description =
          "Train the model again, on a list against the registry, and keep it for the runs after"
              + " (journaled). No run is stored.")
  static final class Train implements Callable<Integer> {
    @Mixin Options options;

    @Acting String actor;

    @Option(
        names = "--roster",
        description = "the list to learn from (default: the largest list received)")
    Long roster;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        Optional<Long> list =
            roster != null
                ? app.rosters().find(roster).map(r -> roster)
                : app.database()
                    .jdbi()
                    .withHandle(
                        h ->
                            h.createQuery(
                                    "SELECT r.id FROM rosters r WHERE r.state = 'complete' ORDER BY"
                                        + " (SELECT COUNT(*) FROM roster_entries e WHERE e.roster_id = r.id)"
                                        + " DESC, r.id DESC LIMIT 1")
                                .mapTo(Long.class)
                                .findOne());
        if (list.isEmpty()) {
          System.err.println(
              roster != null ? m.get("error.roster.unknown", roster) : m.get("model.no-list"));
          return 2;
        }
        try {
          app.matching()
              .train(
                  list.get(),
                  actor,
                  step -> System.err.println(m.get(step)),
                  MatchCommand.preparing(m));
        } catch (IllegalArgumentException e) {
          System.err.println(e.getMessage());
          return 2;
        }
        print(m, app.matching().models().status());
        return 0;
      }
    }
  }
}
