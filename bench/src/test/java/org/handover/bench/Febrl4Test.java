package org.handover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.handover.core.matching.Linker;
import org.handover.core.matching.Model;
import org.junit.jupiter.api.Test;

class Febrl4Test {
  /**
   * FEBRL4, copied into the repository (bench/data/febrl4; its source and licence are in NOTICE).
   */
  static Path data(String name) {
    Path p = Path.of("data/febrl4").resolve(name);
    if (!Files.exists(p)) {
      throw new IllegalStateException(p.toAbsolutePath() + " not found");
    }
    return p;
  }

  @Test
  void linksFebrl4WithHighPrecisionAndRecall() throws Exception {
    List<Febrl4.Rec> a = Febrl4.read(data("febrl4a.csv"));
    List<Febrl4.Rec> b = Febrl4.read(data("febrl4b.csv"));
    Linker.Result<Febrl4.Rec> r =
        Linker.link(
            a,
            b,
            Febrl4.fields(),
            Febrl4.rules(),
            Linker.Options.defaults().oneToOne(true).pairPrior(true));
    Febrl4.Quality q = Febrl4.quality(a, b, r.links(), 0.5);
    assertThat(q.f1())
        .as("F1 %s, precision %s, recall %s", q.f1(), q.precision(), q.recall())
        .isGreaterThan(0.98);
  }

  @Test
  void eachExplanationSumsToItsWeight() throws Exception {
    List<Febrl4.Rec> a = Febrl4.read(data("febrl4a.csv")).subList(0, 500);
    List<Febrl4.Rec> b = Febrl4.read(data("febrl4b.csv"));
    Linker.Result<Febrl4.Rec> r =
        Linker.link(a, b, Febrl4.fields(), Febrl4.rules(), Linker.Options.defaults());
    assertThat(r.links()).isNotEmpty();
    for (Linker.Link l : r.links()) {
      Model.Scored s = l.scored();
      double sum =
          s.priorBits() + s.explanation().stream().mapToDouble(Model.Contribution::bits).sum();
      assertThat(sum).isCloseTo(s.weight(), Offset.offset(1e-9));
    }
  }

  @Test
  void theSameInputGivesTheSameLinks() throws Exception {
    List<Febrl4.Rec> a = Febrl4.read(data("febrl4a.csv")).subList(0, 300);
    List<Febrl4.Rec> b = Febrl4.read(data("febrl4b.csv")).subList(0, 2000);
    var first =
        Linker.link(a, b, Febrl4.fields(), Febrl4.rules(), Linker.Options.defaults()).links();
    var second =
        Linker.link(a, b, Febrl4.fields(), Febrl4.rules(), Linker.Options.defaults()).links();
    assertThat(second).isEqualTo(first);
  }
}
