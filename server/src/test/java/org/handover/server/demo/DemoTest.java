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
      assertThat(app.registry().count()).isEqualTo(DemoCommand.PERSONS);
      assertThat(app.agreements().list()).hasSize(1);
      Agreement a = app.agreements().list().get(0);
      assertThat(a.provisions())
          .extracting(n -> n.provision().kind())
          .containsExactly("all-for-all", "n-for-n", "unilateral", "unilateral");
      assertThat(((Provision.NForN) a.provision(2).provision()).extension()).isEqualTo(200);
      // a transfer of remains under Russia's unilateral provision, identified since
      var figures =
          org.handover.server.remains.Statistics.figures(
              app.database().jdbi(), java.time.LocalDate.now());
      assertThat(figures.received()).isEqualTo(80);
      assertThat(figures.claimed()).isEqualTo(60);
      assertThat(figures.identified()).isEqualTo(24);
      assertThat(figures.presumed()).isEqualTo(6);
      assertThat(app.register().byTag("RU-0001").orElseThrow().claimedPerson()).isPresent();
      // mothers seek twenty children; twelve are on the other side's list, one verified
      var states = org.handover.server.tracing.Board.counts(app.database().jdbi());
      assertThat(org.handover.server.tracing.Board.requests(app.database().jdbi())).isEqualTo(20);
      assertThat(states.get(org.handover.core.tracing.CaseState.VERIFIED)).isEqualTo(1);
      assertThat(app.journal().verify().intact()).isTrue();
      assertThat(app.journal().audit().clean()).isTrue();
    }
  }
}
