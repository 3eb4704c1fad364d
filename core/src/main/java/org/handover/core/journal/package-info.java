/** The journal's hash chain: entries and their verification. Uses nothing of Handover. */
package org.handover.core.journal;
