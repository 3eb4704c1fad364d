/**
 * What the parties agreed, as rules the registry can answer: provisions (all for all, N for N,
 * unilateral, a named list) over selections of persons, and each person's eligibility under them on
 * a date, three-valued and explained.
 */
package org.handover.core.agreements;
