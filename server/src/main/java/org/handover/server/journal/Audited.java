package org.handover.server.journal;

/**
 * What the state audit compares for one kind of journaled entity: a query, written by the feature
 * that owns the tables, that gives each entity's id and a SHA-256 of its rows. The journal stores
 * that digest with every entry on the entity; {@code journal verify} recomputes it and names each
 * entity whose rows were changed, added or removed outside Handover.
 *
 * <pre>{@code
 * new Audited("user", 1,
 *     "SELECT u.id::text AS id, " + Audited.digest(Audited.row("u.username, u.role")) + " AS digest"
 *         + " FROM users u WHERE TRUE " + Audited.AND,
 *     "u.id = CAST(:id AS BIGINT)")
 * }</pre>
 *
 * @param entity the journal's entity word ("person")
 * @param rule which columns the digest covers: raised when they change, so that digests made under
 *     an earlier rule are not compared with today's
 * @param digests SQL with columns {@code id} and {@code digest} (hex), holding {@link #AND} where a
 *     condition may be added
 * @param one the condition that selects one entity by {@code :id} (text), using the table's key
 */
public record Audited(String entity, int rule, String digests, String one) {
  /** Where {@link #digests} takes the condition for one entity. */
  public static final String AND = "{and}";

  public Audited {
    if (!digests.contains(AND)) {
      throw new IllegalArgumentException(entity + ": the digest query has no " + AND);
    }
  }

  /** The SQL that gives every entity's digest, or one entity's. */
  String sql(boolean single) {
    return digests.replace(AND, single ? " AND " + one : "");
  }

  /** The SQL that gives the digests of the entities {@code condition} selects. */
  String sql(String condition) {
    return digests.replace(AND, " AND " + condition);
  }

  /** SHA-256 of one row's values (NULL and "" differ in a row's text). */
  public static String row(String columns) {
    return "sha256(convert_to(ROW(" + columns + ")::text, 'UTF8'))";
  }

  /**
   * SHA-256 of many rows, each hashed on its own and then together in order: a million entries
   * never become one long text.
   */
  public static String rows(String columns, String fromWhere, String orderBy) {
    return "sha256(coalesce((SELECT string_agg("
        + row(columns)
        + ", ''::bytea ORDER BY "
        + orderBy
        + ") "
        + fromWhere
        + "), ''::bytea))";
  }

  /** The hex digest of parts made by {@link #row} and {@link #rows}. */
  public static String digest(String... parts) {
    return "encode(sha256(" + String.join(" || ", parts) + "), 'hex')";
  }
}
