package org.handover.server.tracing;

import java.util.List;
import org.handover.core.tracing.Kinship;

/** A relative's request, as read from a file: who asks, what may be shared, the children sought. */
public record Request(
    String reference,
    String relative,
    Kinship relation,
    String contact,
    boolean sharing,
    List<Sought> children) {

  /** A child sought, with what the relative knows. */
  public record Sought(
      String family,
      String given,
      String patronymic,
      String born,
      String birthPlace,
      String sex,
      String mother,
      String father,
      String separatedOn,
      String separatedAt,
      String circumstances,
      Card card) {}

  /** The rest of the child's card, as the family gives it. */
  public record Card(
      String otherNames,
      String nationality,
      String nativeLanguage,
      String document,
      String siblings,
      String features,
      String lastAddress,
      String health,
      String bloodGroup,
      String documentDates,
      String leftOn,
      String leftAt) {
    public static Card none() {
      return new Card("", "", "", "", "", "", "", "", "", "", "", "");
    }
  }
}
