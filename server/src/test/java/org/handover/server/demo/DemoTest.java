package org.handover.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.handover.core.agreements.Provision;
import org.handover.server.App;
import org.handover.server.agreements.Agreement;
import org.handover.server.cli.HandoverCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code handover demo}: what a new user sees first, on its own embedded PostgreSQL. */
class DemoTest {
  @TempDir Path dir;

  @Test
  void theDemoHoldsTheRegistryAndTheIstanbulAgreementAndVerifies() {
    var cl = HandoverCommand.commandLine();
    cl.setErr(new PrintWriter(new StringWriter()));
    assertThat(cl.execute("demo", "--no-serve", "--dir", dir.toString())).isZero();
    // a second start reuses it and adds nothing
    assertThat(cl.execute("demo", "--no-serve", "--dir", dir.toString())).isZero();
    try (App app = App.open("embedded:" + dir)) {
      assertThat(app.registry().count()).isEqualTo(DemoCommand.ALL);
      assertThat(app.agreements().list()).hasSize(1);
      Agreement a = app.agreements().list().get(0);
      assertThat(a.provisions())
          .extracting(n -> n.provision().kind())
          .containsExactly("all-for-all", "n-for-n", "unilateral", "unilateral");
      assertThat(((Provision.NForN) a.provision(2).provision()).extension()).isEqualTo(200);
      // the rounds of the report, from their records
      assertThat(app.negotiations().rounds())
          .extracting(r -> r.key())
          .containsExactly("istanbul-2", "istanbul-1");
      // 6,000 bodies received under Russia's unilateral provision, about 15% identified since
      var figures =
          org.handover.server.remains.Statistics.figures(
              app.database().jdbi(), java.time.LocalDate.now());
      assertThat(figures.received()).isEqualTo(6000);
      assertThat(figures.claimed()).isEqualTo(1200);
      assertThat(figures.identified()).isEqualTo(900);
      assertThat(figures.presumed()).isEqualTo(100);
      assertThat(app.register().byTag("RU-00001").orElseThrow().claimedPerson()).isPresent();
      // the list of 339 children sought; some found on the other side's list, three reunified
      var states = org.handover.server.tracing.Board.counts(app.database().jdbi());
      assertThat(org.handover.server.tracing.Board.requests(app.database().jdbi())).isEqualTo(339);
      assertThat(states.get(org.handover.core.tracing.CaseState.REUNIFIED)).isEqualTo(3);
      // the commitments as they stood on the story's last day: a living picture
      var rows =
          org.handover.server.negotiations.Dashboard.rows(
              app, java.util.Optional.empty(), DemoCommand.STORY_ENDS);
      assertThat(rows).hasSize(11);
      assertThat(rows)
          .filteredOn(r -> r.state().commitment().key().equals("exchange-1000-ru"))
          .singleElement()
          .satisfies(r -> assertThat(r.state().done().getAsLong()).isEqualTo(300));
      assertThat(rows).filteredOn(r -> r.state().overdue()).hasSize(2);
      String uk =
          org.handover.server.briefing.BriefingMarkdown.write(
              org.handover.server.briefing.Briefings.of(app, "latest", "uk", DemoCommand.STORY_ENDS)
                  .orElseThrow(),
              "Джерела",
              "прострочено");
      assertThat(uk.replace('\u00a0', ' '))
          .contains(
              "Росія: повернути 10 дітей до 10 липня, до 10 липня 2025. 3 з 10 на 15 липня 2025 (30%)")
          .contains("6 000 з 6 000");
      // their list of 5 June, matched: links made without review, and some waiting for a reviewer
      var listRu =
          app.rosters().list().stream()
              .filter(r -> r.fileName().equals("list-ru-2025-06-05.csv"))
              .findFirst()
              .orElseThrow();
      var run = app.matching().runs(listRu.id()).get(0);
      assertThat(run.auto()).isGreaterThan(900);
      assertThat(app.matching().waiting(run.id())).isPositive();
      // our list of 6 June went to the other side: approved by a second person
      var listUa =
          app.rosters().list().stream()
              .filter(r -> r.fileName().equals("list-ua-2025-06-06.csv"))
              .findFirst()
              .orElseThrow();
      assertThat(app.rosters().disclosure().approval(listUa.id()).orElseThrow().by())
          .isEqualTo("admin");
      assertThat(app.journal().verify().intact()).isTrue();
      assertThat(app.journal().audit().clean()).isTrue();
      // the command line beside the demo acts as its administrator
      assertThat(
              app.accounts()
                  .credentials()
                  .byOsUser(org.handover.server.cli.OsUser.name())
                  .orElseThrow())
          .extracting(u -> u.username())
          .isEqualTo("admin");
    }
    var listed = org.handover.server.cli.Cli.run("round", "list", "--db", "embedded:" + dir);
    assertThat(listed.exit()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("istanbul-2");
  }
}
