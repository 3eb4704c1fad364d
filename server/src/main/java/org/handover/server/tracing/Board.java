package org.handover.server.tracing;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.matching.Model;
import org.handover.core.tracing.CaseState;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Jdbi;

/** What the tracing pages and commands read: children by state, one child whole, the figures. */
public final class Board {
  /** A child sought, with its request. */
  public record Child(
      long id,
      String reference,
      int number,
      String name,
      String born,
      String birthPlace,
      String mother,
      String father,
      String separated,
      String relative,
      String relation,
      String contact,
      boolean sharing,
      CaseState state,
      Optional<Long> rosterId,
      Optional<Integer> entryRow,
      Map<String, String> card,
      Map<CardField, String> later,
      boolean photo) {
    /** Whether the case stands located by a report rather than on a list. */
    public boolean byReport() {
      return rosterId.isEmpty() && later.containsKey(CardField.REPORT);
    }
  }

  /** A candidate with what the other side's list says of the child. */
  public record Candidate(
      long rosterId,
      int entryRow,
      String name,
      String born,
      String birthPlace,
      String mother,
      double probability,
      List<Model.Contribution> why,
      String decision) {}

  /** One step of a case. */
  public record Step(CaseState state, LocalDate on, String note, String by) {}

  private Board() {}

  private static final String CHILD =
      "SELECT c.*, r.reference, r.relative, r.relation, r.contact, r.consent_sharing FROM"
          + " sought_children c JOIN tracing_requests r ON r.id = c.request_id";

  private static Child child(Map<String, Object> r) {
    return new Child(
        ((Number) r.get("id")).longValue(),
        (String) r.get("reference"),
        ((Number) r.get("number")).intValue(),
        String.join(
                " ",
                (String) r.get("family"),
                (String) r.get("given"),
                (String) r.get("patronymic"))
            .strip(),
        (String) r.get("born"),
        (String) r.get("birth_place"),
        (String) r.get("mother"),
        (String) r.get("father"),
        String.join(
                ", ",
                (String) r.get("separated_on"),
                (String) r.get("separated_at"),
                (String) r.get("circumstances"))
            .replaceAll("^(, )+|(, )+$", "")
            .replaceAll("(, ){2,}", ", "),
        (String) r.get("relative"),
        (String) r.get("relation"),
        (String) r.get("contact"),
        (Boolean) r.get("consent_sharing"),
        CaseState.fromKey((String) r.get("state")),
        Optional.ofNullable((Number) r.get("roster_id")).map(Number::longValue),
        Optional.ofNullable((Number) r.get("entry_row")).map(Number::intValue),
        card(r),
        Map.of(),
        false);
  }

  /** The child's card as the family gave it: each field, in order, that is not empty. */
  private static Map<String, String> card(Map<String, Object> r) {
    Map<String, String> card = new java.util.LinkedHashMap<>();
    for (String f :
        List.of(
            "other_names",
            "nationality",
            "native_language",
            "document",
            "siblings",
            "features",
            "last_address")) {
      Object v = r.get(f);
      if (v != null && !v.toString().isBlank()) {
        card.put(f, v.toString());
      }
    }
    return card;
  }

  public static List<Child> children(Jdbi jdbi, Optional<CaseState> state, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    CHILD
                        + " WHERE (:s = '' OR c.state = :s) ORDER BY r.reference, c.number LIMIT :l")
                .bind("s", state.map(CaseState::key).orElse(""))
                .bind("l", limit)
                .mapToMap()
                .map(Board::child)
                .list());
  }

  /** One child whole: with what was learnt later and whether a photograph is kept. */
  public static Optional<Child> child(Jdbi jdbi, long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(CHILD + " WHERE c.id = :id")
                .bind("id", id)
                .mapToMap()
                .map(Board::child)
                .findOne()
                .map(
                    c ->
                        new Child(
                            c.id(),
                            c.reference(),
                            c.number(),
                            c.name(),
                            c.born(),
                            c.birthPlace(),
                            c.mother(),
                            c.father(),
                            c.separated(),
                            c.relative(),
                            c.relation(),
                            c.contact(),
                            c.sharing(),
                            c.state(),
                            c.rosterId(),
                            c.entryRow(),
                            c.card(),
                            ChildCards.current(h, id),
                            h.createQuery("SELECT count(*) FROM child_photos WHERE child_id = :c")
                                    .bind("c", id)
                                    .mapTo(Long.class)
                                    .one()
                                > 0)));
  }

  public static List<Candidate> candidates(Jdbi jdbi, long childId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT k.*, e.family, e.given, e.patronymic, e.birth_year, e.birth_month, e.birth_day,"
                        + " e.fields FROM"
                        + " tracing_candidates k JOIN roster_entries e ON e.roster_id = k.roster_id"
                        + " AND e.row_no = k.entry_row WHERE k.child_id = :c ORDER BY k.decision ="
                        + " 'rejected', k.probability DESC")
                .bind("c", childId)
                .mapToMap()
                .map(
                    r -> {
                      Map<String, String> fields =
                          r.get("fields") == null
                              ? Map.of()
                              : Json.read(
                                  r.get("fields").toString(),
                                  new TypeReference<Map<String, String>>() {});
                      return new Candidate(
                          ((Number) r.get("roster_id")).longValue(),
                          ((Number) r.get("entry_row")).intValue(),
                          String.join(
                                  " ",
                                  str(r.get("family")),
                                  str(r.get("given")),
                                  str(r.get("patronymic")))
                              .strip(),
                          born(r),
                          fields.getOrDefault("birth-place", ""),
                          fields.getOrDefault("mother", ""),
                          ((Number) r.get("probability")).doubleValue(),
                          Json.read(
                              (String) r.get("reasons"),
                              new TypeReference<List<Model.Contribution>>() {}),
                          (String) r.get("decision"));
                    })
                .list());
  }

  private static String born(Map<String, Object> r) {
    if (r.get("birth_year") == null) {
      return "";
    }
    int y = ((Number) r.get("birth_year")).intValue();
    Optional<Integer> m = Optional.ofNullable((Number) r.get("birth_month")).map(Number::intValue);
    Optional<Integer> d = Optional.ofNullable((Number) r.get("birth_day")).map(Number::intValue);
    return new org.handover.core.registry.PartialDate(y, m, d).toString();
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  public static List<Step> steps(Jdbi jdbi, long childId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM tracing_steps WHERE child_id = :c ORDER BY on_date, id")
                .bind("c", childId)
                .map(
                    (rs, ctx) ->
                        new Step(
                            CaseState.fromKey(rs.getString("state")),
                            rs.getObject("on_date", LocalDate.class),
                            rs.getString("note"),
                            rs.getString("recorded_by")))
                .list());
  }

  /** Children per state, and requests. */
  public static Map<CaseState, Long> counts(Jdbi jdbi) {
    Map<CaseState, Long> out = new EnumMap<>(CaseState.class);
    for (CaseState s : CaseState.values()) {
      out.put(s, 0L);
    }
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT state, count(*) AS n FROM sought_children GROUP BY state")
                .mapToMap()
                .forEach(
                    r ->
                        out.put(
                            CaseState.fromKey((String) r.get("state")),
                            ((Number) r.get("n")).longValue())));
    return out;
  }

  public static long requests(Jdbi jdbi) {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT count(*) FROM tracing_requests").mapTo(Long.class).one());
  }

  /** Per month: children whose cases reached located, verified and reunified in it. */
  public static List<Map<String, Object>> months(Jdbi jdbi) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT to_char(on_date, 'YYYY-MM') AS month, count(*) FILTER (WHERE state ="
                        + " 'located') AS located, count(*) FILTER (WHERE state = 'verified') AS"
                        + " verified, count(*) FILTER (WHERE state = 'reunified') AS reunified FROM"
                        + " tracing_steps GROUP BY 1 ORDER BY 1")
                .mapToMap()
                .list());
  }
}
