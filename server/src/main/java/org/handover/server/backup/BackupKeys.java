package org.handover.server.backup;

/**
 * Gives the key for the way a backup was sealed (1 passphrase, 2 key file), asked only once the
 * file says which: a restore can then tell "this backup wants a passphrase" instead of failing.
 */
@FunctionalInterface
interface BackupKeys {
  BackupKey forKind(byte kind);
}
