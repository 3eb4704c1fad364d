package org.handover.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.handover.core.matching.PersonRecord;
import org.handover.core.registry.PartialDate;
import org.handover.core.registry.Person;
import org.handover.names.Names;
import org.handover.names.ParsedName;
import org.handover.names.Romanization;

/**
 * A counterpart's roster drawn from a registry, with the noise lists really carry. Each entry comes
 * from a registry person (the ground truth) unless it is one of the strangers. The noise model, each
 * applied independently to each entry with the probability given:
 * <ul>
 *   <li>the other side's spelling: Russian forms of the given name and patronymic (from the bundled
 *       dictionary, where it has them) 50%; written in Latin by ICAO 9303 or KMU 2010 30%;</li>
 *   <li>a typo (one letter changed) in the family name 5%, in the given name 5%;</li>
 *   <li>patronymic missing 20%; given name as an initial 5%;</li>
 *   <li>date of birth: day and month swapped 3%, year only 10%, missing 3%;</li>
 *   <li>family and given name in swapped order 5% (as "Given Family" without a comma);</li>
 *   <li>strangers, not in the registry: 20% of the roster; the others are distinct registry persons.</li>
 * </ul>
 */
final class RosterNoise {
  private final Random random;
  private final Map<String, String> ukToRu;

  RosterNoise(long seed) throws java.io.IOException {
    this.random = new Random(seed);
    this.ukToRu = new HashMap<>();
    for (String[] pair : NamesQualityBench.dictionary()) {
      ukToRu.putIfAbsent(pair[0], pair[1]);
    }
  }

  /** The roster's records; {@code truth.get(i)} is the registry index of entry i, or -1 for a stranger. */
  record Drawn(List<PersonRecord> entries, List<Integer> truth) {}

  Drawn draw(List<Person> registry, List<Person> strangers, int size) {
    List<PersonRecord> entries = new ArrayList<>(size);
    List<Integer> truth = new ArrayList<>(size);
    int s = 0;
    // each registry person at most once, as a list names a person once
    List<Integer> order = new ArrayList<>(registry.size());
    for (int i = 0; i < registry.size(); i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, random);
    int next = 0;
    for (int i = 0; i < size; i++) {
      boolean stranger = random.nextDouble() < 0.2 || next == order.size();
      int index = stranger ? -1 : order.get(next++);
      Person p = stranger ? strangers.get(s++ % strangers.size()) : registry.get(index);
      entries.add(entry(i + 1, p));
      truth.add(index);
    }
    return new Drawn(entries, truth);
  }

  private PersonRecord entry(long id, Person p) {
    String family = p.primaryName().family();
    String given = p.primaryName().given();
    String patronymic = p.primaryName().patronymic();
    if (random.nextDouble() < 0.5) {
      given = russian(given);
      patronymic = russian(patronymic);
    }
    if (random.nextDouble() < 0.05) {
      family = typo(family);
    }
    if (random.nextDouble() < 0.05) {
      given = typo(given);
    }
    if (random.nextDouble() < 0.2) {
      patronymic = "";
    }
    if (random.nextDouble() < 0.3) {
      Romanization r = random.nextBoolean() ? Romanization.ICAO9303 : Romanization.KMU2010;
      family = r.romanize(family).toUpperCase(java.util.Locale.ROOT);
      given = r.romanize(given).toUpperCase(java.util.Locale.ROOT);
      patronymic = r.romanize(patronymic).toUpperCase(java.util.Locale.ROOT);
    }
    if (random.nextDouble() < 0.05 && !given.isEmpty()) {
      given = given.substring(0, 1) + ".";
    }
    Optional<PartialDate> born = p.birthDate();
    double d = random.nextDouble();
    if (born.isPresent() && born.get().day().isPresent()) {
      PartialDate b = born.get();
      if (d < 0.03 && b.day().get() <= 12) {
        born = Optional.of(PartialDate.of(b.year(), b.day().get(), b.month().get()));
      } else if (d < 0.13) {
        born = Optional.of(PartialDate.ofYear(b.year()));
      } else if (d < 0.16) {
        born = Optional.empty();
      }
    }
    ParsedName name = random.nextDouble() < 0.05
        ? Names.parse(given + " " + family + (patronymic.isEmpty() ? "" : " " + patronymic))
        : new ParsedName(family, given, patronymic, ParsedName.Order.FAMILY_FIRST, 1);
    return new PersonRecord(id, String.valueOf(id), List.of(Names.prepare(name)), born, "", "", "", "", "");
  }

  private String russian(String word) {
    if (word.isEmpty()) {
      return word;
    }
    String ru = ukToRu.get(word.toLowerCase(java.util.Locale.ROOT));
    return ru == null ? word : Character.toUpperCase(ru.charAt(0)) + ru.substring(1);
  }

  private String typo(String word) {
    if (word.length() < 4) {
      return word;
    }
    int i = 1 + random.nextInt(word.length() - 2);
    char c = word.charAt(i);
    char replacement = Character.isUpperCase(c) ? 'А' : 'а';
    if (c == replacement) {
      replacement = Character.isUpperCase(c) ? 'О' : 'о';
    }
    return word.substring(0, i) + replacement + word.substring(i + 1);
  }
}
