/**
 * Agreements: what the parties agreed, as provisions over selections of persons; their words in
 * each language; and who is eligible under each on a date.
 */
package org.handover.server.agreements;
