/**
 * The remains register: transfers of remains between the parties, a case per body or separate part,
 * its custody, its identification (and the person's status with it), and the identification rate.
 */
package org.handover.server.remains;
