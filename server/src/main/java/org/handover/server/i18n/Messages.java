package org.handover.server.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.handover.core.registry.Problem;

/**
 * The user-visible strings of one language, from {@code i18n/messages_xx.properties} (UTF-8),
 * formatted by ICU so that plurals follow the language's rules.
 *
 * <pre>{@code
 * Messages.of("uk").get("registry.count", 5)  // "5 осіб"
 * Messages.of("en").get("registry.count", 1)  // "1 person"
 * }</pre>
 */
public final class Messages {
  public static final List<String> LANGUAGES = List.of("uk", "en", "ru");
  private static final Map<String, Messages> CACHE = new ConcurrentHashMap<>();

  private final String language;
  private final Properties strings;
  private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

  private Messages(String language, Properties strings) {
    this.language = language;
    this.strings = strings;
  }

  /** The messages of a language; anything but uk, en, ru falls back to English. */
  public static Messages of(String language) {
    String lang = LANGUAGES.contains(language) ? language : "en";
    return CACHE.computeIfAbsent(lang, l -> new Messages(l, load(l)));
  }

  public static Properties load(String language) {
    String path = "/i18n/messages_" + language + ".properties";
    try (InputStream in = Messages.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("message bundle " + path + " is missing from the build");
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /**
   * A problem with what the user entered, naming the field: "Date of birth: 31.02.1999 is not a
   * possible date". Name rows ({@code name.2.family}) are named by their part.
   */
  public String problem(Problem p) {
    String field =
        p.field().startsWith("name.")
            ? p.field().substring(p.field().lastIndexOf('.') + 1)
            : p.field();
    return get("field." + field) + ": " + get(p.key(), p.args().toArray());
  }

  public String language() {
    return language;
  }

  /** A refusal in this language; any other error as its own message. */
  public String refusal(RuntimeException e) {
    return e instanceof org.handover.core.Refused r
        ? get(r.key(), r.args().toArray())
        : e.getMessage();
  }

  public boolean has(String key) {
    return strings.containsKey(key);
  }

  /** A size as a person reads it: kB under a megabyte (never "0 MB"), MB above. */
  public String size(long bytes) {
    return bytes < 1024 * 1024
        ? get("size.kb", Math.max(1, (bytes + 1023) / 1024))
        : get("size.mb", bytes / (1024.0 * 1024));
  }

  /**
   * The message for {@code key} with its arguments; an unknown key shows as itself, in brackets.
   */
  public String get(String key, Object... args) {
    String pattern = strings.getProperty(key);
    if (pattern == null) {
      return "[" + key + "]";
    }
    if (args.length == 0 && pattern.indexOf('{') < 0) {
      return pattern;
    }
    MessageFormat f =
        formats.computeIfAbsent(key, k -> new MessageFormat(pattern, new ULocale(language)));
    synchronized (f) {
      try {
        return f.format(args);
      } catch (IllegalArgumentException e) {
        // a count kept as text (a list row's problem stores its arguments so) where the message
        // counts with it: read as the number it is
        return f.format(numbers(args));
      }
    }
  }

  private static Object[] numbers(Object[] args) {
    Object[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof String s && s.matches("-?\\d{1,18}")) {
        out[i] = Long.parseLong(s);
      }
    }
    return out;
  }
}
