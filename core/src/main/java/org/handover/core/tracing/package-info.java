/**
 * Tracing: children sought by their families, compared with children located on the other side's
 * lists by what finds a child whose papers were changed (the given name across scripts, the
 * mother's and father's names, the date and place of birth), and their reunification.
 */
package org.handover.core.tracing;
