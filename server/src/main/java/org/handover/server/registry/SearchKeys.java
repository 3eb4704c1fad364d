package org.handover.server.registry;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.util.LinkedHashSet;
import java.util.Set;
import org.handover.core.registry.Name;
import org.handover.core.registry.Person;
import org.handover.core.registry.Script;
import org.handover.names.Folding;
import org.handover.names.Romanization;

/** What the registry stores beside a person so that search and sorting need no work at query time. */
final class SearchKeys {
  private SearchKeys() {}

  // Collators are not thread-safe; a frozen one is.
  private static final Collator UK = Collator.getInstance(new ULocale("uk")).freeze();
  private static final Collator RU = Collator.getInstance(new ULocale("ru")).freeze();
  private static final Collator EN = Collator.getInstance(ULocale.ENGLISH).freeze();

  /** Every folded word of every spelling, and of the romanized form of each Cyrillic spelling. */
  static Set<String> tokens(Person p) {
    Set<String> tokens = new LinkedHashSet<>();
    for (Name n : p.names()) {
      String full = n.full();
      tokens.addAll(Folding.tokens(full));
      if (n.script() != Script.LATIN) {
        tokens.addAll(Folding.tokens(Romanization.KMU2010.romanize(full)));
      }
    }
    tokens.removeIf(t -> t.length() > 100);
    return tokens;
  }

  /** Service numbers compared without case, spaces or dashes: "АА 123-456" = "аа123456". */
  static String serviceNumber(String raw) {
    return Folding.fold(raw).replace(" ", "");
  }

  static byte[] sortKey(String locale, String displayName) {
    Collator c = switch (locale) {
      case "uk" -> UK;
      case "ru" -> RU;
      default -> EN;
    };
    return c.getCollationKey(displayName).toByteArray();
  }
}
