package org.handover.server.briefing;

import java.time.LocalDate;
import java.util.List;

/**
 * A briefing in one language: sections of sentences, each with the record items it states, and
 * notes on how figures were counted. Generated, never stored: it is only what the record and the
 * ledgers say on {@code asOf}.
 */
public record Briefing(
    String language,
    String round,
    LocalDate asOf,
    String title,
    String subtitle,
    List<Section> sections,
    List<String> notes) {
  public Briefing {
    sections = List.copyOf(sections);
    notes = List.copyOf(notes);
  }

  /** A heading and its sentences; a table where figures are set side by side (header first). */
  public record Section(
      String anchor, String heading, List<Sentence> sentences, List<List<String>> table) {
    public Section {
      sentences = List.copyOf(sentences);
      table = List.copyOf(table);
    }
  }

  /** A sentence, the items it states, and whether it is flagged (overdue). */
  public record Sentence(String text, List<Ref> refs, boolean flagged) {
    public Sentence {
      refs = List.copyOf(refs);
    }

    public static Sentence of(String text, Ref... refs) {
      return new Sentence(text, List.of(refs), false);
    }
  }

  /**
   * An item stated: a key of the round's record, or a page of a ledger ({@code path} starts with a
   * slash).
   */
  public record Ref(String label, String path) {
    public static Ref item(String key) {
      return new Ref(key, "#" + key);
    }

    public boolean inRecord() {
      return path.startsWith("#");
    }
  }
}
