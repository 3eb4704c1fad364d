package org.handover.server.briefing;

import java.util.ArrayList;
import java.util.List;

/**
 * A briefing as Markdown: every sentence carries a footnote listing the record items it states (the
 * keys of the round's record, and the ledger pages).
 */
public final class BriefingMarkdown {
  private BriefingMarkdown() {}

  public static String write(Briefing b, String sourcesWord, String overdueMark) {
    StringBuilder md = new StringBuilder();
    List<String> notes = new ArrayList<>();
    md.append("# ").append(b.title()).append("\n\n");
    md.append("*").append(escape(b.subtitle())).append("*\n");
    for (Briefing.Section s : b.sections()) {
      md.append("\n## ").append(s.heading()).append("\n\n");
      if (!s.table().isEmpty()) {
        // the table states the sentences side by side: row i is sentence i - 1
        for (int i = 0; i < s.table().size(); i++) {
          List<String> cells =
              new ArrayList<>(s.table().get(i).stream().map(BriefingMarkdown::cell).toList());
          if (i > 0 && i - 1 < s.sentences().size()) {
            cells.set(0, cells.get(0) + mark(s.sentences().get(i - 1), notes));
          }
          md.append("| ").append(String.join(" | ", cells)).append(" |\n");
          if (i == 0) {
            md.append("|").append(" --- |".repeat(cells.size())).append("\n");
          }
        }
        continue;
      }
      for (Briefing.Sentence x : s.sentences()) {
        md.append("- ");
        if (x.flagged()) {
          md.append("**").append(overdueMark).append("** ");
        }
        md.append(escape(x.text())).append(mark(x, notes)).append("\n");
      }
    }
    md.append("\n---\n\n");
    for (String n : b.notes()) {
      md.append("- ").append(escape(n)).append("\n");
    }
    md.append("\n");
    for (int i = 0; i < notes.size(); i++) {
      md.append("[^")
          .append(i + 1)
          .append("]: ")
          .append(sourcesWord)
          .append(": ")
          .append(notes.get(i))
          .append("\n");
    }
    return md.toString();
  }

  /** The footnote mark of a sentence, its note added; nothing for a sentence stating no item. */
  private static String mark(Briefing.Sentence x, List<String> notes) {
    if (x.refs().isEmpty()) {
      return "";
    }
    notes.add(
        String.join(
            "; ",
            x.refs().stream()
                .map(r -> r.inRecord() ? "`" + r.label() + "`" : r.label() + " (" + r.path() + ")")
                .distinct()
                .toList()));
    return "[^" + notes.size() + "]";
  }

  private static String cell(String s) {
    return escape(s).replace("|", "\\|").replace("\n", " ");
  }

  /** Markdown's own characters in a text are shown as written, not read as markup. */
  static String escape(String s) {
    return s.replace("\\", "\\\\")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("[", "\\[")
        .replace("`", "\\`")
        .replace("<", "\\<")
        .replace(">", "\\>")
        .replace("#", "\\#")
        .replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
