/**
 * Matching stored and served: runs and their review, registry duplicates and merges, handover match
 * and handover duplicates; adds its form and runs to a roster's page. Uses rosters, registry,
 * parties, journal.
 */
package org.handover.server.matching;
