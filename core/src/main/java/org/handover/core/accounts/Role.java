package org.handover.core.accounts;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.handover.core.Keys;

/**
 * What a user may do, as one table of permissions: observers and negotiators read; registrars keep
 * the registry and the lists; reviewers decide matches; negotiators keep agreements and the record
 * of the talks; administrators do everything.
 */
public enum Role {
  ADMIN,
  REGISTRAR,
  REVIEWER,
  NEGOTIATOR,
  OBSERVER;

  private static final Map<Role, Set<Permission>> TABLE =
      Map.of(
          ADMIN,
          EnumSet.allOf(Permission.class),
          REGISTRAR,
          EnumSet.of(
              Permission.READ,
              Permission.EXPORT_DATA,
              Permission.EDIT_REGISTRY,
              Permission.IMPORT_ROSTERS,
              Permission.REVIEW_MATCHES,
              Permission.MERGE_PERSONS,
              Permission.RECORD_EXCHANGES,
              Permission.RECORD_REMAINS,
              Permission.MANAGE_TRACING),
          REVIEWER,
          EnumSet.of(Permission.READ, Permission.EXPORT_DATA, Permission.REVIEW_MATCHES),
          NEGOTIATOR,
          EnumSet.of(
              Permission.READ,
              Permission.EXPORT_DATA,
              Permission.MANAGE_AGREEMENTS,
              Permission.RECORD_EXCHANGES,
              Permission.RECORD_NEGOTIATIONS),
          OBSERVER,
          EnumSet.of(Permission.READ));

  public String key() {
    return Keys.of(this);
  }

  public boolean permits(Permission permission) {
    return TABLE.get(this).contains(permission);
  }

  public Set<Permission> permissions() {
    return Set.copyOf(TABLE.get(this));
  }

  public static Role fromKey(String key) {
    return Keys.parse(Role.class, key, "role");
  }
}
