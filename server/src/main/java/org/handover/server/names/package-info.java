/** handover names: the names library from the command line. Uses the names library only. */
package org.handover.server.names;
