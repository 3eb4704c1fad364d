/**
 * Command-line plumbing only: the root command, the options every command shares, serve, and the
 * check of the permission each command declares.
 */
package org.handover.server.cli;
