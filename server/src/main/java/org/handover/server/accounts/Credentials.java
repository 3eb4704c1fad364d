package org.handover.server.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.handover.server.accounts.Accounts.AccountException;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Who the command line acts as without a prompt, so that scripts can run it: the account an
 * operating-system user is mapped to, or the account of an API token. A token is shown once and
 * kept as its SHA-256; credentials are revoked, never deleted; every change is journaled on the
 * account.
 */
public final class Credentials {
  static final String OS_USER = "os-user";
  static final String TOKEN = "token";
  private static final String PREFIX = "hvr_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Jdbi jdbi;
  private final Journal journal;
  private final Clock clock;

  Credentials(Jdbi jdbi, Journal journal, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.clock = clock;
  }

  /** The enabled account a live token belongs to. */
  public Optional<User> byToken(String token) {
    return byCredential(TOKEN, hash(token.strip()));
  }

  /** The enabled account an operating-system user is mapped to. */
  public Optional<User> byOsUser(String osUser) {
    return byCredential(OS_USER, osUser);
  }

  private Optional<User> byCredential(String kind, String value) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT u.* FROM cli_credentials c JOIN users u ON u.id = c.user_id"
                        + " WHERE c.kind = :k AND c.value = :v AND c.revoked_at IS NULL"
                        + " AND NOT u.disabled")
                .bind("k", kind)
                .bind("v", value)
                .map((rs, ctx) -> Accounts.readUser(rs))
                .findOne());
  }

  /**
   * Maps an operating-system user to an account: commands that user runs act as it.
   *
   * @throws AccountException for an unknown account, or an operating-system user already mapped to
   *     another
   */
  public void mapOsUser(String username, String osUser, String actor) {
    if (osUser.isBlank() || osUser.length() > 128) {
      throw new AccountException("error.os-user", osUser);
    }
    jdbi.useTransaction(
        h -> {
          long id = account(h, username);
          Optional<Long> holder =
              h.createQuery(
                      "SELECT user_id FROM cli_credentials WHERE kind = :k AND value = :v"
                          + " AND revoked_at IS NULL FOR UPDATE")
                  .bind("k", OS_USER)
                  .bind("v", osUser)
                  .mapTo(Long.class)
                  .findOne();
          if (holder.isPresent()) {
            if (holder.get() == id) {
              return;
            }
            throw new AccountException("error.os-user-taken", osUser);
          }
          insert(h, id, OS_USER, osUser, "");
          journal.append(
              h,
              Change.by(actor, "user.os-user")
                  .on("user", String.valueOf(id))
                  .now(Json.write(Map.of("username", username, "os_user", osUser))));
        });
  }

  /** Ends every mapping of operating-system users to an account; returns how many. */
  public int unmapOsUsers(String username, String actor) {
    return revoke(username, OS_USER, "user.os-user-revoke", actor);
  }

  /**
   * A new API token for an account, returned once.
   *
   * @param label what it is for ("nightly backup"), kept with it
   */
  public String issueToken(String username, String label, String actor) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbi.useTransaction(
        h -> {
          long id = account(h, username);
          long credential = insert(h, id, TOKEN, hash(token), label);
          journal.append(
              h,
              Change.by(actor, "user.token")
                  .on("user", String.valueOf(id))
                  .now(
                      Json.write(
                          Map.of("username", username, "token", credential, "label", label))));
        });
    return token;
  }

  /** Revokes every live token of an account; returns how many. */
  public int revokeTokens(String username, String actor) {
    return revoke(username, TOKEN, "user.token-revoke", actor);
  }

  /** An account's live credentials as its administrator sees them (never a token's hash). */
  public record Live(String username, String kind, String shown, long createdAt) {}

  public List<Live> live() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT u.username, c.kind, CASE WHEN c.kind = 'token' THEN c.label"
                        + " ELSE c.value END AS shown, c.created_at FROM cli_credentials c"
                        + " JOIN users u ON u.id = c.user_id WHERE c.revoked_at IS NULL"
                        + " ORDER BY u.username, c.kind, c.id")
                .map(
                    (rs, ctx) ->
                        new Live(
                            rs.getString("username"),
                            rs.getString("kind"),
                            rs.getString("shown"),
                            rs.getLong("created_at")))
                .list());
  }

  private int revoke(String username, String kind, String action, String actor) {
    return jdbi.inTransaction(
        h -> {
          long id = account(h, username);
          int n =
              h.createUpdate(
                      "UPDATE cli_credentials SET revoked_at = :at WHERE user_id = :id"
                          + " AND kind = :k AND revoked_at IS NULL")
                  .bind("at", clock.millis())
                  .bind("id", id)
                  .bind("k", kind)
                  .execute();
          if (n > 0) {
            Map<String, Object> details = new TreeMap<>();
            details.put("username", username);
            details.put("revoked", n);
            journal.append(
                h,
                Change.by(actor, action).on("user", String.valueOf(id)).now(Json.write(details)));
          }
          return n;
        });
  }

  private long insert(Handle h, long userId, String kind, String value, String label) {
    return h.createUpdate(
            "INSERT INTO cli_credentials (user_id, kind, value, label, created_at)"
                + " VALUES (:u, :k, :v, :l, :at)")
        .bind("u", userId)
        .bind("k", kind)
        .bind("v", value)
        .bind("l", label)
        .bind("at", clock.millis())
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  private static long account(Handle h, String username) {
    return h.createQuery("SELECT id FROM users WHERE username = :u FOR UPDATE")
        .bind("u", username)
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> new AccountException("error.user-unknown", username));
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
