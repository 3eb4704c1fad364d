package org.handover.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Ukrainian and Russian forms of one name (Олександр ~ Александр, Микола ~ Николай, Олексійович ~
 * Алексеевич), from the bundled dictionary, matched through {@link Skeleton}s so that any spelling
 * of either form, in either script, finds the other. Pairs are not chained: Олена ~ Елена and Елена
 * ~ Алёна do not make Олена ~ Алёна.
 *
 * <pre>{@code
 * Equivalents.get().equivalent("Oleksandr", "Александр")   // true
 * Equivalents.get().equivalent("Ковальов", "Kovalev")       // true
 * }</pre>
 */
public final class Equivalents {
  private static volatile Equivalents instance;
  private final Map<String, Set<String>> partners;
  private final Set<String> givenStems;

  private Equivalents(Map<String, Set<String>> partners, Set<String> givenStems) {
    this.partners = partners;
    this.givenStems = givenStems;
  }

  /** The dictionary bundled with this library, loaded once. */
  public static Equivalents get() {
    Equivalents e = instance;
    if (e == null) {
      synchronized (Equivalents.class) {
        if (instance == null) {
          instance = load();
        }
        e = instance;
      }
    }
    return e;
  }

  private static Equivalents load() {
    Map<String, Set<String>> partners = new HashMap<>();
    Set<String> givenStems = new HashSet<>();
    try (InputStream in = Equivalents.class.getResourceAsStream("uk-ru.tsv")) {
      if (in == null) {
        throw new IllegalStateException("uk-ru.tsv is missing from the names library");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        int tab = line.indexOf('\t');
        String uk = Skeleton.of(line.substring(0, tab));
        String ru = Skeleton.of(line.substring(tab + 1));
        for (String word : new String[] {uk, ru}) {
          String stem = patronymicStem(word);
          if (stem != null) {
            givenStems.add(stem);
          }
        }
        if (!uk.equals(ru)) {
          partners.computeIfAbsent(uk, k -> new HashSet<>()).add(ru);
          partners.computeIfAbsent(ru, k -> new HashSet<>()).add(uk);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read uk-ru.tsv", e);
    }
    return new Equivalents(partners, givenStems);
  }

  private static final String[] PATRONYMIC_ENDINGS = {
    "ovich", "evich", "ovna", "evna", "ivna", "ichna", "ich"
  };

  /**
   * The given name a patronymic's skeleton comes from, vowels off its end (mixailovich -> mixail),
   * or null.
   */
  private static String patronymicStem(String skeleton) {
    for (String ending : PATRONYMIC_ENDINGS) {
      if (skeleton.endsWith(ending)) {
        String stem =
            withoutFinalVowels(skeleton.substring(0, skeleton.length() - ending.length()));
        return stem.length() >= 3 ? stem : null;
      }
    }
    return null;
  }

  private static String withoutFinalVowels(String s) {
    int end = s.length();
    while (end > 0 && "aeiou".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(0, end);
  }

  /**
   * Whether a word is a given name: some patronymic in the dictionary is formed from it (Михайло,
   * by Михайлович; Микола, by Миколайович). A surname almost never has one, which is how a parser
   * tells "Михайло Вітряк Вікторович" from "Вітряк Михайло Вікторович".
   */
  public boolean isGivenName(String word) {
    for (String x : Skeleton.all(word)) {
      String stem = withoutFinalVowels(x);
      if (stem.length() >= 3 && givenStems.contains(stem)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether two words are the Ukrainian and Russian forms of one name, as the dictionary has them.
   */
  public boolean equivalent(String a, String b) {
    for (String x : Skeleton.all(a)) {
      Set<String> p = partners.get(x);
      if (p != null) {
        for (String y : Skeleton.all(b)) {
          if (p.contains(y)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Skeletons of the other language's forms of a word (empty when the dictionary has none). */
  public Set<String> partners(String skeleton) {
    return partners.getOrDefault(skeleton, Set.of());
  }

  /** How many skeletons the dictionary links. */
  public int size() {
    return partners.size();
  }

  /**
   * Whether one surname is the feminine form of the other: Ковальов ~ Ковальова, Ковальський ~
   * Ковальська, Ильин ~ Ильина, compared as skeletons.
   */
  public static boolean feminine(String skeletonA, String skeletonB) {
    String shorter = skeletonA.length() <= skeletonB.length() ? skeletonA : skeletonB;
    String longer = shorter == skeletonA ? skeletonB : skeletonA;
    int n = shorter.length();
    if (longer.length() == n + 1 && longer.charAt(n) == 'a' && longer.startsWith(shorter)) {
      return shorter.endsWith("ov")
          || shorter.endsWith("ev")
          || shorter.endsWith("in")
          || shorter.endsWith("iv");
    }
    // -ський / -ська: ski ~ ska
    return n > 3
        && shorter.endsWith("ki")
        && longer.length() == n
        && longer.charAt(n - 1) == 'a'
        && longer.regionMatches(0, shorter, 0, n - 1);
  }
}
