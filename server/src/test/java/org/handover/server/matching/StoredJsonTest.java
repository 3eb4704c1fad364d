package org.handover.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.handover.core.matching.Model;
import org.junit.jupiter.api.Test;

class StoredJsonTest {

  @Test
  void aScoredPairReadsBackWithItsEntrysChanceOfBeingOneOfItsCandidates() {
    Model.Scored s =
        new Model.Scored(
                3.5, 0.9, -17.9, List.of(new Model.Contribution("family name", "exact", 9.2)))
            .withShares(0.3, 0.85);
    assertThat(StoredJson.explanation(StoredJson.write(s))).isEqualTo(s);
  }

  @Test
  void aPairStoredBeforeTheEntrysChanceWasKeptReadsWithNone() {
    // runs stored before: the review page shows the pair's own probability in its place
    Model.Scored old =
        StoredJson.explanation(
            "{\"weight\":3.5,\"probability\":0.9,\"priorBits\":-17.9,\"explanation\":[]}");
    assertThat(old.probability()).isEqualTo(0.9);
    assertThat(old.found()).isZero();
  }
}
