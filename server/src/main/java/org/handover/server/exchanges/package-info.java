/**
 * Exchanges: planned in batches under an agreement's provision, and the ledger of what happened to
 * each person, which moves their status in the registry.
 */
package org.handover.server.exchanges;
