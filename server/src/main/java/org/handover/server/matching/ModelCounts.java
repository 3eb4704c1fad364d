package org.handover.server.matching;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.handover.core.matching.Model;
import org.handover.core.matching.NamesTogether;
import org.handover.core.matching.PersonFields;
import org.handover.core.matching.PersonRecord;

/**
 * What a stored model counted over the registry (each name's frequency, the names counted
 * together), as bytes beside its m and u: as JSON they were a megabyte that took every match 0.15 s
 * to read.
 */
final class ModelCounts {
  private ModelCounts() {}

  /** A model's counts as read back. */
  record Read(List<Map<String, Double>> terms, NamesTogether together) {}

  static byte[] write(Model<PersonRecord> model) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      List<Map<String, Double>> terms = model.termFrequencies();
      out.writeInt(terms.size());
      for (Map<String, Double> field : terms) {
        out.writeInt(field.size());
        for (Map.Entry<String, Double> t : field.entrySet()) {
          out.writeUTF(t.getKey());
          out.writeDouble(t.getValue());
        }
      }
      NamesTogether together = model.namesTogether();
      out.writeInt(together.registrySize());
      out.writeBoolean(together.oneList());
      byte[] counts = together.storedBytes();
      out.writeInt(counts.length);
      out.write(counts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Read read(byte[] stored) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
      int fields = in.readInt();
      List<Map<String, Double>> terms = new ArrayList<>(fields);
      for (int f = 0; f < fields; f++) {
        int n = in.readInt();
        Map<String, Double> field = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
          field.put(in.readUTF(), in.readDouble());
        }
        terms.add(field);
      }
      int registry = in.readInt();
      boolean oneList = in.readBoolean();
      byte[] counts = in.readNBytes(in.readInt());
      return new Read(terms, NamesTogether.restore(PersonFields.all(), counts, registry, oneList));
    } catch (IOException e) {
      throw new IllegalStateException("a stored model's counts are cut short", e);
    }
  }
}
