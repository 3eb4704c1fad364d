/**
 * The negotiation record: a round of talks, who came, which documents changed hands, what each side
 * proposed and how the other answered, what each committed to by when, and the figures the parties
 * state differently. Each item has a stable key, so that a record imported again is recognised.
 */
package org.handover.core.negotiations;
