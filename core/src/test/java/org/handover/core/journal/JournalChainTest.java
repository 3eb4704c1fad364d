package org.handover.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalChainTest {
  private static List<JournalEntry> chain(int n) {
    List<JournalEntry> entries = new ArrayList<>();
    String prev = JournalChain.GENESIS;
    for (int i = 1; i <= n; i++) {
      JournalEntry e =
          JournalEntry.next(
              i,
              1000L * i,
              "registrar",
              "person.update",
              "person",
              "7",
              "{\"rank\":\"" + (i - 1) + "\"}",
              "{\"rank\":\"" + i + "\"}",
              i % 2 == 0 ? "1:" + "ab".repeat(32) : "",
              prev);
      entries.add(e);
      prev = e.hash();
    }
    return entries;
  }

  private static JournalChain.Verification verify(
      List<JournalEntry> entries, int headSeq, String headHash) {
    return JournalChain.verify(entries, headHash, headSeq);
  }

  @Test
  void anUntouchedChainIsIntact() {
    List<JournalEntry> c = chain(5);
    JournalChain.Verification v = verify(c, 5, c.get(4).hash());
    assertThat(v.intact()).isTrue();
    assertThat(v.count()).isEqualTo(5);
  }

  @Test
  void anEmptyJournalIsIntact() {
    assertThat(verify(List.of(), 0, JournalChain.GENESIS).intact()).isTrue();
  }

  @Test
  void anEditedEntryIsNamed() {
    List<JournalEntry> c = chain(5);
    JournalEntry e = c.get(2);
    c.set(
        2,
        new JournalEntry(
            e.seq(),
            e.atMillis(),
            "intruder",
            e.action(),
            e.entity(),
            e.entityId(),
            e.before(),
            e.after(),
            e.digest(),
            e.prevHash(),
            e.hash()));
    JournalChain.Verification v = verify(c, 5, c.get(4).hash());
    assertThat(v.firstBroken()).isEqualTo(3);
    assertThat(v.reason()).contains("edited");
  }

  @Test
  void anEditedStateDigestIsNamed() {
    // a tamperer who changes a row and then its digest in the journal still breaks the chain
    List<JournalEntry> c = chain(5);
    JournalEntry e = c.get(3);
    c.set(
        3,
        new JournalEntry(
            e.seq(),
            e.atMillis(),
            e.actor(),
            e.action(),
            e.entity(),
            e.entityId(),
            e.before(),
            e.after(),
            "1:" + "cd".repeat(32),
            e.prevHash(),
            e.hash()));
    JournalChain.Verification v = verify(c, 5, c.get(4).hash());
    assertThat(v.firstBroken()).isEqualTo(4);
    assertThat(v.reason()).contains("edited");
  }

  @Test
  void aDeletedEntryIsNamed() {
    List<JournalEntry> c = chain(5);
    c.remove(1);
    assertThat(verify(c, 5, c.get(3).hash()).firstBroken()).isEqualTo(3);
  }

  @Test
  void reorderedEntriesAreFound() {
    List<JournalEntry> c = chain(5);
    Collections.swap(c, 1, 2);
    assertThat(verify(c, 5, c.get(4).hash()).firstBroken()).isEqualTo(3);
  }

  @Test
  void anEntryRemovedFromTheEndIsFoundThroughTheHead() {
    List<JournalEntry> c = chain(5);
    String head = c.get(4).hash();
    c.remove(4);
    JournalChain.Verification v = verify(c, 5, head);
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBroken()).isEqualTo(5);
  }

  @Test
  void fieldsCannotShiftIntoEachOther() {
    String a = JournalChain.hash(1, 1, "ab", "c", "person", "1", "", "", "", JournalChain.GENESIS);
    String b = JournalChain.hash(1, 1, "a", "bc", "person", "1", "", "", "", JournalChain.GENESIS);
    String c =
        JournalChain.hash(1, 1, "a", "bc", "person", "1", "", "", "1:x", JournalChain.GENESIS);
    assertThat(a).isNotEqualTo(b);
    assertThat(c).isNotEqualTo(b);
  }
}
