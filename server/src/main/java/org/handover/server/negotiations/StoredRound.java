package org.handover.server.negotiations;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.handover.core.negotiations.RoundRecord;

/**
 * A round as stored: its record, the document it was imported from, and the agreements its record
 * created, by key.
 */
public record StoredRound(
    long id, RoundRecord record, JsonNode document, Map<String, Long> agreements) {
  public StoredRound {
    agreements = Map.copyOf(agreements);
  }

  public Optional<Long> agreement(String key) {
    return Optional.ofNullable(agreements.get(key));
  }

  public String key() {
    return record.round().key();
  }
}
