package org.handover.server.i18n;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;

/** The fonts PDFs embed: DejaVu Sans, which writes Cyrillic and Latin alike. */
public final class Fonts {
  public static final String REGULAR = "/fonts/DejaVuSans.ttf";
  public static final String BOLD = "/fonts/DejaVuSans-Bold.ttf";

  private Fonts() {}

  public static BaseFont load(String resource) throws IOException {
    try (InputStream in = Fonts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is missing from the build");
      }
      return BaseFont.createFont(
          resource.substring(resource.lastIndexOf('/') + 1),
          BaseFont.IDENTITY_H,
          BaseFont.EMBEDDED,
          true,
          in.readAllBytes(),
          null);
    } catch (DocumentException e) {
      throw new IOException("cannot load " + resource, e);
    }
  }
}
