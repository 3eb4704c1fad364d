package org.handover.server.matching;

import org.handover.server.journal.Audited;

/** What the state audit keeps of runs, their proposals and the decisions taken on them. */
final class MatchAudit {
  private MatchAudit() {}

  static final Audited MATCH_RUNS =
      new Audited(
          "match-run",
          1,
          "SELECT r.id::text AS id, "
              + Audited.digest(
                  Audited.row(
                      "r.id, r.roster_id, r.one_to_one, r.auto_threshold, r.review_threshold,"
                          + " r.model, r.candidates, r.by_rule, r.created_by, r.created_at"),
                  Audited.rows(
                      "m.entry_row, m.person_id, m.weight, m.probability, m.band, m.explanation",
                      "FROM matches m WHERE m.run_id = r.id",
                      "m.entry_row, m.person_id"))
              + " AS digest FROM match_runs r WHERE TRUE "
              + Audited.AND,
          "r.id = CAST(:id AS BIGINT)");

  /** A decision on one proposal: its id is roster/entry row/person. */
  static final Audited DECISIONS =
      new Audited(
          "match",
          1,
          "SELECT d.roster_id || '/' || d.entry_row || '/' || d.person_id AS id, "
              + Audited.digest(
                  Audited.row(
                      "d.roster_id, d.entry_row, d.person_id, d.decision, d.decided_by,"
                          + " d.decided_at"))
              + " AS digest FROM match_decisions d WHERE TRUE "
              + Audited.AND,
          "d.roster_id = CAST(split_part(:id, '/', 1) AS BIGINT)"
              + " AND d.entry_row = CAST(split_part(:id, '/', 2) AS INTEGER)"
              + " AND d.person_id = CAST(split_part(:id, '/', 3) AS BIGINT)");

  static final Audited DUPLICATE_RUNS =
      new Audited(
          "duplicate-run",
          1,
          "SELECT r.id::text AS id, "
              + Audited.digest(
                  Audited.row(
                      "r.id, r.review_threshold, r.auto_threshold, r.persons, r.candidates,"
                          + " r.groups_found, r.created_by, r.created_at"),
                  Audited.rows(
                      "p.group_no, p.person_id, p.other_id, p.weight, p.probability, p.band,"
                          + " p.explanation",
                      "FROM duplicate_pairs p WHERE p.run_id = r.id",
                      "p.person_id, p.other_id"))
              + " AS digest FROM duplicate_runs r WHERE TRUE "
              + Audited.AND,
          "r.id = CAST(:id AS BIGINT)");

  /** Two persons marked different: the id is the lower id/the higher id. */
  static final Audited DIFFERENT =
      new Audited(
          "person-pair",
          1,
          "SELECT d.person_id || '/' || d.other_id AS id, "
              + Audited.digest(
                  Audited.row("d.person_id, d.other_id, d.decision, d.decided_by, d.decided_at"))
              + " AS digest FROM duplicate_decisions d WHERE TRUE "
              + Audited.AND,
          "d.person_id = CAST(split_part(:id, '/', 1) AS BIGINT)"
              + " AND d.other_id = CAST(split_part(:id, '/', 2) AS BIGINT)");
}
