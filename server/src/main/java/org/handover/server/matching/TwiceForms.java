package org.handover.server.matching;

import io.javalin.http.Context;
import java.util.Map;
import java.util.TreeMap;
import org.handover.server.registry.Registry;
import org.handover.server.web.WebServer;

/**
 * A person confirmed for a row while linked to another row of the list: the page says which row and
 * asks again (409), confirming only with the reviewer's word that the list names them twice. The
 * review queue and the verified list both ask so.
 */
final class TwiceForms {
  private TwiceForms() {}

  /** The other row the reviewer saw the person linked to, as the form posts it (0: none). */
  static int seen(Context ctx) {
    String twice = ctx.formParam("twice");
    return twice != null && twice.matches("[0-9]{1,9}") ? Integer.parseInt(twice) : 0;
  }

  /**
   * Asks again, posting {@code fields} (with {@code entry_row} and {@code person_id}) and {@code
   * twice} (the other row) to {@code action}; {@code back} leaves without confirming.
   */
  static void ask(
      WebServer web,
      Registry registry,
      Context ctx,
      String action,
      Map<String, String> fields,
      int otherRow,
      String back) {
    long person = Long.parseLong(fields.get("person_id"));
    ctx.status(409);
    web.render(
        ctx,
        "matching/twice.jte",
        web.guard().view(ctx),
        Map.of(
            "action",
            action,
            "fields",
            new TreeMap<>(fields),
            "row",
            Integer.parseInt(fields.get("entry_row")),
            "otherRow",
            otherRow,
            "personName",
            registry.find(person).map(p -> p.person().names().get(0).full()).orElse(""),
            "back",
            back));
  }
}
