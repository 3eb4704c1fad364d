package org.handover.server.remains;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.handover.core.remains.Figures;
import org.handover.core.remains.Method;
import org.handover.server.i18n.Messages;

/** The register's figures in the reader's words. */
public final class FigureWords {
  private FigureWords() {}

  public static List<String> lines(Figures.Result r, Messages m) {
    List<String> lines = new ArrayList<>();
    lines.add(m.get("remains.figures.received", r.received(), r.claimed()));
    lines.add(
        m.get(
            "remains.figures.identified",
            r.identified(),
            r.ratePerCase(),
            r.identifiedPersons(),
            r.ratePerPerson(),
            r.presumed()));
    if (!r.byMethod().isEmpty()) {
      lines.add(m.get("remains.figures.by-method", byMethod(r.byMethod(), m)));
    }
    lines.add(
        r.medianDays()
            .map(d -> m.get("remains.figures.median", d))
            .orElse(m.get("remains.figures.median-none")));
    return lines;
  }

  static String byMethod(Map<Method, Long> byMethod, Messages m) {
    return byMethod.entrySet().stream()
        .map(e -> m.get("remains.method." + e.getKey().key()) + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  public static String month(Figures.Month month, Messages m) {
    return m.get(
        "remains.figures.month",
        month.month().toString(),
        month.received(),
        month.identified(),
        month.rate());
  }
}
