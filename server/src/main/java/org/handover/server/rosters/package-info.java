/**
 * Rosters stored and served: import in one transaction with the file kept byte for byte, entries,
 * mappings, exports (CSV, XLSX, signed JSON, PDF manifest), their pages, handover roster and
 * handover registry import. Uses registry, parties, signing, journal.
 */
package org.handover.server.rosters;
