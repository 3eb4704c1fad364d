package org.handover.server.briefing;

/**
 * A briefing as a standalone HTML file (for the CLI's --format html and the download): every
 * sentence names the items of the record it states, by their keys.
 */
public final class BriefingHtml {
  private BriefingHtml() {}

  public static String write(Briefing b, String sourcesWord, String overdueMark) {
    StringBuilder h =
        new StringBuilder("<!DOCTYPE html>\n<html lang=\"")
            .append(b.language())
            .append("\">\n<head><meta charset=\"utf-8\"><title>");
    h.append(esc(b.title()))
        .append(
            "</title>\n<style>body{font-family:sans-serif;max-width:52rem;margin:2rem auto;line-height:1.45}")
        .append(".overdue{color:#b02020;font-weight:bold}.refs{font-size:.75rem;color:#666}")
        .append(
            "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top}</style></head>\n<body>\n");
    h.append("<h1>")
        .append(esc(b.title()))
        .append("</h1>\n<p><em>")
        .append(esc(b.subtitle()))
        .append("</em></p>\n");
    for (Briefing.Section s : b.sections()) {
      h.append("<h2 id=\"")
          .append(s.anchor())
          .append("\">")
          .append(esc(s.heading()))
          .append("</h2>\n");
      if (!s.table().isEmpty()) {
        h.append("<table>\n");
        for (int i = 0; i < s.table().size(); i++) {
          h.append("<tr>");
          for (String c : s.table().get(i)) {
            h.append(i == 0 ? "<th>" : "<td>").append(esc(c)).append(i == 0 ? "</th>" : "</td>");
          }
          h.append("</tr>\n");
        }
        h.append("</table>\n");
        continue;
      }
      h.append("<ul>\n");
      for (Briefing.Sentence x : s.sentences()) {
        h.append("<li>");
        if (x.flagged()) {
          h.append("<span class=\"overdue\">").append(esc(overdueMark)).append("</span> ");
        }
        h.append(esc(x.text()));
        if (!x.refs().isEmpty()) {
          h.append(" <span class=\"refs\">[").append(esc(sourcesWord)).append(": ");
          // a file opened on its own has no installation to link to: the items by their keys
          h.append(
              String.join(", ", x.refs().stream().map(r -> esc(r.label())).distinct().toList()));
          h.append("]</span>");
        }
        h.append("</li>\n");
      }
      h.append("</ul>\n");
    }
    h.append("<hr>\n<ul class=\"refs\">\n");
    b.notes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>\n"));
    h.append("</ul>\n</body>\n</html>\n");
    return h.toString();
  }

  /** A record item's place on the round's page; a ledger's page as it is. */
  public static String link(Briefing b, Briefing.Ref r) {
    return r.inRecord() ? "/rounds/" + b.round() + r.path() : r.path();
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
