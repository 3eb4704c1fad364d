package org.handover.server.retention;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

/** {@code retention}: periods per kind of personal data, what is due, and its deletion. */
@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = "How long personal data is kept once it has served, and its deletion.",
    subcommands = {
      RetentionCommand.Show.class,
      RetentionCommand.Set.class,
      RetentionCommand.Apply.class
    })
final class RetentionCommand {

  /** What show and apply share: the day the periods are counted to. */
  abstract static class OnDay implements Callable<Integer> {
    @Mixin Options options;

    @Option(
        names = "--as-of",
        paramLabel = "YYYY-MM-DD",
        description = "count the periods to this day (default: today)")
    LocalDate asOf;

    LocalDate day(App app) {
      return asOf == null ? LocalDate.now(app.clock()) : asOf;
    }

    static void print(Messages m, Map<Retention.Kind, Integer> periods, Map<Retention.Kind, ?> n) {
      periods.forEach(
          (k, days) ->
              System.out.println(
                  m.get(
                      "retention.line",
                      m.get("retention.kind." + k.key()),
                      days,
                      n.get(k) instanceof List<?> l ? l.size() : n.get(k))));
    }
  }

  @Requires(Permission.APPLY_RETENTION)
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Each kind's period and how many records are kept past it.")
  static final class Show extends OnDay {
    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        Retention r = new Retention(app);
        print(m, r.periods(), r.due(day(app)));
        return 0;
      }
    }
  }

  @Requires(Permission.APPLY_RETENTION)
  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = "Set a kind's period: tracing-contact or dna-sample, in days.")
  static final class Set implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(index = "0", paramLabel = "KIND", description = "tracing-contact or dna-sample")
    String kind;

    @Parameters(index = "1", paramLabel = "DAYS")
    int days;

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      Retention.Kind k;
      try {
        k = Retention.Kind.fromKey(kind);
      } catch (IllegalArgumentException e) {
        System.err.println(m.get("retention.kind-unknown", kind, "tracing-contact, dna-sample"));
        return 2;
      }
      if (days < 0 || days > 36_500) {
        System.err.println(m.get("retention.days-range", days));
        return 2;
      }
      try (App app = options.open()) {
        new Retention(app).set(k, days, actor);
        System.out.println(m.get("retention.set", m.get("retention.kind." + k.key()), days));
        return 0;
      }
    }
  }

  @Requires(Permission.APPLY_RETENTION)
  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      description = "Delete what is kept past its period, each deletion journaled.")
  static final class Apply extends OnDay {
    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        Retention r = new Retention(app);
        Map<Retention.Kind, Integer> done = r.apply(day(app), actor);
        System.out.println(m.get("retention.applied"));
        print(m, r.periods(), done);
        return 0;
      }
    }
  }
}
