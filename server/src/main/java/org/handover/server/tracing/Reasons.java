package org.handover.server.tracing;

import java.util.List;
import java.util.stream.Collectors;
import org.handover.core.matching.Model;
import org.handover.server.i18n.Messages;

/**
 * Why a located child may be the one sought, in words: each field's agreement and how much it
 * weighs ("mother's name: same — strong evidence for"), the fields with no data left out.
 */
public final class Reasons {
  private final Messages m;

  public Reasons(Messages m) {
    this.m = m;
  }

  public String of(List<Model.Contribution> why) {
    return why.stream()
        .filter(c -> Math.abs(c.bits()) >= 0.5)
        .map(this::of)
        .collect(Collectors.joining("; "));
  }

  public String of(Model.Contribution c) {
    String strength =
        c.bits() >= 3
            ? "strong-for"
            : c.bits() > 0 ? "some-for" : c.bits() <= -3 ? "strong-against" : "some-against";
    return m.get(
        "tracing.reason",
        m.get("tracing.field." + key(c.field())),
        m.get("tracing.level." + key(c.level())),
        m.get("tracing.evidence." + strength));
  }

  static String key(String words) {
    return words.toLowerCase(java.util.Locale.ROOT).replace("'", "").replace(' ', '-');
  }
}
