package org.handover.server.agreements;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.handover.core.Keys;
import org.handover.core.accounts.Permission;
import org.handover.core.agreements.Provision;
import org.handover.core.agreements.Selection;
import org.handover.core.agreements.Subject;
import org.handover.core.parties.Party;
import org.handover.core.parties.PartyBook;
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

/** {@code handover agreement add|provision|show|list}. */
@Command(
    name = "agreement",
    mixinStandardHelpOptions = true,
    description = "What the parties agreed: agreements and their provisions.",
    subcommands = {
      AgreementCommand.Add.class,
      AgreementCommand.AddProvision.class,
      AgreementCommand.Show.class,
      AgreementCommand.ListAgreements.class
    })
final class AgreementCommand {

  /** A refusal in the user's language, on stderr; exit 2. */
  static int refuse(Messages m, IllegalArgumentException e) {
    System.err.println(m.refusal(e));
    return 2;
  }

  @Requires(Permission.MANAGE_AGREEMENTS)
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Record an agreement; prints 'agreement ID'.")
  static final class Add implements Callable<Integer> {
    @Mixin Options options;

    @Option(names = "--title", required = true, description = "as the parties call it")
    String title;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "agreed on")
    String date;

    @Option(
        names = "--parties",
        paramLabel = "UA,RU",
        split = ",",
        description = "the parties' codes (default: this installation's party and its counterpart)")
    List<String> parties;

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        PartyBook book = app.parties().book();
        List<Party> chosen = new ArrayList<>();
        if (parties == null || parties.isEmpty()) {
          book.own().ifPresent(chosen::add);
          book.counterpart().ifPresent(chosen::add);
        } else {
          for (String p : parties) {
            chosen.add(Party.of(p.strip().toUpperCase(java.util.Locale.ROOT)));
          }
        }
        long id = app.agreements().add(title, Days.parse(date, "--date"), chosen, book, actor);
        System.out.println("agreement " + id);
        return 0;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }

  @Requires(Permission.MANAGE_AGREEMENTS)
  @Command(
      name = "provision",
      mixinStandardHelpOptions = true,
      description = {
        "Add a provision to an agreement; prints 'provision N'.",
        "Selections: conditions separated by ';' (all must hold), a condition's values by ','"
            + " (any may): kind=service-member,civilian,child; health=severely-wounded,seriously-sick;"
            + " age=18-25; status=captive,detained,...; held-by=UA,RU. --select may be repeated:"
            + " any of them admits."
      })
  static final class AddProvision implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "ID", description = "the agreement")
    long agreement;

    @Option(names = "--all-for-all", description = "everyone a selection admits, no count")
    boolean allForAll;

    @Option(names = "--n-for-n", paramLabel = "N", description = "N for N")
    Integer quota;

    @Option(names = "--extension", paramLabel = "M", description = "possibly M more each way")
    int extension;

    @Option(names = "--unilateral", description = "one side hands over, asking nothing in return")
    boolean unilateral;

    @Option(names = "--from", paramLabel = "PARTY", description = "who hands over (unilateral)")
    String from;

    @Option(names = "--count", description = "how many (unilateral)")
    Integer count;

    @Option(
        names = "--subject",
        defaultValue = "persons",
        description = "persons or remains (unilateral; default ${DEFAULT-VALUE})")
    String subject;

    @Option(names = "--named-list", paramLabel = "ROSTER_ID", description = "exactly this list")
    Long roster;

    @Option(names = "--select", paramLabel = "CONDITIONS", description = "who it is about")
    List<String> select = new ArrayList<>();

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try {
        Provision p = provision();
        try (App app = options.open()) {
          int n = app.agreements().addProvision(agreement, p, actor);
          System.out.println("provision " + n);
          System.out.println(new ProvisionWords(m, app.parties().book()).of(p));
          return 0;
        }
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }

    private Provision provision() {
      int kinds =
          (allForAll ? 1 : 0)
              + (quota != null ? 1 : 0)
              + (unilateral ? 1 : 0)
              + (roster != null ? 1 : 0);
      if (kinds != 1) {
        throw new AgreementException("error.provision.kind");
      }
      List<Selection> selections = select.stream().map(Selection::parse).toList();
      if (allForAll) {
        return new Provision.AllForAll(selections);
      }
      if (quota != null) {
        return new Provision.NForN(quota, extension, selections);
      }
      if (unilateral) {
        if (from == null || count == null) {
          throw new AgreementException("error.provision.unilateral");
        }
        return new Provision.Unilateral(
            Party.of(from.strip().toUpperCase(java.util.Locale.ROOT)),
            count,
            Keys.parse(Subject.class, subject, "--subject"));
      }
      return new Provision.NamedList(roster);
    }
  }

  @Requires(Permission.READ)
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "An agreement and its provisions in words (--lang uk|en|ru).")
  static final class Show implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "ID", description = "the agreement")
    long agreement;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        Agreement a =
            app.agreements()
                .find(agreement)
                .orElseThrow(() -> new AgreementException("error.agreement.none", agreement));
        ProvisionWords words = new ProvisionWords(m, app.parties().book());
        System.out.println(
            m.get(
                "agreement.heading",
                a.id(),
                a.title(),
                Days.written(a.signedOn()),
                String.join(", ", a.parties().stream().map(words::party).toList())));
        for (Agreement.Numbered n : a.provisions()) {
          System.out.println("  " + n.number() + ". " + words.of(n.provision()));
        }
        return 0;
      } catch (IllegalArgumentException e) {
        return refuse(m, e);
      }
    }
  }

  @Requires(Permission.READ)
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Every agreement.")
  static final class ListAgreements implements Callable<Integer> {
    @Mixin Options options;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        for (Agreement a : app.agreements().list()) {
          System.out.println(
              a.id()
                  + "  "
                  + a.signedOn()
                  + "  "
                  + a.title()
                  + "  ("
                  + m.get("agreement.provisions", a.provisions().size())
                  + ")");
        }
        return 0;
      }
    }
  }
}
