package org.handover.names;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One part of a name with everything comparison needs worked out once. */
final class PreparedPart {
  final String raw;
  final String folded;
  final boolean cyrillic;
  final boolean initial;
  final List<String> skeletons;
  final String phonetic;

  /**
   * Folded romanizations of a Cyrillic part, by system, made when first asked for; empty for Latin.
   */
  private volatile Map<Romanization, String> romanized;

  PreparedPart(String raw) {
    this(raw, 0);
  }

  /** A part of a name written in the given {@link Convention}s (bits). */
  PreparedPart(String raw, int conventions) {
    this.raw = raw;
    this.folded = Folding.fold(raw).replace(" ", "");
    this.cyrillic = raw.chars().anyMatch(c -> Scheme.isCyrillic((char) c));
    this.initial = ParsedName.isInitial(raw);
    this.skeletons = Skeleton.all(raw, folded, conventions);
    this.phonetic = phonetic(skeletons.get(0));
  }

  /** The first skeleton with its digraphs as single letters ({@link Skeleton#letters}). */
  private String letters;

  /**
   * The first skeleton, one letter for each Cyrillic one, for counting letters apart; made when
   * first asked for (most pairs of words never need it).
   */
  String letters() {
    String l = letters;
    if (l == null) {
      l = Skeleton.letters(skeletons.get(0));
      letters = l; // the same text whichever thread makes it
    }
    return l;
  }

  /** Each skeleton's uk/ru partners ({@link Equivalents#partners}), looked up when first asked. */
  private volatile Set<String>[] partners;

  @SuppressWarnings("unchecked")
  Set<String> partners(int skeleton) {
    Set<String>[] p = partners;
    if (p == null) {
      p = new Set[skeletons.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = Equivalents.get().partners(skeletons.get(i));
      }
      partners = p;
    }
    return p[skeleton];
  }

  /** {@link Distance#presence} of {@link #letters()}, 0 until first asked for. */
  private volatile long letterBits;

  long letterBits() {
    long b = letterBits;
    if (b == 0) {
      b = Distance.presence(letters());
      letterBits = b; // the same bits whichever thread makes them
    }
    return b;
  }

  Map<Romanization, String> romanized() {
    Map<Romanization, String> m = romanized;
    if (m == null) {
      m = new EnumMap<>(Romanization.class);
      if (cyrillic && !initial) {
        for (Romanization r : Romanization.values()) {
          m.put(r, Folding.fold(r.romanize(raw)).replace(" ", ""));
        }
      }
      romanized = m;
    }
    return m;
  }

  /**
   * Parts by their raw text, shared: a part is wholly made from that text (and its name's
   * conventions, see {@link #key}), and a registry's names and places repeat (a few hundred family
   * names cover a quarter of people), so each is prepared or read once and its romanizations worked
   * out once. Bounded: past it, parts are made anew.
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, PreparedPart> SHARED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int MAX_SHARED = 300_000;

  /** The key a part is shared by: its text, marked with its name's conventions if any. */
  static String key(String raw, int conventions) {
    return conventions == 0 ? raw : (char) conventions + "\u0000" + raw;
  }

  /** The shared part of this raw text, made by {@code make} when there is none yet. */
  static PreparedPart shared(String raw, java.util.function.Supplier<PreparedPart> make) {
    PreparedPart p = SHARED.get(raw);
    if (p == null) {
      p = make.get();
      if (SHARED.size() < MAX_SHARED) {
        SHARED.putIfAbsent(raw, p);
      }
    }
    return p;
  }

  /** Shares a part made elsewhere, unless one is shared already: returns the one shared. */
  static PreparedPart share(String raw, PreparedPart p) {
    if (SHARED.size() >= MAX_SHARED) {
      return p;
    }
    PreparedPart before = SHARED.putIfAbsent(raw, p);
    return before != null ? before : p;
  }

  /** The shared part if there is one already. */
  static PreparedPart sharedOrNull(String raw) {
    return SHARED.get(raw);
  }

  /** As read back by {@link NameCodec}. */
  PreparedPart(
      String raw,
      String folded,
      boolean cyrillic,
      boolean initial,
      List<String> skeletons,
      String phonetic) {
    this.raw = raw;
    this.folded = folded;
    this.cyrillic = cyrillic;
    this.initial = initial;
    this.skeletons = skeletons;
    this.phonetic = phonetic;
  }

  boolean empty() {
    return raw.isEmpty();
  }

  /**
   * A coarse code for "sounds alike": vowels in three classes (a o, e i, u), voiced and voiceless
   * consonants merged, hushing sounds merged, and the softening i between a consonant and a vowel
   * dropped (чю and чу, ля and ла).
   */
  static String phonetic(String skeleton) {
    String s =
        skeleton
            .replace("shch", "S")
            .replace("zh", "S")
            .replace("sh", "S")
            .replace("ch", "S")
            .replace("ts", "s");
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char k = classOf(s.charAt(i));
      boolean softening =
          k == 'i'
              && i > 0
              && i + 1 < s.length()
              && !isVowel(classOf(s.charAt(i - 1)))
              && isVowel(classOf(s.charAt(i + 1)))
              && classOf(s.charAt(i + 1)) != 'i';
      if (softening || (b.length() > 0 && b.charAt(b.length() - 1) == k)) {
        continue;
      }
      b.append(k);
    }
    return b.toString();
  }

  private static boolean isVowel(char k) {
    return k == 'a' || k == 'i' || k == 'u';
  }

  private static char classOf(char c) {
    return switch (c) {
      case 'a', 'o' -> 'a';
      case 'e', 'i' -> 'i';
      case 'b', 'p' -> 'p';
      case 'd', 't' -> 't';
      case 'g', 'k', 'x' -> 'k';
      case 'z', 's' -> 's';
      case 'v', 'f' -> 'f';
      default -> c;
    };
  }
}
