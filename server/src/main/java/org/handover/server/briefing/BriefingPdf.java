package org.handover.server.briefing;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import org.handover.server.i18n.Fonts;

/**
 * A briefing as a PDF with DejaVu Sans embedded (Cyrillic and Latin); each sentence followed by the
 * record items it states, in small type.
 */
public final class BriefingPdf {
  private static final Color OVERDUE = new Color(0xB0, 0x20, 0x20);

  private BriefingPdf() {}

  public static void write(Briefing b, String sourcesWord, String overdueMark, OutputStream out)
      throws IOException {
    BaseFont regular = Fonts.load(Fonts.REGULAR);
    BaseFont bold = Fonts.load(Fonts.BOLD);
    Document doc = new Document(PageSize.A4, 48, 48, 48, 48);
    try {
      PdfWriter.getInstance(doc, out);
      doc.addTitle(b.title());
      doc.open();
      doc.add(new Paragraph(b.title(), new Font(bold, 16)));
      doc.add(new Paragraph(b.subtitle(), new Font(regular, 10)));
      Font text = new Font(regular, 10);
      Font small = new Font(regular, 7, Font.NORMAL, Color.GRAY);
      for (Briefing.Section s : b.sections()) {
        Paragraph h = new Paragraph(s.heading(), new Font(bold, 12));
        h.setSpacingBefore(10);
        h.setSpacingAfter(4);
        doc.add(h);
        if (!s.table().isEmpty()) {
          PdfPTable t = new PdfPTable(s.table().get(0).size());
          t.setWidthPercentage(100);
          for (int i = 0; i < s.table().size(); i++) {
            for (String cell : s.table().get(i)) {
              t.addCell(
                  new PdfPCell(
                      new Phrase(cell, i == 0 ? new Font(bold, 9) : new Font(regular, 9))));
            }
          }
          doc.add(t);
          continue;
        }
        for (Briefing.Sentence x : s.sentences()) {
          Paragraph p = new Paragraph();
          p.setSpacingAfter(3);
          if (x.flagged()) {
            p.add(new Chunk(overdueMark + " ", new Font(bold, 10, Font.NORMAL, OVERDUE)));
          }
          p.add(new Chunk(x.text(), text));
          if (!x.refs().isEmpty()) {
            p.add(
                new Chunk(
                    "  ["
                        + sourcesWord
                        + ": "
                        + String.join(
                            ", ", x.refs().stream().map(Briefing.Ref::label).distinct().toList())
                        + "]",
                    small));
          }
          doc.add(p);
        }
      }
      Paragraph notes = new Paragraph();
      notes.setSpacingBefore(12);
      for (String n : b.notes()) {
        notes.add(new Chunk(n + "\n", new Font(regular, 8)));
      }
      doc.add(notes);
    } catch (DocumentException e) {
      throw new IOException("cannot write the briefing's PDF: " + e.getMessage(), e);
    } finally {
      doc.close();
    }
  }
}
