/**
 * Parties stored and served: the parties table, the installation's own party, the page Parties,
 * handover party. Uses journal and accounts.
 */
package org.handover.server.parties;
