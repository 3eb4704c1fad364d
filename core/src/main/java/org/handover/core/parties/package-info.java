/**
 * Parties as data: a party by its code, its profile (kind, names in uk/en/ru), and the book of them
 * an installation keeps with its own. Uses nothing of Handover but the keys.
 */
package org.handover.core.parties;
