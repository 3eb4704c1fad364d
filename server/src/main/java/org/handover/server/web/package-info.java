/**
 * Web plumbing only: the server, the guard (sessions, CSRF, languages, permissions), the table of
 * routes with their permissions, navigation, sections, the view every template gets, request
 * parameters.
 */
package org.handover.server.web;
