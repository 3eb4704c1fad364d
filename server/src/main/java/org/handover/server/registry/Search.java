package org.handover.server.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.handover.core.registry.PartialDate;
import org.handover.names.Names;
import org.handover.names.ParsedName;

/**
 * What a user typed into the registry's search box, read into name words, a date or year of birth,
 * and service numbers or references.
 *
 * <pre>{@code
 * Search.parse("Kovalchuk 1998")      // words [kovalchuk], year 1998
 * Search.parse("Ковальчук 12.03.1998") // words [ковальчук], born 1998-03-12
 * Search.parse("AB-123456")            // number ab123456
 * }</pre>
 */
public record Search(List<String> words, Optional<PartialDate> born, List<String> numbers) {
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern DATE =
      Pattern.compile(
          "\\d{1,2}[./]\\d{1,2}[./]\\d{4}|\\d{1,2}[./]\\d{4}|\\d{4}-\\d{1,2}(-\\d{1,2})?");

  public Search {
    words = List.copyOf(words);
    numbers = List.copyOf(numbers);
  }

  public static Search parse(String text) {
    List<String> words = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    StringBuilder name = new StringBuilder();
    Optional<PartialDate> born = Optional.empty();
    for (String raw : text.strip().split("\\s+")) {
      if (raw.isEmpty()) {
        continue;
      }
      if (born.isEmpty() && (YEAR.matcher(raw).matches() || DATE.matcher(raw).matches())) {
        try {
          born = Optional.of(PartialDate.parse(raw));
          continue;
        } catch (IllegalArgumentException e) {
          // not a possible date: search it as a number
        }
      }
      boolean hasDigit = raw.chars().anyMatch(Character::isDigit);
      if (hasDigit) {
        numbers.add(SearchKeys.serviceNumber(raw));
      } else {
        name.append(raw).append(' ');
      }
    }
    // the name as the parser reads it: no title or rank, glued parts apart; a former family name
    // in parentheses is left out, since every word searched must be found
    ParsedName p = Names.parse(name.toString());
    // words as typed, marks kept (Ŝerbak is Щербак, not Sербак); SearchKeys folds them
    words.addAll(SearchKeys.words(String.join(" ", p.family(), p.given(), p.patronymic())));
    return new Search(words, born, numbers);
  }

  public boolean isEmpty() {
    return words.isEmpty() && born.isEmpty() && numbers.isEmpty();
  }
}
