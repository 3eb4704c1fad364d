/**
 * Benchmarks and their generators: registry search, names, import, matching (with Duke 1.2 as the
 * peer in its own process), deduplication, FEBRL4; reports go to bench/results.
 */
package org.handover.bench;
