/**
 * Storage plumbing: the database and its migrations, the one JSON mapper, column helpers, storage
 * exceptions.
 */
package org.handover.server.storage;
