package org.handover.server.journal;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.handover.core.journal.JournalEntry;
import org.handover.server.storage.Json;
import org.handover.server.storage.StorageException;

/** A journal entry as a reader sees it: which fields changed, from what to what. */
public record Changes(JournalEntry entry, List<Change> changes) {

  /** One field's value before and after ("" where there was none). */
  public record Change(String field, String before, String after) {}

  public static Changes of(JournalEntry e) {
    Map<String, Object> before = parse(e.before());
    Map<String, Object> after = parse(e.after());
    Set<String> keys = new LinkedHashSet<>(before.keySet());
    keys.addAll(after.keySet());
    List<Change> list = new ArrayList<>();
    for (String k : keys) {
      String b = Objects.toString(before.get(k), "");
      String a = Objects.toString(after.get(k), "");
      if (!a.equals(b)) {
        list.add(new Change(k, b, a));
      }
    }
    return new Changes(e, list);
  }

  private static Map<String, Object> parse(String json) {
    if (json.isEmpty()) {
      return Map.of();
    }
    try {
      return Json.read(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (StorageException ex) {
      // shown as one raw value rather than hidden: the journal is evidence
      return Map.of("state", json);
    }
  }
}
