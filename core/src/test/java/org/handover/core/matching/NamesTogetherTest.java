package org.handover.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamesTogetherTest {
  /** A name's parts compared exactly: family, given name, patronymic. */
  private static final List<FieldComparison<String[]>> FIELDS =
      List.of(part("family name", 0), part("given name", 1), part("patronymic", 2));

  private static FieldComparison<String[]> part(String name, int i) {
    return FieldComparison.<String[]>of(
            name,
            List.of("exact", "different"),
            (a, b) -> a[i].isEmpty() || b[i].isEmpty() ? -1 : a[i].equals(b[i]) ? 0 : 1,
            r -> r[i].isEmpty() ? Optional.empty() : Optional.of(r[i]),
            1)
        .asPartOfName();
  }

  /**
   * A thousand persons: 30 Кузнецов Андрей Евгеньевич, 70 other Кузнецов, 100 other Андрей, 100
   * other Евгеньевич, the rest of names carried once.
   */
  private static List<String[]> registry() {
    List<String[]> r = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      r.add(new String[] {"Кузнецов", "Андрей", "Евгеньевич"});
    }
    for (int i = 0; i < 70; i++) {
      r.add(new String[] {"Кузнецов", "Иван" + i, "Петрович" + i});
    }
    for (int i = 0; i < 100; i++) {
      r.add(new String[] {"Шевчук" + i, "Андрей", "Олегович" + i});
    }
    for (int i = 0; i < 100; i++) {
      r.add(new String[] {"Бойко" + i, "Олег" + i, "Евгеньевич"});
    }
    while (r.size() < 1000) {
      int i = r.size();
      r.add(new String[] {"Рід" + i, "Ім'я" + i, "Батькович" + i});
    }
    return r;
  }

  private static Model<String[]> model(List<String[]> registry, NamesTogether together) {
    return model(FIELDS, registry, together);
  }

  /** Every field agreeing at its first level nine times in ten, a random pair once in a hundred. */
  private static Model<String[]> model(
      List<FieldComparison<String[]>> fields, List<String[]> registry, NamesTogether together) {
    Map<String, Map<String, double[]>> tables = new LinkedHashMap<>();
    List<Map<String, Double>> shares = new ArrayList<>();
    for (FieldComparison<String[]> f : fields) {
      Map<String, double[]> levels = new LinkedHashMap<>();
      levels.put(f.levels().get(0), new double[] {0.9, 0.01});
      levels.put("different", new double[] {0.1, 0.99});
      tables.put(f.name(), levels);
      Map<String, Double> share = new HashMap<>();
      registry.forEach(
          p -> share.merge(f.termOf(p).orElseThrow(), 1.0 / registry.size(), Double::sum));
      shares.add(share);
    }
    return Model.restore(fields, tables, 0.5, shares, together);
  }

  private static NamesTogether counted(List<String[]> registry) {
    return NamesTogether.of(FIELDS, registry, false);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void partsCommonerTogetherThanApartWeighLessAndDoNotCountAsAgainst() {
    List<String[]> registry = registry();
    Model<String[]> apart = model(registry, NamesTogether.none());
    Model<String[]> together = model(registry, counted(registry));
    String[] kuznetsov = {"Кузнецов", "Андрей", "Евгеньевич"};
    Model.Scored s = together.score(kuznetsov, kuznetsov);
    // 29 others carry the three together where 999 × 0.1 × 0.13 × 0.13 predict 1.69
    double expected = 999 * 0.1 * 0.13 * 0.13;
    double lost = log2((29 + NamesTogether.PSEUDO) / (expected + NamesTogether.PSEUDO));
    assertThat(apart.score(kuznetsov, kuznetsov).weight() - s.weight())
        .isCloseTo(lost, within(1e-9));
    Model.Contribution c = s.explanation().get(s.explanation().size() - 1);
    assertThat(c.field()).isEqualTo(Model.TOGETHER);
    assertThat(c.bits()).isCloseTo(-lost, within(1e-9));
    // however much a common name loses, it is not a field that disagrees
    assertThat(new Model.Contribution(Model.TOGETHER, Model.TOGETHER_LEVEL, -7).contradicts())
        .isFalse();
    assertThat(new Model.Contribution("patronymic", "different", -7).contradicts()).isTrue();
    // the evidence the linker sums for every pair is the explanation's
    long packed = Vectors.of(FIELDS, kuznetsov, kuznetsov);
    assertThat(together.evidence(packed, kuznetsov, kuznetsov))
        .isCloseTo(s.weight() - s.priorBits(), within(1e-9));
  }

  @Test
  void aNameCarriedOnceOrPartsThatDisagreeLoseNothing() {
    List<String[]> registry = registry();
    Model<String[]> apart = model(registry, NamesTogether.none());
    Model<String[]> together = model(registry, counted(registry));
    String[] once = registry.get(500);
    assertThat(together.score(once, once).weight()).isEqualTo(apart.score(once, once).weight());
    String[] other = {"Кузнецов", "Андрей", "Олегович7"}; // the patronymic differs
    String[] kuznetsov = {"Кузнецов", "Андрей", "Евгеньевич"};
    // family and given name together: 29 others carry them beside Кузнецов Андрей Евгеньевич
    double lost = log2((29 + NamesTogether.PSEUDO) / (999 * 0.1 * 0.13 + NamesTogether.PSEUDO));
    assertThat(apart.score(other, kuznetsov).weight() - together.score(other, kuznetsov).weight())
        .isCloseTo(lost, within(1e-9));
    String[] ivan = {"Кузнецов", "Іван", "Евгеньевич"}; // the given name differs: nothing together
    assertThat(together.score(ivan, kuznetsov).weight())
        .isEqualTo(apart.score(ivan, kuznetsov).weight());
  }

  @Test
  void theCountsStoredWithAModelWeighAsCounted() {
    List<String[]> registry = registry();
    NamesTogether counted = counted(registry);
    NamesTogether restored =
        NamesTogether.restore(FIELDS, counted.stored(), counted.registrySize(), false);
    assertThat(counted.stored().get(1)).hasSize(1); // only the three parts carried more than once
    String[] kuznetsov = {"Кузнецов", "Андрей", "Евгеньевич"};
    assertThat(model(registry, restored).score(kuznetsov, kuznetsov).weight())
        .isEqualTo(model(registry, counted).score(kuznetsov, kuznetsov).weight());
  }

  /**
   * Two persons of the registry weighed against each other: both are among those counted, so a name
   * two carry is not commoner than it seems, and its true duplicates lose nothing.
   */
  @Test
  void aRegistryWeighedAgainstItselfCountsBothPersonsOfAPair() {
    List<String[]> registry = registry();
    registry.set(999, new String[] {"Ярема", "Остап", "Тарасович"});
    registry.set(998, new String[] {"Ярема", "Остап", "Тарасович"});
    String[] a = registry.get(998);
    String[] b = registry.get(999);
    Model<String[]> apart = model(registry, NamesTogether.none());
    Model<String[]> linked = model(registry, NamesTogether.of(FIELDS, registry, false));
    Model<String[]> itself = model(registry, NamesTogether.of(FIELDS, registry, true));
    // linking a list, one other of the registry carries the name: it weighs a little less
    assertThat(linked.score(a, b).weight()).isLessThan(apart.score(a, b).weight());
    // the registry with itself: the pair is the two who carry it, no one else
    assertThat(itself.score(a, b).weight()).isEqualTo(apart.score(a, b).weight());
    // Кузнецов Андрей Евгеньевич thirty times: 28 others beside the pair
    String[] k1 = registry.get(0);
    String[] k2 = registry.get(1);
    double expected = 998 * 0.1 * 0.13 * 0.13;
    assertThat(apart.score(k1, k2).weight() - itself.score(k1, k2).weight())
        .isCloseTo(
            log2((28 + NamesTogether.PSEUDO) / (expected + NamesTogether.PSEUDO)), within(1e-9));
  }

  /** The name's parts and a place of birth that goes with the family name. */
  private static final List<FieldComparison<String[]>> WITH_PLACE =
      List.of(
          part("family name", 0),
          part("given name", 1),
          part("patronymic", 2),
          FieldComparison.<String[]>of(
                  "place of birth",
                  List.of("same", "different"),
                  (a, b) -> a[3].isEmpty() || b[3].isEmpty() ? -1 : a[3].equals(b[3]) ? 0 : 1,
                  r -> r[3].isEmpty() ? Optional.empty() : Optional.of(r[3]),
                  1)
              .goesWith(
                  0, r -> r[3].isEmpty() ? Optional.empty() : Optional.of(r[3]), l -> l == 0));

  /**
   * A thousand persons with a place of birth: 60 Егоров, 50 of them born in Москва, where 50 others
   * of other names are too; 100 Бойко born in Київ as often as anyone (a tenth); the rest of names
   * and places carried once.
   */
  private static List<String[]> placed() {
    List<String[]> r = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      r.add(
          new String[] {"Егоров", "Андрей" + i, "Андреевич" + i, i < 50 ? "Москва" : "Місто" + i});
    }
    for (int i = 0; i < 50; i++) {
      r.add(new String[] {"Рід" + i, "Ім'я" + i, "Батькович" + i, "Москва"});
    }
    for (int i = 0; i < 100; i++) {
      r.add(new String[] {"Бойко", "Роман" + i, "Петрович" + i, i < 10 ? "Київ" : "Село" + i});
    }
    for (int i = 0; i < 90; i++) {
      r.add(new String[] {"Коваль" + i, "Іван" + i, "Олегович" + i, "Київ"});
    }
    while (r.size() < 1000) {
      int i = r.size();
      r.add(new String[] {"Рід" + i, "Ім'я" + i, "Батькович" + i, "Хутір" + i});
    }
    return r;
  }

  @Test
  void aPlaceThatGoesWithTheFamilyNameWeighsLessBesideIt() {
    List<String[]> registry = placed();
    NamesTogether counted = NamesTogether.of(WITH_PLACE, registry, false);
    Model<String[]> apart = model(WITH_PLACE, registry, NamesTogether.none());
    Model<String[]> together = model(WITH_PLACE, registry, counted);
    String[] entry = {"Егоров", "Павел", "Ильич", "Москва"};
    String[] person = registry.get(0);
    // 49 other Егоров of Москва where 999 × 0.06 × 0.1 predict 6
    double lost = log2((49 + NamesTogether.PSEUDO) / (999 * 0.06 * 0.1 + NamesTogether.PSEUDO));
    Model.Scored s = together.score(entry, person);
    assertThat(apart.score(entry, person).weight() - s.weight()).isCloseTo(lost, within(1e-9));
    Model.Contribution c = s.explanation().get(s.explanation().size() - 1);
    assertThat(c.field()).isEqualTo("place of birth with the family name");
    assertThat(c.level()).isEqualTo(Model.TOGETHER_LEVEL);
    assertThat(c.contradicts()).isFalse();
    long packed = Vectors.of(WITH_PLACE, entry, person);
    assertThat(together.evidence(packed, entry, person))
        .isCloseTo(s.weight() - s.priorBits(), within(1e-9));
    // Бойко of Київ: ten where 999 × 0.1 × 0.1 predict ten, nothing lost
    String[] boiko = {"Бойко", "Павло", "Ілліч", "Київ"};
    assertThat(registry.get(110)).containsExactly("Бойко", "Роман0", "Петрович0", "Київ");
    assertThat(together.score(boiko, registry.get(110)).weight())
        .isEqualTo(apart.score(boiko, registry.get(110)).weight());
    // however much it loses, a place with the family name is not a field that disagrees
    assertThat(new Model.Contribution(c.field(), c.level(), -7).contradicts()).isFalse();
    // another place, or another family name: the two do not agree together
    String[] elsewhere = {"Егоров", "Павел", "Ильич", "Тула"};
    assertThat(together.score(elsewhere, person).weight())
        .isEqualTo(apart.score(elsewhere, person).weight());
    // stored with a model and restored, the counts weigh alike
    NamesTogether restored =
        NamesTogether.restore(WITH_PLACE, counted.stored(), counted.registrySize(), false);
    assertThat(model(WITH_PLACE, registry, restored).score(entry, person).weight())
        .isEqualTo(s.weight());
    // counts stored without the companion's (an older model) are refused, not misread
    assertThatThrownBy(
            () ->
                NamesTogether.restore(
                    WITH_PLACE, counted.stored().subList(0, 2), counted.registrySize(), false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * A place goes with the family name and a year with the given name in the engine's fields, and an
   * uncommon place with the year corroborates a link only as much as it is uncommon beside the
   * family name.
   */
  @Test
  void thePersonsFieldsCountPlaceWithFamilyAndYearWithGivenName() {
    List<FieldComparison<PersonRecord>> fields = PersonFields.all();
    Map<String, Integer> partOf = new HashMap<>();
    fields.forEach(f -> f.companion().ifPresent(c -> partOf.put(f.name(), c.part())));
    assertThat(partOf).containsOnly(Map.entry("place of birth", 0), Map.entry("date of birth", 1));
    assertThat(Model.features(fields)).contains("with part 0", "with part 1");
    List<Model.Contribution> village =
        new ArrayList<>(
            List.of(
                new Model.Contribution("family name", "exact", 9),
                new Model.Contribution("date of birth", "same year", 5),
                new Model.Contribution("place of birth", "same", 9)));
    assertThat(Linker.corroborated(village)).isTrue();
    village.add(
        new Model.Contribution(
            NamesTogether.line("place of birth", "family name"), Model.TOGETHER_LEVEL, -2));
    assertThat(Linker.corroborated(village)).isFalse();
  }
}
