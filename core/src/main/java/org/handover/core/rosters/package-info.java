/**
 * Lists handed over: readers for CSV, TSV and XLSX in any Cyrillic encoding, column mapping,
 * entries with raw cells, fields and problems, CSV export. Uses registry and the names library.
 */
package org.handover.core.rosters;
