package org.handover.names;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A prepared name written as bytes and read back without preparing it again: a registry's names are
 * prepared once and stored, and a match run reads them (preparing a million names is most of a
 * run's reading). What is read compares, and keys, exactly as what was written.
 *
 * <pre>{@code
 * NameCodec.write(Names.prepare("Ковальчук Юрій"), out);
 * PreparedName same = NameCodec.read(in);
 * }</pre>
 */
public final class NameCodec {
  /**
   * Changes whenever what preparing a name gives changes (skeletons, phonetic codes, parsing): a
   * name stored under another version is prepared again.
   */
  public static final String VERSION = "names-4";

  private NameCodec() {}

  public static void write(PreparedName name, DataOutput out) throws IOException {
    ParsedName p = name.parsed;
    out.writeUTF(p.family());
    out.writeUTF(p.given());
    out.writeUTF(p.patronymic());
    out.writeByte(p.order().ordinal());
    out.writeDouble(p.confidence());
    out.writeUTF(p.title());
    out.writeUTF(p.otherFamily());
    write(name.family, out);
    write(name.given, out);
    write(name.patronymic, out);
    out.writeBoolean(name.otherFamily != null);
    if (name.otherFamily != null) {
      write(name.otherFamily, out);
    }
  }

  public static PreparedName read(DataInput in) throws IOException {
    ParsedName p =
        new ParsedName(
            in.readUTF(),
            in.readUTF(),
            in.readUTF(),
            ParsedName.Order.values()[in.readByte()],
            in.readDouble(),
            in.readUTF(),
            in.readUTF());
    PreparedPart family = readPart(in);
    PreparedPart given = readPart(in);
    PreparedPart patronymic = readPart(in);
    PreparedPart other = in.readBoolean() ? readPart(in) : null;
    return new PreparedName(p, family, given, patronymic, other);
  }

  private static void write(PreparedPart part, DataOutput out) throws IOException {
    out.writeUTF(part.raw);
    out.writeUTF(part.folded);
    out.writeByte((part.cyrillic ? 1 : 0) | (part.initial ? 2 : 0));
    out.writeByte(part.skeletons.size());
    for (String s : part.skeletons) {
      out.writeUTF(s);
    }
    out.writeUTF(part.phonetic);
  }

  private static PreparedPart readPart(DataInput in) throws IOException {
    String raw = in.readUTF();
    String folded = in.readUTF();
    int flags = in.readByte();
    int n = in.readByte();
    List<String> skeletons = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      skeletons.add(in.readUTF());
    }
    return new PreparedPart(
        raw, folded, (flags & 1) != 0, (flags & 2) != 0, List.copyOf(skeletons), in.readUTF());
  }
}
