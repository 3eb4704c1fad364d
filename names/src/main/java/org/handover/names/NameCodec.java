package org.handover.names;

import java.util.ArrayList;
import java.util.List;

/**
 * A prepared name written as bytes and read back without preparing it again: a registry's names are
 * prepared once and stored, and a match run reads them (preparing a million names is most of a
 * run's reading). What is read compares, and keys, exactly as what was written.
 *
 * <pre>{@code
 * NameCodec.write(Names.prepare("Ковальчук Юрій"), writer);
 * PreparedName same = NameCodec.read(new Bytes.Reader(writer.toArray()));
 * }</pre>
 */
public final class NameCodec {
  /**
   * Changes whenever what preparing a name gives changes (skeletons, phonetic codes, parsing): a
   * name stored under another version is prepared again.
   */
  public static final String VERSION = "names-7";

  private NameCodec() {}

  public static void write(PreparedName name, Bytes.Writer out) {
    // the parsed name's parts are the prepared parts' own text: written once, with the parts
    ParsedName p = name.parsed;
    out.put(p.order().ordinal());
    out.putLong(Double.doubleToLongBits(p.confidence()));
    out.putString(p.title());
    out.put(Convention.of(p));
    write(name.family, out);
    write(name.given, out);
    write(name.patronymic, out);
    out.put(name.otherFamily != null ? 1 : 0);
    if (name.otherFamily != null) {
      write(name.otherFamily, out);
    }
  }

  public static PreparedName read(Bytes.Reader in) {
    ParsedName.Order order = ParsedName.Order.values()[in.get()];
    double confidence = Double.longBitsToDouble(in.getLong());
    String title = in.getString();
    int conventions = in.get();
    PreparedPart family = readPart(in, conventions);
    PreparedPart given = readPart(in, conventions);
    PreparedPart patronymic = readPart(in, conventions);
    PreparedPart other = in.get() != 0 ? readPart(in, conventions) : null;
    ParsedName p =
        new ParsedName(
            family.raw,
            given.raw,
            patronymic.raw,
            order,
            confidence,
            title,
            other == null ? "" : other.raw);
    return new PreparedName(p, family, given, patronymic, other);
  }

  private static void write(PreparedPart part, Bytes.Writer out) {
    out.putString(part.raw);
    out.putString(part.folded);
    out.put((part.cyrillic ? 1 : 0) | (part.initial ? 2 : 0));
    out.put(part.skeletons.size());
    for (String s : part.skeletons) {
      out.putString(s);
    }
    out.putString(part.phonetic);
  }

  /**
   * A part read back: the one already shared for its raw text and its name's conventions, or read
   * and shared.
   */
  private static PreparedPart readPart(Bytes.Reader in, int conventions) {
    String raw = in.getString();
    String key = PreparedPart.key(raw, conventions);
    PreparedPart shared = PreparedPart.sharedOrNull(key);
    if (shared != null) {
      in.skipPart();
      return shared;
    }
    return PreparedPart.share(key, readRest(raw, in));
  }

  private static PreparedPart readRest(String raw, Bytes.Reader in) {
    String folded = in.getString();
    int flags = in.get();
    int n = in.get();
    List<String> skeletons = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      skeletons.add(in.getString());
    }
    return new PreparedPart(
        raw, folded, (flags & 1) != 0, (flags & 2) != 0, List.copyOf(skeletons), in.getString());
  }
}
