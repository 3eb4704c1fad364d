/**
 * Accounts: users, Argon2id passwords, lockout, the login and language routes, handover user. Uses
 * journal.
 */
package org.handover.server.accounts;
