package org.handover.server.matching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.handover.core.demo.DemoPeople;
import org.handover.core.matching.BlockingRule;
import org.handover.core.matching.Candidates;
import org.handover.core.matching.DuplicateBlocking;
import org.handover.core.matching.FieldComparison;
import org.handover.core.matching.Linker;
import org.handover.core.matching.Model;
import org.handover.core.matching.NamesTogether;
import org.handover.core.matching.PersonBlocking;
import org.handover.core.matching.PersonFields;
import org.handover.core.matching.PersonRecord;
import org.handover.core.matching.RecordCodec;
import org.handover.core.matching.StreamedBlocking;
import org.handover.core.registry.Person;
import org.junit.jupiter.api.Test;

/**
 * Records stored as bytes, blocked by their stored key hashes and linked with a stored model give
 * the links the engine gives from the persons themselves.
 */
class StoredRecordsTest {
  private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);

  private static List<PersonRecord> registry() {
    List<Person> people = DemoPeople.realistic(7, TODAY).generate(4000);
    List<PersonRecord> out = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      out.add(MatchRecords.of(i + 1, people.get(i)));
    }
    return out;
  }

  /** Every fifth person of the registry, and strangers of another seed. */
  private static List<PersonRecord> roster(List<PersonRecord> registry) {
    List<PersonRecord> out = new ArrayList<>();
    for (int i = 0; i < registry.size(); i += 5) {
      out.add(registry.get(i));
    }
    List<Person> strangers = DemoPeople.realistic(8, TODAY).generate(200);
    for (int i = 0; i < strangers.size(); i++) {
      out.add(MatchRecords.of(100_000 + i, strangers.get(i)));
    }
    return out;
  }

  private static Candidates streamed(
      List<PersonRecord> left,
      List<PersonRecord> right,
      List<BlockingRule<PersonRecord>> rules,
      int maxBlock) {
    StreamedBlocking b = new StreamedBlocking(left, rules);
    for (PersonRecord r : right) {
      if (r.id() % 2 == 0) {
        b.accept(RecordCodec.readKeys(RecordCodec.keys(r)));
      } else {
        b.accept(RecordCodec.keys(r)); // as stored, read in place
      }
    }
    return b.candidates(maxBlock);
  }

  @Test
  void storedKeysBlockAsTheRecordsThemselves() {
    List<PersonRecord> registry = registry();
    List<PersonRecord> roster = roster(registry);
    for (int maxBlock : new int[] {1000, 3}) {
      for (List<BlockingRule<PersonRecord>> rules :
          List.of(PersonBlocking.rules(), PersonBlocking.dedupeRules())) {
        // the common family names of a realistic registry make blocks over 3 under rules()
        Candidates direct = Candidates.of(roster, registry, rules, maxBlock);
        Candidates stored = streamed(roster, registry, rules, maxBlock);
        assertTrue(
            direct.size() > (maxBlock == 3 ? 100 : roster.size() / 2), "pairs: " + direct.size());
        assertTrue(
            maxBlock == 1000
                || rules.size() != PersonBlocking.rules().size()
                || direct.skippedKeys().values().stream().mapToLong(x -> x).sum() > 0);
        assertArrayEquals(direct.pairs(), stored.pairs(), "max block " + maxBlock);
        assertEquals(direct.byRule(), stored.byRule());
        assertEquals(direct.skippedKeys(), stored.skippedKeys());
      }
    }
  }

  @Test
  void aRegistryBlockedWithItselfByStoredKeysPairsAsTheRecordsThemselves() {
    List<PersonRecord> registry = registry();
    for (int maxBlock : new int[] {1000, 2}) {
      Candidates direct =
          Candidates.of(registry, registry, PersonBlocking.dedupeRules(), maxBlock, true);
      DuplicateBlocking b = new DuplicateBlocking(PersonBlocking.dedupeRules());
      registry.forEach(r -> b.accept(RecordCodec.keys(r)));
      Candidates stored = b.candidates(maxBlock);
      // the narrow dedupe rules pair a few dozen of these persons
      assertTrue(direct.size() > 20, "pairs: " + direct.size());
      assertTrue(
          maxBlock == 1000 || direct.skippedKeys().values().stream().mapToLong(x -> x).sum() > 0);
      assertArrayEquals(direct.pairs(), stored.pairs(), "max block " + maxBlock);
      assertEquals(direct.byRule(), stored.byRule());
      assertEquals(direct.skippedKeys(), stored.skippedKeys());
      assertEquals(direct.rulePairs().keySet(), stored.rulePairs().keySet());
      for (String rule : direct.rulePairs().keySet()) {
        assertArrayEquals(direct.rulePairs().get(rule), stored.rulePairs().get(rule), rule);
      }
    }
  }

  @Test
  void aRecordReadBackLinksAsTheOneWrittenAndAStoredModelAsTheTrainedOne() {
    List<PersonRecord> registry = registry();
    List<PersonRecord> roster = roster(registry);
    List<FieldComparison<PersonRecord>> fields = PersonFields.all();
    Linker.Options options = Linker.Options.defaults().oneToOne(true);
    Linker.Result<PersonRecord> trained =
        Linker.link(roster, registry, fields, PersonBlocking.rules(), options);

    List<PersonRecord> readBack =
        registry.stream().map(r -> RecordCodec.read(RecordCodec.write(r))).toList();
    Model<PersonRecord> model = trained.model();
    Model<PersonRecord> stored =
        Model.restore(
            fields,
            model.tables(),
            model.lambda(),
            model.termFrequencies(),
            NamesTogether.restore(
                fields,
                model.namesTogether().stored(),
                model.namesTogether().registrySize(),
                model.namesTogether().oneList()));
    Candidates c = streamed(roster, readBack, PersonBlocking.rules(), 1000);
    Linker.Result<PersonRecord> again =
        Linker.link(roster, readBack, c, 0, fields, PersonBlocking.rules(), options, stored);

    assertTrue(trained.links().size() > 700, "links: " + trained.links().size());
    assertEquals(trained.links().size(), again.links().size());
    for (int i = 0; i < trained.links().size(); i++) {
      Linker.Link a = trained.links().get(i);
      Linker.Link b = again.links().get(i);
      assertEquals(a.left(), b.left());
      assertEquals(a.right(), b.right());
      assertEquals(a.scored().weight(), b.scored().weight(), 1e-9);
      assertEquals(a.scored().probability(), b.scored().probability(), 1e-12);
    }
    assertEquals(model.lambda(), again.model().lambda(), 1e-12);
  }

  @Test
  void aModelOfOtherFeaturesIsRefused() {
    List<FieldComparison<PersonRecord>> fields = PersonFields.all();
    List<PersonRecord> registry = registry().subList(0, 500);
    Model<PersonRecord> model =
        Linker.link(registry, registry, fields, PersonBlocking.rules(), Linker.Options.defaults())
            .model();
    var tables = new java.util.LinkedHashMap<>(model.tables());
    tables.put("family name", java.util.Map.of("exact", new double[] {0.9, 0.1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Model.restore(fields, tables, model.lambda(), model.termFrequencies()));
    assertTrue(Model.features(fields).contains(RecordCodec.VERSION));
  }
}
