/**
 * Retention: how long each kind of personal data is kept once it has served its purpose (a
 * relative's contact after the child's case is closed, DNA reference samples after identification),
 * and its deletion, journaled.
 */
package org.handover.server.retention;
