package org.handover.server.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.parties.Party;
import org.handover.core.registry.PersonForm;
import org.handover.server.App;
import org.handover.server.cli.Cli;
import org.handover.server.cli.Cli.Run;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agreements, provisions and eligibility through the command line, on PostgreSQL. */
class AgreementsTest {
  static final LocalDate ROUND = LocalDate.of(2025, 6, 2);
  @TempDir Path dir;
  String url;
  App app;

  @BeforeEach
  void open() {
    url = TestDatabases.postgres();
    app = new App(Database.open(url), Clock.systemUTC());
    app.parties().choose(Optional.of(Party.of("UA")), "test");
    // ours held by them: wounded; 24 for sure; 25 or 26 (a year only); no date; 40
    person("Коваль", "12.03.1980", "RU", "service-member", "severely-wounded");
    person("Бойко", "14.03.2001", "RU", "service-member", "");
    person("Ткач", "1999", "RU", "service-member", "");
    person("Мельник", "", "RU", "service-member", "");
    person("Шевчук", "01.01.1985", "RU", "service-member", "");
    // theirs held by us
    person("Иванов", "05.05.2003", "UA", "service-member", "");
    person("Петров", "05.05.1970", "UA", "civilian", "");
  }

  @AfterEach
  void close() {
    app.close();
  }

  private void person(String family, String born, String heldBy, String kind, String category) {
    Map<String, String> v =
        new java.util.HashMap<>(
            Map.of(
                "name.0.family",
                family,
                "birth_date",
                born,
                "kind",
                kind,
                "status",
                "captive",
                "holding_party",
                heldBy));
    if (!category.isEmpty()) {
      v.put("categories", category);
    }
    app.registry().add(new PersonForm(v).read(0, ROUND).person().orElseThrow(), ROUND, "test");
  }

  private Run cli(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--db";
    all[args.length + 1] = url;
    return Cli.run(all);
  }

  private static String plain(String text) {
    return text.replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  private long istanbul() {
    Run made = cli("agreement", "add", "--title", "Istanbul", "--date", "2025-06-02");
    assertThat(made.exit()).as(made.err()).isZero();
    assertThat(made.out()).matches("(?s)agreement \\d+\\s*");
    return Long.parseLong(made.out().strip().split(" ")[1]);
  }

  @Test
  void theIstanbulProvisionsReadBackInEachLanguage() {
    long id = istanbul();
    assertThat(
            cli(
                    "agreement",
                    "provision",
                    String.valueOf(id),
                    "--all-for-all",
                    "--select",
                    "kind=service-member;health=severely-wounded,seriously-sick")
                .out())
        .startsWith("provision 1");
    assertThat(
            cli(
                    "agreement",
                    "provision",
                    String.valueOf(id),
                    "--n-for-n",
                    "1000",
                    "--extension",
                    "200",
                    "--select",
                    "health=severely-wounded,seriously-sick",
                    "--select",
                    "age=18-25")
                .out())
        .startsWith("provision 2");
    cli(
        "agreement",
        "provision",
        String.valueOf(id),
        "--unilateral",
        "--from",
        "RU",
        "--count",
        "6000",
        "--subject",
        "remains");
    // numbers are grouped with no-break spaces, as each language writes them
    String uk = plain(cli("agreement", "show", String.valueOf(id), "--lang", "uk").out());
    assertThat(uk)
        .contains("1. усіх на усіх: військовослужбовці, тяжкопоранені та тяжкохворі")
        .contains(
            "2. 1 000 на 1 000, можливо 1 200 на 1 200: тяжкопоранені та тяжкохворі; або віком 18–25 років")
        .contains("3. Росія в односторонньому порядку передає 6 000 тіл загиблих");
    String en = cli("agreement", "show", String.valueOf(id), "--lang", "en").out();
    assertThat(en)
        .contains("1,000 for 1,000, possibly 1,200 for 1,200")
        .contains("Ukraine, Russia");
    String ru = cli("agreement", "show", String.valueOf(id), "--lang", "ru").out();
    assertThat(ru).contains("всех на всех: военнослужащие, тяжелораненые и тяжелобольные");
    // the journal holds each step, and the agreement's rows are as journaled
    assertThat(
            app.journal()
                .find(
                    org.handover.server.journal.Journal.Filter.forEntity(
                        "agreement", String.valueOf(id)),
                    0,
                    10))
        .hasSize(4);
    assertThat(app.journal().audit().clean()).isTrue();
  }

  @Test
  void eligibilityCountsEachSideAndNeverDecidesAPartialDate() throws Exception {
    long id = istanbul();
    cli(
        "agreement",
        "provision",
        String.valueOf(id),
        "--n-for-n",
        "1000",
        "--select",
        "health=severely-wounded,seriously-sick",
        "--select",
        "age=18-25");
    Path csv = dir.resolve("eligible.csv");
    Run run =
        cli(
            "eligibility",
            "--agreement",
            String.valueOf(id),
            "--provision",
            "1",
            "--on",
            "2025-06-02",
            "--out",
            csv.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines().toList())
        .containsExactly(
            "held-by-us eligible 1",
            "held-by-us uncertain 0",
            "held-by-us not-eligible 1",
            "held-by-them eligible 2",
            "held-by-them uncertain 2",
            "held-by-them not-eligible 1");
    List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(rows.get(0)).endsWith("person_id,reference,held_by,decision,reason");
    assertThat(rows)
        .anySatisfy(
            r -> assertThat(r).contains("uncertain").contains("born 1999: 25 or 26 on 02.06.2025"))
        .anySatisfy(
            r ->
                assertThat(r)
                    .contains("eligible")
                    .contains("born 14.03.2001: 24 on 02.06.2025, within 18–25"))
        .anySatisfy(r -> assertThat(r).contains("uncertain").contains("no date of birth recorded"));
  }

  @Test
  void ourMissingPersonOnTheirListCountsAsHeldByThemWithTheListAsReason() throws Exception {
    // missing in our registry; their exchange list names him, and a reviewer confirmed the link
    long missing =
        app.registry()
            .add(
                new PersonForm(
                        Map.of(
                            "name.0.family", "Лисенко",
                            "name.0.given", "Олег",
                            "birth_date", "10.10.2002",
                            "kind", "service-member",
                            "status", "missing"))
                    .read(0, ROUND)
                    .person()
                    .orElseThrow(),
                ROUND,
                "test");
    Path list = dir.resolve("their.csv");
    Files.writeString(list, "Фамилия;Имя;Дата рождения\nЛысенко;Олег;10.10.2002\n");
    Run imported =
        cli("roster", "import", list.toString(), "--from", "RU", "--purpose", "exchange");
    assertThat(imported.exit()).as(imported.err()).isZero();
    long roster = 1;
    Run matched = cli("match", "--roster", String.valueOf(roster));
    assertThat(matched.exit()).as(matched.err()).isZero();
    app.matching().decide(roster, 1, missing, "confirmed", "reviewer");
    long id = istanbul();
    cli("agreement", "provision", String.valueOf(id), "--all-for-all", "--select", "age=18-25");
    cli("agreement", "provision", String.valueOf(id), "--named-list", String.valueOf(roster));
    Path csv = dir.resolve("eligible.csv");
    Run run =
        cli(
            "eligibility",
            "--agreement",
            String.valueOf(id),
            "--provision",
            "1",
            "--on",
            "2025-06-02",
            "--out",
            csv.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    // Бойко and Лисенко are certainly 18-25; Ткач (1999) and Мельник (no date) are uncertain
    assertThat(run.out()).contains("held-by-them eligible 2");
    assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8))
        .filteredOn(r -> r.startsWith(missing + ","))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .contains(",RU,eligible,")
                    .contains("held according to their list 1; missing in our registry")
                    .contains("born 10.10.2002: 22 on 02.06.2025, within 18–25"));
    Run named =
        cli(
            "eligibility",
            "--agreement",
            String.valueOf(id),
            "--provision",
            "2",
            "--on",
            "2025-06-02");
    assertThat(named.out()).contains("held-by-them eligible 1").contains("held-by-us eligible 0");
    // the registry itself is unchanged: still missing, held by nobody
    assertThat(app.registry().find(missing).orElseThrow().person().holdingParty()).isEmpty();
  }

  @Test
  void badInputIsNamedAndStoresNothing() {
    long id = istanbul();
    Run key =
        cli(
            "agreement",
            "provision",
            String.valueOf(id),
            "--all-for-all",
            "--select",
            "rank=general",
            "--lang",
            "uk");
    assertThat(key.exit()).isEqualTo(2);
    assertThat(key.err()).contains("невідома умова «rank»");
    Run age =
        cli("agreement", "provision", String.valueOf(id), "--all-for-all", "--select", "age=25-18");
    assertThat(age.err()).contains("upside down");
    Run none = cli("agreement", "provision", String.valueOf(id), "--n-for-n", "0");
    assertThat(none.err()).contains("N for N needs N");
    Run count =
        cli(
            "agreement",
            "provision",
            String.valueOf(id),
            "--unilateral",
            "--from",
            "RU",
            "--count",
            "-5");
    assertThat(count.err()).contains("cannot be below 1");
    Run outsider =
        cli(
            "agreement",
            "provision",
            String.valueOf(id),
            "--unilateral",
            "--from",
            "TR",
            "--count",
            "5");
    assertThat(outsider.err()).contains("party TR is not a party to agreement");
    Run stranger =
        cli(
            "agreement",
            "provision",
            String.valueOf(id),
            "--all-for-all",
            "--select",
            "held-by=XX");
    assertThat(stranger.err()).contains("party XX is not known");
    Run two = cli("agreement", "provision", String.valueOf(id), "--all-for-all", "--n-for-n", "5");
    assertThat(two.err()).contains("give one kind of provision");
    Run date = cli("agreement", "add", "--title", "X", "--date", "31.02.2025", "--lang", "ru");
    assertThat(date.exit()).isEqualTo(2);
    assertThat(date.err()).contains("не является датой");
    Run missing =
        cli("eligibility", "--agreement", "999", "--provision", "1", "--on", "2025-06-02");
    assertThat(missing.err()).contains("there is no agreement 999");
    assertThat(app.agreements().find(id).orElseThrow().provisions()).isEmpty();
    assertThat(app.agreements().list()).hasSize(1);
  }
}
