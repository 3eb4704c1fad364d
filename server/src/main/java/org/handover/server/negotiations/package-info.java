/**
 * The negotiation record: rounds imported from and exported to one JSON document each, checked
 * against docs/negotiation-record.schema.json; commitments and their fulfilment, counted from the
 * ledgers where they are linked and recorded by hand otherwise; the pages and commands of both.
 */
package org.handover.server.negotiations;
