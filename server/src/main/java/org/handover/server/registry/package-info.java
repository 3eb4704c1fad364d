/**
 * The registry stored and served: persons and their spellings, search, the registry pages, handover
 * registry add and find. Uses parties, accounts, journal.
 */
package org.handover.server.registry;
