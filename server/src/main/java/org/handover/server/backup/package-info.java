/**
 * Backup and restore: the whole database as of one moment, sealed with AES-256-GCM under a
 * passphrase or a key file, loaded back into an empty database and verified.
 */
package org.handover.server.backup;
