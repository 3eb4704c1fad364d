/**
 * The installation's Ed25519 key: signing and verifying interchange files, handover key. Uses
 * journal.
 */
package org.handover.server.signing;
