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
        List.of(Map.of("Андрій", 0.05, "Андрей", 0.001, "Ярема", 0.001, "Олег", 0.3)));
  }

  private static double bits(Model<String> m, String name) {
    return m.score(name, name).weight() - m.score(name, name).priorBits();
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** A thousand entries of a Russian list: 50 Андрей, 20 Олег, one Ярема, the rest Андрій. */
  private static List<String> list() {
    List<String> list = new ArrayList<>(Collections.nCopies(929, "Андрій"));
    list.addAll(Collections.nCopies(50, "Андрей"));
    list.addAll(Collections.nCopies(20, "Олег"));
    list.add("Ярема");
    return list;
  }

  @Test
  void aNameCommonOnTheListWeighsAsCommonThoughRareInTheRegistry() {
    Model<String> onList = MODEL.withList(list());
    assertThat(bits(MODEL, "Андрей")).isCloseTo(log2(0.9 / 0.001), within(1e-9));
    // 49 others of 999, drawn towards the registry's 0.001 as if by a thousand entries more
    assertThat(bits(onList, "Андрей"))
        .isCloseTo(log2(0.9 / ((49 + 1000 * 0.001) / (999 + 1000))), within(1e-9));
    // Андрій: 0.05 in the registry, 928 others of 999 on this list: the larger
    assertThat(bits(onList, "Андрій"))
        .isCloseTo(log2(0.9 / ((928 + 1000 * 0.05) / (999 + 1000))), within(1e-9));
  }

  @Test
  void theRegistrysShareStandsWhereItIsLargerOrTheListCannotTell() {
    Model<String> onList = MODEL.withList(list());
    // Олег: 0.3 in the registry, 19 others of 999 on the list
    assertThat(bits(onList, "Олег")).isEqualTo(bits(MODEL, "Олег"));
    // Ярема: the entry itself is the only one on the list
    assertThat(bits(onList, "Ярема")).isEqualTo(bits(MODEL, "Ярема"));
    // two brothers on a short list do not make their name common
    assertThat(bits(MODEL.withList(List.of("Ярема", "Ярема", "Андрій")), "Ярема"))
        .isEqualTo(bits(MODEL, "Ярема"));
    // nor a name five others carry on a long list
    List<String> five = new ArrayList<>(Collections.nCopies(1994, "Андрій"));
    five.addAll(Collections.nCopies(6, "Ярема"));
    assertThat(bits(MODEL.withList(five), "Ярема")).isEqualTo(bits(MODEL, "Ярема"));
  }
}
