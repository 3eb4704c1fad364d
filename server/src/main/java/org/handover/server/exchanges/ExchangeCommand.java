package org.handover.server.exchanges;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.core.exchanges.Direction;
import org.handover.core.exchanges.Outcome;
import org.handover.core.parties.Party;
import org.handover.server.App;
import org.handover.server.agreements.Agreement;
import org.handover.server.agreements.AgreementException;
import org.handover.server.cli.Acting;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Days;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code handover exchange plan|record|show}. */
@Command(
    name = "exchange",
    mixinStandardHelpOptions = true,
    description =
        "Exchanges: planned in batches under a provision, and what happened to each person.",
    subcommands = {
      ExchangeCommand.Plan.class,
      ExchangeCommand.Record.class,
      ExchangeCommand.Show.class,
      ExchangeCommand.ListOf.class,
      ExchangeCommand.Correct.class,
      ExchangeCommand.Fulfilled.class
    })
final class ExchangeCommand {
  static int refuse(Messages m, IllegalArgumentException e) {
    System.err.println(m.refusal(e));
    return 2;
  }

  /** A party by its code; anything that is not one is named in the user's language. */
  static Party party(String code) {
    return party(code, "error.exchange.witness-unknown");
  }

  static Party party(String code, String refusal) {
    try {
      return Party.of(code.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ExchangeException(refusal, code);
    }
  }

  @Requires(Permission.MANAGE_AGREEMENTS)
  @Command(
      name = "plan",
      mixinStandardHelpOptions = true,
      description = {
        "Plan an exchange under a provision: prints 'exchange ID' and its batches.",
        "N for N keeps equal numbers in every batch; the severely wounded and sick go first, then"
            + " the longest held, then the oldest; nobody uncertain is planned (each is listed, with"
            + " the reason, on the exchange's page)."
      })
  static final class Plan implements Callable<Integer> {
    @Mixin Options options;

    @Option(names = "--agreement", required = true, paramLabel = "ID")
    long agreement;

    @Option(names = "--provision", required = true, paramLabel = "N")
    int provision;

    @Option(names = "--on", required = true, paramLabel = "YYYY-MM-DD", description = "the day")
    String on;

    @Option(names = "--batch-size", required = true, paramLabel = "K", description = "each way")
    int batchSize;

    @Option(names = "--place", defaultValue = "", description = "the handover point")
    String place;

    @Option(names = "--intermediary", paramLabel = "PARTY", description = "ICRC, a mediator...")
    String intermediary;

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        Agreement a =
            app.agreements()
                .find(agreement)
                .orElseThrow(() -> new AgreementException("error.agreement.none", agreement));
        Party own =
            app.parties()
                .own()
                .orElseThrow(() -> new AgreementException("error.agreement.no-own-party"));
        Optional<Party> via =
            Optional.ofNullable(intermediary)
                .map(c -> party(c, "error.exchange.intermediary-unknown"));
        if (via.isPresent() && !app.parties().book().knows(via.get())) {
          throw new ExchangeException("error.exchange.intermediary-unknown", via.get().code());
        }
        Exchanges.Planned p =
            app.exchanges()
                .plan(
                    new Exchanges.Request(
                        a, provision, Days.parse(on, "--on"), place, via, batchSize),
                    own,
                    actor);
        System.out.println("exchange " + p.id());
        for (int b = 1; b <= p.plan().batches(); b++) {
          int batch = b;
          long out =
              p.plan().placed().stream()
                  .filter(x -> x.batch() == batch && x.direction() == Direction.OUT)
                  .count();
          long in =
              p.plan().placed().stream()
                  .filter(x -> x.batch() == batch && x.direction() == Direction.IN)
                  .count();
          System.out.println(m.get("exchange.batch-line", batch, out, in));
        }
        System.out.println(m.get("exchange.left-out-line", p.plan().leftOut().size()));
        System.out.println(
            m.get(
                "exchange.held-back",
                p.plan().heldBack(Direction.OUT),
                p.plan().heldBack(Direction.IN)));
        return 0;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }

  @Requires(Permission.RECORD_EXCHANGES)
  @Command(
      name = "record",
      mixinStandardHelpOptions = true,
      description = {
        "Record what happened at the handover point, and the persons' statuses follow in the same"
            + " transaction (released, returned, deceased):",
        "  one person: --person ID --outcome handed-over|received|refused|did-not-appear|died",
        "  an act of transfer: --batch B --file ACT.csv --side ours|theirs — names and dates of"
            + " birth as written there and an outcome column in any of the three languages; each"
            + " row is linked to the batch by the matching engine, sure links are recorded, the"
            + " rest listed to review, and the planned persons absent from the act named."
      })
  static final class Record implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "ID", description = "the exchange")
    long exchange;

    @Option(
        names = "--person",
        paramLabel = "PERSON",
        description = "the person's number or reference (RU-003515), as the pages show it")
    String person;

    @Option(names = "--outcome")
    String outcome;

    @Option(names = "--file", paramLabel = "ACT.csv", description = "an act of transfer")
    java.nio.file.Path file;

    @Option(names = "--batch", paramLabel = "B")
    Integer batch;

    @Option(
        names = "--side",
        description = "whose act: ours (persons we hand over) or theirs (ours they hand over)")
    String side;

    @Option(names = "--witness", paramLabel = "PARTY", description = "who witnessed it, if anyone")
    String witness;

    @Acting String actor;

    @Override
    public Integer call() throws java.io.IOException {
      Messages m = options.messages();
      try (App app = options.open()) {
        Optional<Party> via = Optional.ofNullable(witness).map(ExchangeCommand::party);
        if (file != null) {
          return act(app, m, via);
        }
        if (person == null || outcome == null) {
          throw new ExchangeException("error.exchange.record-what");
        }
        Outcome o;
        try {
          o = Outcome.fromKey(outcome.strip());
        } catch (IllegalArgumentException e) {
          throw new ExchangeException("error.exchange.outcome", outcome);
        }
        long id = personIn(app, exchange, person.strip());
        app.exchanges().record(exchange, id, o, via, actor);
        System.out.println(m.get("exchange.recorded", person.strip(), m.get("outcome." + o.key())));
        return 0;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }

    /** A person of the exchange by number or by reference. */
    static long personIn(App app, long exchange, String given) {
      if (given.matches("\\d{1,15}")) {
        return Long.parseLong(given);
      }
      return app
          .exchanges()
          .find(exchange)
          .orElseThrow(() -> new ExchangeException("error.exchange.none", String.valueOf(exchange)))
          .members()
          .stream()
          .filter(x -> x.reference().equalsIgnoreCase(given))
          .map(Exchange.Member::personId)
          .findFirst()
          .orElseThrow(
              () ->
                  new ExchangeException("error.exchange.not-in", given, String.valueOf(exchange)));
    }

    private int act(App app, Messages m, Optional<Party> via) throws java.io.IOException {
      if (batch == null || side == null) {
        throw new ExchangeException("error.exchange.record-what");
      }
      Direction d =
          switch (side.strip().toLowerCase(Locale.ROOT)) {
            case "ours" -> Direction.OUT;
            case "theirs" -> Direction.IN;
            default -> throw new ExchangeException("error.act.side", side);
          };
      java.util.List<String> problems = new java.util.ArrayList<>();
      java.util.List<Acts.Row> rows;
      try {
        rows = Acts.read(file, m, problems);
      } catch (org.handover.core.rosters.RosterFileException e) {
        System.err.println(file.getFileName() + ": " + m.get(e.key(), e.args().toArray()));
        System.err.println(m.get("roster.nothing-stored"));
        return 2;
      }
      if (!problems.isEmpty()) {
        problems.forEach(System.err::println);
        System.err.println(m.get("roster.nothing-stored"));
        return 2;
      }
      Exchanges.ActResult r = app.exchanges().recordAct(exchange, batch, d, rows, via, actor);
      System.out.println(
          m.get(
              "act.summary",
              r.rows(),
              r.recorded().size(),
              r.toReview().size(),
              r.absent().size()));
      r.recorded().forEach(line -> System.out.println("  " + m.get("act.recorded", line)));
      r.toReview().forEach(line -> System.out.println("  " + m.get("act.review", line)));
      r.absent()
          .forEach(
              a ->
                  System.out.println(
                      "  " + m.get("act.absent", String.valueOf(a.personId()), a.name())));
      return 0;
    }
  }

  @Requires(Permission.READ)
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "An exchange's figures: planned, carried out, pending each way, and what is owed.")
  static final class Show implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "ID", description = "the exchange")
    long exchange;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        Exchange x =
            app.exchanges()
                .find(exchange)
                .orElseThrow(
                    () -> new ExchangeException("error.exchange.none", String.valueOf(exchange)));
        Agreement a = app.agreements().find(x.agreementId()).orElseThrow();
        System.out.println(
            m.get(
                "exchange.heading",
                String.valueOf(x.id()),
                a.title(),
                x.provision(),
                Days.written(x.on()),
                x.batches()));
        for (String line :
            Fulfilment.lines(x, a, app.exchanges().carriedOut(a.id(), x.provision()), m)) {
          System.out.println(line);
        }
        return 0;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }

  @Requires(Permission.RECORD_EXCHANGES)
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "Make the list of one batch, one way, for the other side; prints 'list N'. It is a list"
            + " sent by us like any other: once a second person has approved it ('roster approve"
            + " N'), 'roster export N --format csv|xlsx|json|pdf' writes it for the handover (the"
            + " PDF is the manifest to sign there).",
        "Asked again, the same list."
      })
  static final class ListOf implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "ID", description = "the exchange")
    long exchange;

    @Option(names = "--batch", required = true, paramLabel = "B")
    int batch;

    @Option(
        names = "--direction",
        required = true,
        description = "out (those we hand over) or in (those we receive)")
    String direction;

    @Acting String actor;

    @Override
    public Integer call() throws java.io.IOException {
      Messages m = options.messages();
      try (App app = options.open()) {
        Direction d;
        try {
          d = Direction.fromKey(direction);
        } catch (IllegalArgumentException e) {
          throw new ExchangeException("error.exchange.direction", direction);
        }
        Exchange x =
            app.exchanges()
                .find(exchange)
                .orElseThrow(
                    () -> new ExchangeException("error.exchange.none", String.valueOf(exchange)));
        Agreement a = app.agreements().find(x.agreementId()).orElseThrow();
        Party own =
            app.parties()
                .own()
                .orElseThrow(() -> new ExchangeException("error.agreement.no-own-party"));
        long roster = app.batchLists().make(x, batch, d, own, BatchLists.other(a, own), actor);
        System.out.println("list " + roster);
        return 0;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }

  @Requires(Permission.RECORD_EXCHANGES)
  @Command(
      name = "correct",
      mixinStandardHelpOptions = true,
      description = {
        "Correct an outcome recorded by mistake: the person is put back as they stood before the"
            + " record (status and holder), then the new outcome applies; 'pending' takes the"
            + " record away. The reason is kept and journaled."
      })
  static final class Correct implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "ID", description = "the exchange")
    long exchange;

    @Option(
        names = "--person",
        required = true,
        paramLabel = "PERSON",
        description = "the person's number or reference")
    String person;

    @Option(
        names = "--outcome",
        required = true,
        description = "handed-over, received, refused, did-not-appear, died, or pending")
    String outcome;

    @Option(names = "--reason", required = true, description = "why the record was wrong")
    String reason;

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        Optional<Outcome> to = Optional.empty();
        if (!outcome.strip().equalsIgnoreCase("pending")) {
          try {
            to = Optional.of(Outcome.fromKey(outcome.strip()));
          } catch (IllegalArgumentException e) {
            throw new ExchangeException("error.exchange.outcome", outcome);
          }
        }
        long id = Record.personIn(app, exchange, person.strip());
        app.corrections().correct(exchange, id, to, reason, actor);
        System.out.println(
            m.get(
                "exchange.recorded",
                person.strip(),
                to.map(o -> m.get("outcome." + o.key()))
                    .orElse(m.get("exchange.correct.pending"))));
        return 0;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }

  @Requires(Permission.READ)
  @Command(
      name = "fulfilment",
      mixinStandardHelpOptions = true,
      description = {
        "How much of an agreement is carried out: per provision, persons handed over and received"
            + " against what it calls for (twice the quota for N for N; for all for all and a"
            + " named list, those carried out plus those still eligible on --on; for a unilateral"
            + " provision, its count against the persons carried out or the remains moved under"
            + " it), and the share of the whole."
      })
  static final class Fulfilled implements Callable<Integer> {
    @Mixin Options options;

    @Option(names = "--agreement", required = true, paramLabel = "ID")
    long agreement;

    @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "default today")
    String on;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        Agreement a =
            app.agreements()
                .find(agreement)
                .orElseThrow(() -> new AgreementException("error.agreement.none", agreement));
        java.time.LocalDate day =
            on == null ? java.time.LocalDate.now(app.clock()) : Days.parse(on, "--on");
        AgreementFulfilment.lines(
                AgreementFulfilment.of(
                    app.database().jdbi(),
                    app.exchanges(),
                    app.remainsMoved(),
                    a,
                    day,
                    app.parties().own()),
                m)
            .forEach(System.out::println);
        return 0;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }
}
