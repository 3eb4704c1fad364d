package org.handover.server.rosters;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.handover.core.parties.PartyBook;
import org.handover.server.i18n.Messages;

/**
 * A roster printed for signing on paper: a header with the parties, date, purpose and count,
 * numbered rows, and "page N of M" on every page; Cyrillic through the embedded DejaVu Sans.
 */
final class Manifest {
  private Manifest() {}

  static void write(
      Rosters.Summary r,
      List<Rosters.StoredEntry> entries,
      List<String> otherFields,
      Messages m,
      PartyBook parties,
      String checkpoint,
      OutputStream out)
      throws IOException {
    BaseFont regular = font("/fonts/DejaVuSans.ttf");
    BaseFont bold = font("/fonts/DejaVuSans-Bold.ttf");
    Document doc = new Document(PageSize.A4.rotate(), 36, 36, 48, 48);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      writer.setPageEvent(new PageNumbers(regular, m));
      doc.addTitle(m.get("manifest.title", r.id()));
      doc.addCreator("Handover");
      doc.open();
      doc.add(
          new Paragraph(
              m.get("manifest.title", r.id()) + " — " + m.get("purpose." + r.purpose()),
              new Font(bold, 14)));
      Font text = new Font(regular, 9);
      doc.add(
          new Paragraph(
              m.get(
                  "manifest.header",
                  parties.name(r.from(), m.language()),
                  parties.name(r.to(), m.language()),
                  String.format(
                      "%02d.%02d.%04d",
                      r.receivedOn().getDayOfMonth(),
                      r.receivedOn().getMonthValue(),
                      r.receivedOn().getYear()),
                  m.get("roster.rows-count", entries.size())),
              new Font(regular, 10)));
      doc.add(
          new Paragraph(m.get("manifest.source", r.fileName(), r.sha256()), new Font(regular, 7)));
      doc.add(new Paragraph(" "));
      List<String> header =
          new ArrayList<>(
              List.of(
                  "№",
                  m.get("list-field.family"),
                  m.get("list-field.given"),
                  m.get("list-field.patronymic"),
                  m.get("list-field.birth-date")));
      otherFields.forEach(f -> header.add(m.get("list-field." + f)));
      PdfPTable table = new PdfPTable(header.size());
      table.setWidthPercentage(100);
      float[] widths = new float[header.size()];
      Arrays.fill(widths, 3f);
      widths[0] = 1f;
      table.setWidths(widths);
      table.setHeaderRows(1);
      for (String h : header) {
        PdfPCell c = new PdfPCell(new Phrase(h, new Font(bold, 9)));
        c.setGrayFill(0.9f);
        table.addCell(c);
      }
      for (Rosters.StoredEntry e : entries) {
        // the list's own row number: a manifest of part of a list still names each row as sent
        table.addCell(new Phrase(String.valueOf(e.row()), text));
        table.addCell(new Phrase(e.family(), text));
        table.addCell(new Phrase(e.given(), text));
        table.addCell(new Phrase(e.patronymic(), text));
        table.addCell(new Phrase(e.born(), text));
        for (String f : otherFields) {
          table.addCell(new Phrase(e.fields().getOrDefault(f, ""), text));
        }
      }
      doc.add(table);
      doc.add(new Paragraph(" "));
      doc.add(new Paragraph(m.get("manifest.signatures"), new Font(regular, 10)));
      doc.add(new Paragraph(" "));
      // the journal's head, signed: the paper signed at the handover point proves what the journal
      // held
      doc.add(new Paragraph(m.get("manifest.checkpoint", checkpoint), new Font(regular, 7)));
    } catch (DocumentException e) {
      throw new IOException("cannot write the PDF manifest: " + e.getMessage(), e);
    } finally {
      doc.close();
    }
  }

  private static BaseFont font(String resource) throws IOException {
    return org.handover.server.i18n.Fonts.load(resource);
  }

  /** "Page 3 of 12" at the foot of every page; the total is filled in when the document closes. */
  private static final class PageNumbers extends PdfPageEventHelper {
    private final BaseFont font;
    private final Messages m;
    private PdfTemplate total;

    PageNumbers(BaseFont font, Messages m) {
      this.font = font;
      this.m = m;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
      total = writer.getDirectContent().createTemplate(40, 12);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      PdfContentByte cb = writer.getDirectContent();
      String text = m.get("manifest.page", writer.getPageNumber()) + " ";
      float x = document.right() - 80;
      ColumnText.showTextAligned(
          cb,
          Element.ALIGN_LEFT,
          new Phrase(text, new Font(font, 8)),
          x,
          document.bottom() - 20,
          0);
      cb.addTemplate(total, x + font.getWidthPoint(text, 8), document.bottom() - 20);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
      total.beginText();
      total.setFontAndSize(font, 8);
      total.showText(
          m.get(
              "manifest.of",
              writer.getPageNumber() - 1)); // the writer is already past the last page
      total.endText();
    }
  }
}
