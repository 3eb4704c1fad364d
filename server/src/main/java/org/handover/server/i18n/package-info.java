/** Messages in Ukrainian, English and Russian, with ICU plurals; plumbing every feature uses. */
package org.handover.server.i18n;
