/**
 * Roles and the one table of permissions they hold; what every web route and command declares it
 * needs. Uses nothing of Handover but the keys.
 */
package org.handover.core.accounts;
