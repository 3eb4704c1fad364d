package org.handover.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OneToOneTest {

  private static Linker.Link link(int entry, int person, double weight, double margin) {
    return new Linker.Link(entry, person, new Model.Scored(weight, 0.99, 0, List.of()), margin);
  }

  @Test
  void eachPersonGoesToTheHeaviestEntryAndEachEntryToOnePerson() {
    OneToOne o =
        OneToOne.of(
            List.of(
                link(0, 10, 30, 20), link(1, 11, 25, 25), link(1, 10, 5, 0), link(2, 12, 20, 20)));
    assertThat(o.links())
        .extracting(Linker.Link::left, Linker.Link::right, Linker.Link::margin)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 10, 20.0),
            org.assertj.core.groups.Tuple.tuple(1, 11, 25.0),
            org.assertj.core.groups.Tuple.tuple(2, 12, 20.0));
    assertThat(o.alternatives()).isEmpty();
  }

  @Test
  void anEntryWhosePersonWasTakenByANearTieIsReviewedBesideIt() {
    // the same man listed twice: the second row's only candidate is the first row's person
    OneToOne o = OneToOne.of(List.of(link(0, 10, 30, 30), link(1, 10, 28, 28)));
    assertThat(o.links()).hasSize(1);
    Linker.Link kept = o.links().get(0);
    assertThat(kept.left()).isZero();
    assertThat(kept.margin()).isEqualTo(2.0); // no longer sure: led by two bits only
    assertThat(o.alternatives())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.left()).isEqualTo(1);
              assertThat(a.right()).isEqualTo(10);
              assertThat(a.margin()).isEqualTo(-2.0);
            });
  }

  @Test
  void aRivalWithAWeakLinkOfItsOwnStillMakesTheTakerUnsure() {
    // row 1 is the man of row 0 too, and has a far weaker candidate of its own
    OneToOne o = OneToOne.of(List.of(link(0, 10, 30, 30), link(1, 10, 29, 19), link(1, 11, 10, 0)));
    assertThat(o.links())
        .filteredOn(l -> l.left() == 0)
        .singleElement()
        .extracting(Linker.Link::margin)
        .isEqualTo(1.0);
    assertThat(o.alternatives())
        .singleElement()
        .satisfies(a -> assertThat(a.right()).isEqualTo(10));
  }

  @Test
  void aRivalWhoseOwnLinkExplainsItLeavesTheTakerSure() {
    OneToOne o = OneToOne.of(List.of(link(1, 11, 40, 11), link(0, 10, 30, 30), link(1, 10, 29, 0)));
    assertThat(o.links())
        .filteredOn(l -> l.left() == 0)
        .singleElement()
        .extracting(Linker.Link::margin)
        .isEqualTo(30.0);
  }

  @Test
  void noCandidatesNoLinks() {
    assertThat(OneToOne.of(List.of()).links()).isEmpty();
  }

  @Test
  void aRivalFarBehindTheLinkThatTookItsPersonIsNoMatch() {
    OneToOne o = OneToOne.of(List.of(link(0, 10, 30, 30), link(1, 10, 12, 12)));
    assertThat(o.links()).singleElement().extracting(Linker.Link::margin).isEqualTo(30.0);
    assertThat(o.alternatives()).isEmpty();
  }

  @Test
  void anEntrysOwnNearTieIsAnAlternativeAndLeavesOtherEntriesAlone() {
    OneToOne o = OneToOne.of(List.of(link(0, 10, 30, 2), link(0, 11, 28, 0), link(1, 12, 20, 20)));
    assertThat(o.links()).extracting(Linker.Link::margin).containsExactly(2.0, 20.0);
    assertThat(o.alternatives())
        .singleElement()
        .satisfies(a -> assertThat(a.right()).isEqualTo(11));
  }
}
