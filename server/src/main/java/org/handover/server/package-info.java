/**
 * The server: App wires the services on one database and lists every Feature once; Main starts the
 * command line.
 */
package org.handover.server;
