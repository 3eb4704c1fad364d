/**
 * The briefing "Key agreements and next steps": written from a round's record and the ledgers on a
 * date, in Ukrainian, English or Russian, as a web page, Markdown or PDF. Every sentence names the
 * record items it states.
 */
package org.handover.server.briefing;
