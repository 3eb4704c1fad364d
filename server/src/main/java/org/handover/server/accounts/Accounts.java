package org.handover.server.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.handover.core.accounts.Role;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Users and their passwords. An unknown user and a wrong password get one answer, after the same
 * work; failures in a row are counted, and the fifth journaled. Nothing here slows guessing down or
 * locks an account (which would let anyone lock a real user out): the web's LoginThrottle slows it
 * where it comes from, and the few hashes that run at once bound how fast anyone can guess. Every
 * change to an account is journaled.
 */
public final class Accounts {
  public static final int MAX_FAILURES = 5;
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  public static final List<String> LOCALES = List.of("uk", "en", "ru");

  private final Jdbi jdbi;
  private final Journal journal;
  private final Clock clock;
  private final Credentials credentials;

  public Accounts(Jdbi jdbi, Journal journal, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.clock = clock;
    this.credentials = new Credentials(jdbi, journal, clock);
    journal.audit(AccountAudit.USERS);
  }

  /** The name is not a valid user name, or is taken. */
  public static final class AccountException extends IllegalArgumentException {
    private final String key;

    AccountException(String key, String message) {
      super(message);
      this.key = key;
    }

    /** The message key the user's language translates. */
    public String key() {
      return key;
    }
  }

  /** Creates a user with a generated password, which is returned once and stored only as a hash. */
  public String create(String username, Role role, String actor) {
    String password = Passwords.generate();
    create(username, role, password, actor);
    return password;
  }

  public void create(String username, Role role, String password, String actor) {
    if (!USERNAME.matcher(username).matches()) {
      throw new AccountException(
          "error.username",
          "user name '"
              + username
              + "': use 2 to 64 small Latin letters, digits, dots, dashes or underscores");
    }
    String hash = Passwords.hash(password);
    jdbi.useTransaction(
        h -> {
          if (h.createQuery("SELECT count(*) FROM users WHERE username = :u") // disabled ones too
                  .bind("u", username)
                  .mapTo(Long.class)
                  .one()
              > 0) {
            throw new AccountException(
                "error.username-taken", "user name '" + username + "' is taken");
          }
          long id =
              h.createUpdate(
                      "INSERT INTO users (username, password_hash, role, locale, created_at)"
                          + " VALUES (:u, :h, :r, 'uk', :now)")
                  .bind("u", username)
                  .bind("h", hash)
                  .bind("r", role.key())
                  .bind("now", clock.millis())
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          journal.append(
              h,
              Change.by(actor, "user.create")
                  .on("user", String.valueOf(id))
                  .now(Json.write(Map.of("username", username, "role", role.key()))));
        });
  }

  /** Who the command line acts as: mapped operating-system users and API tokens. */
  public Credentials credentials() {
    return credentials;
  }

  /** Whether no account exists yet (a database just made, or restored from nothing). */
  public boolean none() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one() == 0);
  }

  /** On an empty database, creates {@code admin} and returns its password; otherwise nothing. */
  public Optional<String> createFirstAdmin() {
    return none() ? Optional.of(create("admin", Role.ADMIN, "system")) : Optional.empty();
  }

  /** What a login attempt came to. */
  public sealed interface Login permits Login.Ok, Login.Refused, Login.Busy {
    record Ok(User user) implements Login {}

    /** A wrong password or an unknown user: one answer. */
    record Refused() implements Login {}

    /** Too many logins are being checked at once: try again in a moment. */
    record Busy() implements Login {}
  }

  public Login login(String username, String password) {
    Optional<Row> row = jdbi.withHandle(h -> findByName(h, username));
    if (row.isEmpty()) {
      // the same work as for a real user: no hint that the name is unknown
      return Passwords.inTurn(() -> Passwords.hash(password))
          .<Login>map(x -> new Login.Refused())
          .orElseGet(Login.Busy::new);
    }
    Row r = row.get();
    Optional<Boolean> right = Passwords.inTurn(() -> Passwords.check(password, r.hash));
    if (right.isEmpty()) {
      return new Login.Busy();
    }
    if (right.get()) {
      jdbi.useHandle(
          h ->
              h.createUpdate("UPDATE users SET failed_logins = 0 WHERE id = :id")
                  .bind("id", r.user.id())
                  .execute());
      return new Login.Ok(r.user);
    }
    return jdbi.inTransaction(
        h -> {
          int failures =
              h.createQuery("SELECT failed_logins FROM users WHERE id = :id FOR UPDATE")
                      .bind("id", r.user.id())
                      .mapTo(Integer.class)
                      .one()
                  + 1;
          h.createUpdate("UPDATE users SET failed_logins = :f WHERE id = :id")
              .bind("f", failures)
              .bind("id", r.user.id())
              .execute();
          if (failures == MAX_FAILURES) { // someone may be guessing: on the record
            journal.append(
                h,
                Change.by("system", "user.failures")
                    .on("user", String.valueOf(r.user.id()))
                    .now(Json.write(Map.of("username", r.user.username(), "failures", failures))));
          }
          return new Login.Refused();
        });
  }

  /** An account that may act; a disabled one is not found. */
  public Optional<User> find(long id) {
    return find(id, Long.MAX_VALUE);
  }

  /**
   * An account that may act in a session opened at {@code openedMillis}: not disabled, and not
   * disabled, enabled or given a new password since (a stolen session ends with the reset).
   */
  public Optional<User> find(long id, long openedMillis) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM users WHERE id = :id AND NOT disabled AND"
                        + " credentials_changed_at <= :opened")
                .bind("id", id)
                .bind("opened", openedMillis)
                .map((rs, ctx) -> readUser(rs))
                .findOne());
  }

  /** An account as its administrator sees it: who, with which role, since when, disabled or not. */
  public record Account(
      String username, Role role, long createdAt, boolean disabled, String party) {}

  /** Every account, by name. */
  public List<Account> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT username, role, created_at, disabled, party FROM users ORDER BY username")
                .map(
                    (rs, ctx) ->
                        new Account(
                            rs.getString("username"),
                            Role.fromKey(rs.getString("role")),
                            rs.getLong("created_at"),
                            rs.getBoolean("disabled"),
                            rs.getString("party")))
                .list());
  }

  public Optional<User> find(String username) {
    return jdbi.withHandle(h -> findByName(h, username).map(Row::user));
  }

  /**
   * Disables or enables an account: a disabled one cannot log in, its open sessions end at their
   * next request, and the command line refuses it as an actor; journaled.
   *
   * @throws AccountException for an unknown account, or the last enabled administrator
   */
  public void setEnabled(String username, boolean enabled, String actor) {
    jdbi.useTransaction(
        h -> {
          // the administrators' rows first: two disabling two of them at once cannot both pass
          h.createQuery("SELECT id FROM users WHERE role = 'admin' ORDER BY id FOR UPDATE")
              .mapTo(Long.class)
              .list();
          Map<String, Object> row =
              h.createQuery("SELECT id, role, disabled FROM users WHERE username = :u FOR UPDATE")
                  .bind("u", username)
                  .mapToMap()
                  .findOne()
                  .orElseThrow(() -> new AccountException("error.user-unknown", username));
          if (Boolean.valueOf(!enabled).equals(row.get("disabled"))) {
            return;
          }
          if (!enabled
              && Role.ADMIN.key().equals(row.get("role"))
              && h.createQuery("SELECT count(*) FROM users WHERE role = 'admin' AND NOT disabled")
                      .mapTo(Long.class)
                      .one()
                  <= 1) {
            throw new AccountException("error.last-admin", username);
          }
          long id = ((Number) row.get("id")).longValue();
          h.createUpdate(
                  "UPDATE users SET disabled = :d, credentials_changed_at = :at WHERE id = :id")
              .bind("d", !enabled)
              .bind("at", clock.millis())
              .bind("id", id)
              .execute();
          journal.append(
              h,
              Change.by(actor, enabled ? "user.enable" : "user.disable")
                  .on("user", String.valueOf(id))
                  .now(Json.write(Map.of("username", username))));
        });
  }

  /**
   * Gives an account a new generated password, returned once; its failed logins are forgotten;
   * journaled (never the password).
   *
   * @throws AccountException for an unknown account
   */
  public String resetPassword(String username, String actor) {
    String password = Passwords.generate();
    String hash = Passwords.hash(password);
    jdbi.useTransaction(
        h -> {
          long id =
              h.createQuery("SELECT id FROM users WHERE username = :u FOR UPDATE")
                  .bind("u", username)
                  .mapTo(Long.class)
                  .findOne()
                  .orElseThrow(() -> new AccountException("error.user-unknown", username));
          h.createUpdate(
                  "UPDATE users SET password_hash = :h, failed_logins = 0, locked_until = 0,"
                      + " credentials_changed_at = :at WHERE id = :id")
              .bind("h", hash)
              .bind("at", clock.millis())
              .bind("id", id)
              .execute();
          journal.append(
              h,
              Change.by(actor, "user.password")
                  .on("user", String.valueOf(id))
                  .now(Json.write(Map.of("username", username))));
        });
    return password;
  }

  /**
   * A user's own new password, chosen by them: the current one must be given, the new one must pass
   * {@link PasswordRules}; the account's other sessions end; journaled (never the password).
   *
   * @throws AccountException with the message key of what is wrong
   */
  public void changePassword(long userId, String current, String chosen) {
    Row row =
        jdbi.withHandle(
                h ->
                    h.createQuery("SELECT * FROM users WHERE id = :id AND NOT disabled")
                        .bind("id", userId)
                        .map(
                            (rs, ctx) ->
                                new Row(
                                    readUser(rs),
                                    rs.getString("password_hash"),
                                    rs.getLong("locked_until")))
                        .findOne())
            .orElseThrow(() -> new AccountException("error.user-unknown", String.valueOf(userId)));
    // checked as a login is: a wrong one counts among the account's failures, the fifth journaled
    Login checked = login(row.user.username(), current);
    if (checked instanceof Login.Busy) {
      throw new AccountException("login.busy", "");
    }
    if (!(checked instanceof Login.Ok)) {
      throw new AccountException("password.wrong-current", "");
    }
    Optional<String> problem = PasswordRules.problem(chosen, row.user.username());
    if (problem.isPresent()) {
      throw new AccountException(problem.get(), "");
    }
    String hash = Passwords.hash(chosen);
    jdbi.useTransaction(
        h -> {
          int changed =
              h.createUpdate(
                      "UPDATE users SET password_hash = :h, failed_logins = 0,"
                          + " credentials_changed_at = :at WHERE id = :id AND password_hash = :old")
                  .bind("h", hash)
                  .bind("at", clock.millis())
                  .bind("id", userId)
                  .bind("old", row.hash)
                  .execute();
          if (changed == 0) { // reset by an administrator meanwhile: theirs stands
            throw new AccountException("password.changed-meanwhile", "");
          }
          journal.append(
              h,
              Change.by(row.user.username(), "user.password-change")
                  .on("user", String.valueOf(userId))
                  .now(Json.write(Map.of("username", row.user.username()))));
        });
  }

  /**
   * The party a user belongs to ("" for this installation's own); the caller has checked the code
   * against the parties known. Journaled with the party before.
   *
   * @throws AccountException for an unknown account
   */
  public void setParty(String username, String party, String actor) {
    jdbi.useTransaction(
        h -> {
          Map<String, Object> row =
              h.createQuery("SELECT id, party FROM users WHERE username = :u FOR UPDATE")
                  .bind("u", username)
                  .mapToMap()
                  .findOne()
                  .orElseThrow(() -> new AccountException("error.user-unknown", username));
          if (party.equals(row.get("party"))) {
            return;
          }
          long id = ((Number) row.get("id")).longValue();
          h.createUpdate("UPDATE users SET party = :p WHERE id = :id")
              .bind("p", party)
              .bind("id", id)
              .execute();
          journal.append(
              h,
              Change.by(actor, "user.party")
                  .on("user", String.valueOf(id))
                  .was(Json.write(Map.of("username", username, "party", row.get("party"))))
                  .now(Json.write(Map.of("username", username, "party", party))));
        });
  }

  /** Remembers the language a user chose; journaled like any change. */
  public void setLocale(long userId, String locale, String actor) {
    if (!LOCALES.contains(locale)) {
      throw new AccountException(
          "error.unknown-value", "locale '" + locale + "': use uk, en or ru");
    }
    jdbi.useTransaction(
        h -> {
          String before =
              h.createQuery("SELECT locale FROM users WHERE id = :id")
                  .bind("id", userId)
                  .mapTo(String.class)
                  .one();
          if (before.equals(locale)) {
            return;
          }
          h.createUpdate("UPDATE users SET locale = :l WHERE id = :id")
              .bind("l", locale)
              .bind("id", userId)
              .execute();
          journal.append(
              h,
              Change.by(actor, "user.locale")
                  .on("user", String.valueOf(userId))
                  .was(Json.write(Map.of("locale", before)))
                  .now(Json.write(Map.of("locale", locale))));
        });
  }

  private record Row(User user, String hash, long lockedUntil) {}

  private static Optional<Row> findByName(Handle h, String username) {
    return h.createQuery("SELECT * FROM users WHERE username = :u AND NOT disabled")
        .bind("u", username)
        .map(
            (rs, ctx) ->
                new Row(readUser(rs), rs.getString("password_hash"), rs.getLong("locked_until")))
        .findOne();
  }

  static User readUser(ResultSet rs) throws SQLException {
    return new User(
        rs.getLong("id"),
        rs.getString("username"),
        Role.fromKey(rs.getString("role")),
        rs.getString("locale"),
        rs.getString("party"));
  }
}
