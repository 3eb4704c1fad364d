/**
 * handover demo: a generated registry on its own database, with logins, served at once. May use
 * every feature.
 */
package org.handover.server.demo;
