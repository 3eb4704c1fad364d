/**
 * The stored journal: append in the caller's transaction, verify the chain, its page and handover
 * journal. Uses storage only.
 */
package org.handover.server.journal;
