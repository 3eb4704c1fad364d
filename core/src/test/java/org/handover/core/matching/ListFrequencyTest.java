package org.handover.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListFrequencyTest {
  private static final List<FieldComparison<String>> FIELDS =
      List.of(
          FieldComparison.of(
              "given name",
              List.of("exact", "different"),
              (a, b) -> a.equals(b) ? 0 : 1,
              Optional::of,
              1));

  private static final Model<String> MODEL = model();

  private static Model<String> model() {
    Map<String, double[]> levels = new LinkedHashMap<>(); // in the field's order
    levels.put("exact", new double[] {0.9, 0.01});
    levels.put("different", new double[] {0.1, 0.99});
    return Model.restore(
        FIELDS,
        Map.of("given name", levels),
        0.5,
        List.of(Map.of("Андрій", 0.05, "Андрей", 0.001, "Ярема", 0.001)));
  }

  private static double bits(Model<String> m, String name) {
    return m.score(name, name).weight() - m.score(name, name).priorBits();
  }

  /** A thousand entries of a Russian list: 50 are Андрей, one Ярема, the rest Андрій. */
  private static List<String> list() {
    List<String> list = new ArrayList<>(Collections.nCopies(949, "Андрій"));
    list.addAll(Collections.nCopies(50, "Андрей"));
    list.add("Ярема");
    return list;
  }

  @Test
  void aNameCommonOnTheListWeighsAsCommonThoughRareInTheRegistry() {
    Model<String> onList = MODEL.withList(list());
    // registry: 0.9 / 0.001 (9.8 bits); on the list 49 others of 999 carry it
    assertThat(bits(MODEL, "Андрей")).isCloseTo(Math.log(0.9 / 0.001) / Math.log(2), within(1e-9));
    assertThat(bits(onList, "Андрей"))
        .isCloseTo(Math.log(0.9 / (49.0 / 999)) / Math.log(2), within(1e-9));
  }

  @Test
  void aNameRareOnBothSidesKeepsItsWeightAndTheRegistrysCommonerShareStands() {
    Model<String> onList = MODEL.withList(list());
    // Ярема: the entry itself is the only one on the list
    assertThat(bits(onList, "Ярема")).isEqualTo(bits(MODEL, "Ярема"));
    // Андрій: 0.05 in the registry, 948 / 999 on this list: the larger
    assertThat(bits(onList, "Андрій"))
        .isCloseTo(Math.log(0.9 / (948.0 / 999)) / Math.log(2), within(1e-9));
    assertThat(MODEL.withList(List.of("Андрій", "Андрій")).score("Андрій", "Андрій").weight())
        .isLessThan(MODEL.score("Андрій", "Андрій").weight());
  }
}
