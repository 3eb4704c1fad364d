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
        "The models kept for this registry, one for matching lists against it and one for finding"
            + " its duplicates: each trained once, reused by every run until the registry changes"
            + " by a tenth or the engine's features change.",
    subcommands = {ModelCommand.Show.class, ModelCommand.Train.class})
final class ModelCommand {

  /** The day a model was trained, as people write it here. */
  static String day(long millis) {
    return Days.written(LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
  }

  /** The model's facts and state in the user's language. */
  static void print(Messages m, MatchModels.Kind kind, MatchModels.Status s) {
    boolean match = kind == MatchModels.Kind.MATCH;
    if (s.latest().isEmpty()) {
      System.out.println(m.get(match ? "model.none" : "model.duplicates.none"));
      return;
    }
    MatchModels.Info i = s.latest().get();
    System.out.println(
        match
            ? m.get(
                "model.line",
                i.id(),
                day(i.trainedAt()),
                i.trainedBy(),
                i.rosterId().map(String::valueOf).orElse("—"),
                i.entries(),
                i.persons(),
                i.pairs(),
                i.trainMillis(),
                i.version())
            : m.get(
                "model.duplicates.line",
                i.id(),
                day(i.trainedAt()),
                i.trainedBy(),
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
          "The models in use: when and on what each was trained, whether it is current, its m and"
              + " u.")
  static final class Show implements Callable<Integer> {
    @Mixin Options options;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        for (MatchModels.Kind kind : MatchModels.Kind.values()) {
          MatchModels.Status s = app.matching().models().status(kind);
          print(m, kind, s);
          s.latest().ifPresent(i -> table(m, app.matching().models().tables(i.id())));
        }
        return 0;
      }
    }

    private static void table(Messages m, Map<String, Map<String, double[]>> tables) {
      System.out.println(m.get("model.table"));
      for (Map.Entry<String, Map<String, double[]>> f : tables.entrySet()) {
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
    }
  }

  @Requires(Permission.REVIEW_MATCHES)
  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description =
          "Train the model again, on a list against the registry (or, with --duplicates, on the"
              + " registry with itself), and keep it for the runs after (journaled). No run is"
              + " stored.")
  static final class Train implements Callable<Integer> {
    @Mixin Options options;

    @Acting String actor;

    @Option(
        names = "--roster",
        description = "the list to learn from (default: the largest list received)")
    Long roster;

    @Option(
        names = "--duplicates",
        description = "train the model that finds persons recorded twice in the registry")
    boolean duplicates;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        if (duplicates) {
          try {
            MatchCommand.StepLines steps = new MatchCommand.StepLines(m);
            app.duplicates().train(actor, steps, steps);
          } catch (Matching.NothingToLink e) {
            long n = app.registry().count();
            System.err.println(m.get("error.match.empty", n, n));
            return 2;
          }
          print(
              m,
              MatchModels.Kind.DUPLICATES,
              app.matching().models().status(MatchModels.Kind.DUPLICATES));
          return 0;
        }
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
          MatchCommand.StepLines steps = new MatchCommand.StepLines(m);
          app.matching().train(list.get(), actor, steps, steps);
        } catch (IllegalArgumentException e) {
          System.err.println(e.getMessage());
          return 2;
        }
        print(m, MatchModels.Kind.MATCH, app.matching().models().status());
        return 0;
      }
    }
  }
}
