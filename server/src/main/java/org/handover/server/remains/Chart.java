package org.handover.server.remains;

import java.util.List;
import java.util.Locale;
import org.handover.core.remains.Figures;
import org.handover.server.i18n.Messages;

/**
 * The identification rate month by month as an SVG line (no external service, prints as drawn): the
 * share of the cases received so far that are identified, at each month's end.
 */
final class Chart {
  static final int WIDTH = 640;
  static final int HEIGHT = 240;
  static final int LEFT = 48;
  static final int RIGHT = 40;
  static final int TOP = 16;
  static final int BOTTOM = 40;

  private Chart() {}

  static String svg(List<Figures.Month> months, Messages m) {
    StringBuilder s = new StringBuilder();
    String title = escape(m.get("remains.chart.title"));
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\""
                + " aria-label=\"%s\" id=\"rate-chart\" class=\"chart\"><title>%s</title>",
            WIDTH,
            HEIGHT,
            title,
            title));
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    for (int pct = 0; pct <= 100; pct += 25) {
      double y = TOP + plotH * (1 - pct / 100.0);
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ccc\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%d%%</text>",
              LEFT,
              y,
              WIDTH - RIGHT,
              y,
              LEFT - 6,
              y + 4,
              pct));
    }
    if (months.isEmpty()) {
      return s.append("</svg>").toString();
    }
    int n = months.size();
    double step = n == 1 ? 0 : (double) plotW / (n - 1);
    StringBuilder points = new StringBuilder();
    int labelEvery = Math.max(1, (int) Math.ceil(n / 8.0));
    for (int i = 0; i < n; i++) {
      Figures.Month month = months.get(i);
      double x = LEFT + (n == 1 ? plotW / 2.0 : i * step);
      double y = TOP + plotH * (1 - month.rate());
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      s.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#1f4e79\"><title>%s</title></circle>",
              x,
              y,
              escape(FigureWords.month(month, m))));
      if (i % labelEvery == 0 || i == n - 1) {
        s.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
                x,
                HEIGHT - BOTTOM + 18,
                month.month()));
      }
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<polyline points=\"%s\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\"/>",
            points.toString().strip()));
    return s.append("</svg>").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
