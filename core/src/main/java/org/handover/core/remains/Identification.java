package org.handover.core.remains;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.handover.core.Keys;
import org.handover.core.Refused;

/**
 * One identification of a case with a person: the methods, the legal act, when and by whom; it
 * stands until revoked with a reason (an identification can be wrong).
 */
public record Identification(
    long id,
    long personId,
    Set<Method> methods,
    String act,
    LocalDate on,
    String by,
    Optional<Revocation> revoked) {
  public static final int MAX_TEXT = 200;

  public Identification {
    methods = methods.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(methods));
    if (methods.isEmpty()) {
      throw new Refused("error.remains.no-method");
    }
    act = act == null ? "" : act.strip();
    if (act.length() > MAX_TEXT) {
      throw new Refused("error.remains.too-long", MAX_TEXT);
    }
    Objects.requireNonNull(on, "on");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(revoked, "revoked");
  }

  /** Identified (a primary method) or presumed (secondary ones only). */
  public Status status() {
    return Method.establishes(methods);
  }

  public boolean stands() {
    return revoked.isEmpty();
  }

  /** Why and when an identification was withdrawn. */
  public record Revocation(LocalDate on, String reason, String by) {
    public Revocation {
      reason = reason == null ? "" : reason.strip();
      if (reason.isEmpty()) {
        throw new Refused("error.remains.revoke-reason");
      }
      if (reason.length() > MAX_TEXT) {
        throw new Refused("error.remains.too-long", MAX_TEXT);
      }
    }
  }

  /** Where a case stands. */
  public enum Status {
    UNIDENTIFIED,
    PRESUMED,
    IDENTIFIED;

    public String key() {
      return Keys.of(this);
    }

    public static Status fromKey(String key) {
      return Keys.parse(Status.class, key, "status");
    }
  }
}
