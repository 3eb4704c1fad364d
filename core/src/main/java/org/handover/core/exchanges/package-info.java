/**
 * Exchanges: who is handed over in which batch under a provision, planned by rule (parity for N for
 * N, priority to the severely wounded and the longest held), and what happened to each.
 */
package org.handover.core.exchanges;
