package org.handover.core.accounts;

import org.handover.core.Keys;

/**
 * One thing a user may do. Every web route and every command declares the one it needs; {@link
 * Role#permits} is the one table that says who holds which.
 */
public enum Permission {
  /** Read every page: the registry, lists, matches, the journal. */
  READ,
  /**
   * Take personal data away in bulk: a list's original file, its error report, and its exports as
   * CSV, XLSX or JSON. Without it, a list leaves only as the PDF manifest to sign.
   */
  EXPORT_DATA,
  /** Add and edit persons, import persons from a spreadsheet. */
  EDIT_REGISTRY,
  /** Import lists and save column mappings. */
  IMPORT_ROSTERS,
  /**
   * Run matching and duplicate searches, confirm or reject links, mark two persons as different.
   */
  REVIEW_MATCHES,
  /** Merge persons recorded twice into one record. */
  MERGE_PERSONS,
  /** Add parties and choose the installation's own. */
  MANAGE_PARTIES,
  /** Create accounts and change roles. */
  MANAGE_ACCOUNTS,
  /** Record agreements and their provisions, and plan exchanges under them. */
  MANAGE_AGREEMENTS,
  /** Record what happened to each person at the handover point. */
  RECORD_EXCHANGES,
  /** Receive remains, record where they are kept and how they were identified. */
  RECORD_REMAINS,
  /** Import relatives' requests, review the children located, move reunification cases. */
  MANAGE_TRACING,
  /** Import and correct rounds' records, and record how far a commitment has come. */
  RECORD_NEGOTIATIONS,
  /** Write a backup of the whole database and restore one. */
  BACKUP,
  /** Set how long each kind of personal data is kept, and delete what has served its time. */
  APPLY_RETENTION;

  public String key() {
    return Keys.of(this);
  }
}
