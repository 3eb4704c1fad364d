package org.handover.names;

import java.util.Arrays;
import java.util.Locale;

/**
 * Cyrillic to Latin by the standards that names are actually written in, letter for letter as each
 * standard says. Letters a system has no rule for, and anything not Cyrillic, pass through.
 *
 * <pre>{@code
 * Romanization.KMU2010.romanize("Юрій Ковальчук")   // "Yurii Kovalchuk"   (Ukraine, 2010; BGN/PCGN since 2019)
 * Romanization.ICAO9303.romanize("Юлия")             // "Iuliia"            (Russian passports since 2013)
 * Romanization.MVD310.romanize("Андрей")             // "Andrey"            (Russian passports, 1997-2010)
 * Romanization.GOST779B.romanize("Щеглова")          // "Shheglova"         (GOST 7.79-2000, system B)
 * Romanization.BGN_RU.romanize("Юрьев")              // "Yur’yev"           (BGN/PCGN 1947, Russian)
 * Romanization.BGN_UK_1965.romanize("Юрій")          // "Yuriy"             (BGN/PCGN 1965, Ukrainian)
 * }</pre>
 */
public enum Romanization {
  /** Ukraine's national system, Cabinet of Ministers resolution No. 55 of 27 January 2010. */
  KMU2010("kmu2010", "KMU 2010", Script.UKRAINIAN, Schemes.KMU2010),
  /** ICAO Doc 9303 (7th ed.), machine-readable passports; Russian passports since 2013. */
  ICAO9303("icao9303", "ICAO 9303", Script.RUSSIAN, Schemes.ICAO9303),
  /** Order No. 310 of the Russian Ministry of Internal Affairs (1997): passports until 2010. */
  MVD310("mvd310", "MVD 310", Script.RUSSIAN, Schemes.MVD310),
  /** GOST 7.79-2000, system B (ASCII only). */
  GOST779B("gost779b", "GOST 7.79-2000 B", Script.RUSSIAN, Schemes.GOST779B),
  /** BGN/PCGN 1947 for Russian. */
  BGN_RU("bgn-ru", "BGN/PCGN 1947", Script.RUSSIAN, Schemes.BGN_RU),
  /** BGN/PCGN 1965 for Ukrainian (what ICU calls Ukrainian-Latin/BGN). */
  BGN_UK_1965("bgn-uk-1965", "BGN/PCGN 1965", Script.UKRAINIAN, Schemes.BGN_UK_1965);

  /** The language a system was made for. */
  public enum Script {
    UKRAINIAN,
    RUSSIAN
  }

  private final String key;
  private final String title;
  private final Script script;
  private final Scheme scheme;

  Romanization(String key, String title, Script script, Scheme scheme) {
    this.key = key;
    this.title = title;
    this.script = script;
    this.scheme = scheme;
  }

  /** The name used on the command line and in stored names: "kmu2010", "icao9303", ... */
  public String key() {
    return key;
  }

  /** How people call it: "ICAO 9303". */
  public String title() {
    return title;
  }

  public Script script() {
    return script;
  }

  public String romanize(String text) {
    return scheme.apply(text);
  }

  /** Whether every output character is ASCII (all but BGN/PCGN, which use ’ ” · and ë). */
  public boolean asciiOnly() {
    return this != BGN_RU && this != BGN_UK_1965;
  }

  public static Romanization fromKey(String key) {
    for (Romanization r : values()) {
      if (r.key.equalsIgnoreCase(key)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "system: unknown value '"
            + key
            + "' (use "
            + String.join(", ", Arrays.stream(values()).map(Romanization::key).toList())
            + ")");
  }

  @Override
  public String toString() {
    return key.toLowerCase(Locale.ROOT);
  }
}
