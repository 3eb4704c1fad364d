/**
 * Remains: cases of human remains, how they are identified (the INTERPOL DVI Guide's primary and
 * secondary methods), where they are kept, and the identification rate.
 */
package org.handover.core.remains;
