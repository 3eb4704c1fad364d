package org.handover.server.rosters;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.handover.core.parties.PartyBook;
import org.handover.core.parties.PartyProfile;
import org.handover.core.registry.Kind;
import org.handover.core.registry.Status;
import org.handover.server.i18n.Messages;

/**
 * Reads the cells of a list as people fill them in: a kind, a status or a party in the words of any
 * of the three languages or as the keys ("service member", "service-member", "военнопленный", "UA",
 * "Україна"), and yes or no as "так/ні", "да/нет", "yes/no", "1/0", "+/-".
 */
final class CellWords {
  private static final Set<String> YES =
      Set.of("так", "да", "yes", "y", "1", "+", "true", "т", "д");
  private static final Set<String> NO = Set.of("ні", "нет", "no", "n", "0", "-", "false", "н", "");
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  private final Map<String, String> kinds = new LinkedHashMap<>();
  private final Map<String, String> statuses = new LinkedHashMap<>();
  private final Map<String, String> parties = new LinkedHashMap<>();

  CellWords(PartyBook book) {
    for (String lang : Messages.LANGUAGES) {
      Messages m = Messages.of(lang);
      for (Kind k : Kind.values()) {
        kinds.put(fold(k.key()), k.key());
        kinds.put(fold(m.get("kind." + k.key())), k.key());
      }
      for (Status s : Status.values()) {
        statuses.put(fold(s.key()), s.key());
        statuses.put(fold(m.get("status." + s.key())), s.key());
      }
    }
    kinds.put(fold("військовий"), Kind.SERVICE_MEMBER.key());
    kinds.put(fold("военный"), Kind.SERVICE_MEMBER.key());
    kinds.put(fold("цивільний"), Kind.CIVILIAN.key());
    kinds.put(fold("гражданский"), Kind.CIVILIAN.key());
    for (String w : new String[] {"полонений", "військовополонений", "военнопленный", "пленный"}) {
      statuses.put(fold(w), Status.CAPTIVE.key());
    }
    for (PartyProfile p : book.all()) {
      for (String name : new String[] {p.code(), p.nameUk(), p.nameEn(), p.nameRu()}) {
        parties.put(fold(name), p.code());
      }
    }
  }

  static String fold(String text) {
    return text.toLowerCase(Locale.ROOT)
        .replace('ё', 'е')
        .replace('-', ' ')
        .replace('_', ' ')
        .transform(t -> SPACES.matcher(t).replaceAll(" "))
        .strip();
  }

  Optional<String> kind(String cell) {
    return Optional.ofNullable(kinds.get(fold(cell)));
  }

  Optional<String> status(String cell) {
    return Optional.ofNullable(statuses.get(fold(cell)));
  }

  Optional<String> party(String cell) {
    return Optional.ofNullable(parties.get(fold(cell)));
  }

  /** Yes, no, or empty when the cell is neither. */
  static Optional<Boolean> yesNo(String cell) {
    String f = fold(cell);
    if (YES.contains(f)) {
      return Optional.of(true);
    }
    if (NO.contains(f)) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  /** The kinds in the reader's words. */
  static String knownKinds(Messages m) {
    return String.join(
        ", ", java.util.Arrays.stream(Kind.values()).map(k -> m.get("kind." + k.key())).toList());
  }

  /** The statuses in the reader's words. */
  static String knownStatuses(Messages m) {
    return String.join(
        ", ",
        java.util.Arrays.stream(Status.values()).map(st -> m.get("status." + st.key())).toList());
  }

  String knownParties() {
    return String.join(", ", new java.util.TreeSet<>(parties.values()));
  }
}
