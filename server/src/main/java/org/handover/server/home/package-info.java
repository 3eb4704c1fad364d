/**
 * The home page: what waits for the user, by what their role may do — lists received and how far
 * their verification has come, entries waiting for review, duplicate groups to decide, overdue
 * commitments, and recent activity; each a link to the work.
 */
package org.handover.server.home;
