package org.handover.server.web;

import org.handover.core.accounts.Permission;

/** One link of the navigation bar: where it goes, its message key, and who sees it. */
public record Nav(String path, String label, Permission permission) {}
