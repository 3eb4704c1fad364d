package org.handover.server.matching;

import com.fasterxml.jackson.core.type.TypeReference;
import org.handover.core.matching.Model;
import org.handover.server.storage.Json;

/** The JSON that match runs and duplicate searches store: models, counts, explanations. */
final class StoredJson {

  private StoredJson() {}

  static String write(Object o) {
    return Json.write(o);
  }

  static Model.Scored explanation(String s) {
    return Json.read(s, new TypeReference<Model.Scored>() {});
  }
}
