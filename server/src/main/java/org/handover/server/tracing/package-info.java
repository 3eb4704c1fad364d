/**
 * Tracing: relatives' requests for children, candidates among the children located on the other
 * side's lists (reviewed, never linked automatically), and each child's reunification case.
 */
package org.handover.server.tracing;
