package org.handover.server.storage;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A load of many rows into tables that hold few: their indexes and foreign keys are dropped in the
 * load's transaction and built again at its end, which is several times faster than keeping them
 * current row by row. Everything stays in one transaction, so a load that fails leaves the tables
 * and their indexes as they were; meanwhile the tables are locked against other sessions.
 *
 * <pre>{@code
 * DeferredIndexes deferred = DeferredIndexes.drop(h, List.of("person_words", "person_names"));
 * ... COPY ...
 * deferred.rebuild(h);
 * }</pre>
 */
public final class DeferredIndexes {
  private final List<String> again;

  private DeferredIndexes(List<String> again) {
    this.again = again;
  }

  /**
   * Drops the tables' foreign keys, primary keys that no foreign key refers to, and other indexes;
   * remembers how to build them again.
   */
  public static DeferredIndexes drop(Handle h, List<String> tables) {
    List<String> drops = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<String> indexes = new ArrayList<>();
    List<String> foreign = new ArrayList<>();
    for (String table : tables) {
      h.createQuery(
              "SELECT quote_ident(c.conname) AS conname, c.contype, pg_get_constraintdef(c.oid)"
                  + " AS def FROM pg_constraint"
                  + " c WHERE c.conrelid = CAST(:t AS regclass) AND (c.contype = 'f' OR"
                  + " (c.contype = 'p' AND NOT EXISTS (SELECT 1 FROM pg_constraint r WHERE"
                  + " r.contype = 'f' AND r.confrelid = c.conrelid))) ORDER BY c.contype DESC")
          .bind("t", table)
          .mapToMap()
          .forEach(
              c -> {
                String name = (String) c.get("conname");
                String add =
                    "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + c.get("def");
                drops.add("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
                (c.get("contype").toString().equals("f") ? foreign : keys).add(add);
              });
      h.createQuery(
              // names quoted as identifiers, and indexes found by their oid, never by their text
              "SELECT quote_ident(n.nspname) || '.' || quote_ident(x.relname) AS indexname,"
                  + " pg_get_indexdef(x.oid) AS indexdef FROM pg_index i JOIN pg_class x ON x.oid ="
                  + " i.indexrelid JOIN pg_namespace n ON n.oid = x.relnamespace WHERE i.indrelid ="
                  + " CAST(:t AS regclass) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE"
                  + " c.conindid = i.indexrelid)")
          .bind("t", table)
          .mapToMap()
          .forEach(
              i -> {
                drops.add("DROP INDEX " + i.get("indexname"));
                indexes.add((String) i.get("indexdef"));
              });
    }
    drops.forEach(h::execute);
    List<String> again = new ArrayList<>(keys);
    again.addAll(indexes);
    again.addAll(foreign);
    return new DeferredIndexes(again);
  }

  /** Builds every index and key again, checking each foreign key against the rows loaded. */
  public void rebuild(Handle h) {
    h.execute("SET LOCAL maintenance_work_mem = '256MB'");
    again.forEach(h::execute);
  }
}
