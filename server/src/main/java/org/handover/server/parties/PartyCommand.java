package org.handover.server.parties;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.handover.core.accounts.Permission;
import org.handover.core.parties.Party;
import org.handover.core.parties.PartyBook;
import org.handover.core.parties.PartyKind;
import org.handover.core.parties.PartyProfile;
import org.handover.server.App;
import org.handover.server.cli.Acting;
import org.handover.server.cli.Options;
import org.handover.server.cli.Requires;
import org.handover.server.i18n.Messages;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Parties: list them, add one, choose this installation's own. */
@Command(
    name = "party",
    mixinStandardHelpOptions = true,
    description = "The parties this installation knows.",
    subcommands = {
      PartyCommand.ListParties.class,
      PartyCommand.Add.class,
      PartyCommand.Own.class,
      PartyCommand.Member.class
    })
final class PartyCommand {

  @Requires(Permission.READ)
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the parties, this installation's own marked *.")
  static final class ListParties implements Callable<Integer> {
    @Mixin Options options;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        PartyBook book = app.parties().book();
        for (PartyProfile p : book.all()) {
          System.out.printf(
              "%s%-8s %-12s %s / %s / %s%n",
              book.own().equals(Optional.of(p.party())) ? "*" : " ",
              p.code(),
              m.get("party-kind." + p.kind().key()),
              p.nameUk(),
              p.nameEn(),
              p.nameRu());
        }
        if (book.own().isEmpty()) {
          System.out.println(m.get("party.own-none"));
        }
        return 0;
      }
    }
  }

  @Requires(Permission.MANAGE_PARTIES)
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a party with its kind and its name in each language.")
  static final class Add implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(
        paramLabel = "CODE",
        description = "2 to 8 Latin capitals, digits or -: UA, RU, ICRC, MD")
    String code;

    @Option(
        names = "--kind",
        required = true,
        description = "belligerent, mediator or intermediary")
    String kind;

    @Option(names = "--name-uk", required = true, description = "the name in Ukrainian")
    String nameUk;

    @Option(names = "--name-en", required = true, description = "the name in English")
    String nameEn;

    @Option(names = "--name-ru", required = true, description = "the name in Russian")
    String nameRu;

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      PartyProfile p;
      try {
        p = new PartyProfile(Party.of(code), PartyKind.fromKey(kind), nameUk, nameEn, nameRu);
      } catch (IllegalArgumentException e) {
        System.err.println(m.get("error.party.invalid", Refusals.reason(m, e)));
        return 2;
      }
      try (App app = options.open()) {
        app.parties().add(p, actor);
        System.out.println(m.get("party.added", p.code(), p.name(m.language())));
        return 0;
      } catch (Parties.PartyExistsException e) {
        System.err.println(m.get("error.party.exists", p.code()));
        return 2;
      }
    }
  }

  @Requires(Permission.MANAGE_PARTIES)
  @Command(
      name = "own",
      mixinStandardHelpOptions = true,
      description = {
        "Choose the party this installation works for, or --none for an intermediary's installation.",
        "It decides which side is ours and which the counterpart when lists come and go."
      })
  static final class Own implements Callable<Integer> {
    @Mixin Options options;

    @ArgGroup(multiplicity = "1")
    Choice choice;

    static final class Choice {
      @Parameters(paramLabel = "CODE", description = "a known party's code")
      String code;

      @Option(names = "--none", description = "no party: an intermediary keeping both sides' lists")
      boolean none;
    }

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        Optional<Party> party;
        try {
          party = choice.none ? Optional.empty() : Optional.of(Party.of(choice.code));
        } catch (IllegalArgumentException e) {
          System.err.println(m.get("error.party.invalid", Refusals.reason(m, e)));
          return 2;
        }
        if (party.isPresent() && !app.parties().book().knows(party.get())) {
          System.err.println(m.get("error.party.unknown", party.get().code()));
          return 2;
        }
        app.parties().choose(party, actor);
        System.out.println(
            party.map(p -> m.get("party.own-set", p.code())).orElse(m.get("party.own-none")));
        return 0;
      }
    }
  }

  @Requires(Permission.MANAGE_ACCOUNTS)
  @Command(
      name = "member",
      mixinStandardHelpOptions = true,
      description = {
        "Say which party a user belongs to: ours (the default), or a mediator or an intermediary"
            + " whose staff work beside ours.",
        "A user of another party sees the lists but no relatives' contacts."
      })
  static final class Member implements Callable<Integer> {
    @Mixin Options options;

    @Parameters(paramLabel = "USER", description = "the account's user name")
    String username;

    @Option(
        names = "--party",
        required = true,
        paramLabel = "CODE|ours",
        description = "a known mediator's or intermediary's code, or ours")
    String party;

    @Acting String actor;

    @Override
    public Integer call() {
      Messages m = options.messages();
      try (App app = options.open()) {
        String code = app.parties().memberCode(party);
        app.accounts().setParty(username, code, actor);
        System.out.println(
            code.isEmpty()
                ? m.get("party.member-ours", username)
                : m.get("party.member-set", username, code));
        return 0;
      } catch (Parties.MemberRefused e) {
        System.err.println(m.get(e.key(), e.getMessage()));
        return 2;
      } catch (org.handover.server.accounts.Accounts.AccountException e) {
        System.err.println(m.get("login.username") + " '" + username + "': " + m.get(e.key()));
        return 2;
      }
    }
  }
}
