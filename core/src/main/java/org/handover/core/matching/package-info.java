/**
 * Linking entries to persons and persons to persons: blocking rules, field comparison, Fellegi-
 * Sunter weights trained by EM, bands and thresholds, explanations, duplicate groups. Uses rosters,
 * registry and the names library.
 */
package org.handover.core.matching;
