/**
 * The names library: romanization standards, script-neutral skeletons, Ukrainian and Russian
 * equivalents, parsing, part-by-part comparison with levels and explanations, blocking keys. No
 * I/O; depends on ICU4J only.
 */
package org.handover.names;
