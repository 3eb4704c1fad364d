package org.handover.server.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
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
 * Users, their passwords and their lockouts. Five failed logins in a row lock an account for
 * fifteen minutes; every change to an account is journaled.
 */
public final class Accounts {
  public static final int MAX_FAILURES = 5;
  public static final Duration LOCK = Duration.ofMinutes(15);
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  public static final List<String> LOCALES = List.of("uk", "en", "ru");

  private final Jdbi jdbi;
  private final Journal journal;
  private final Clock clock;

  public Accounts(Jdbi jdbi, Journal journal, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.clock = clock;
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
          if (findByName(h, username).isPresent()) {
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

  /** On an empty database, creates {@code admin} and returns its password; otherwise nothing. */
  public Optional<String> createFirstAdmin() {
    boolean empty =
        jdbi.withHandle(
            h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one() == 0);
    return empty ? Optional.of(create("admin", Role.ADMIN, "system")) : Optional.empty();
  }

  /** What a login attempt came to. */
  public sealed interface Login permits Login.Ok, Login.Refused, Login.Locked {
    record Ok(User user) implements Login {}

    record Refused() implements Login {}

    record Locked(long untilMillis) implements Login {}
  }

  public Login login(String username, String password) {
    Optional<Row> row = jdbi.withHandle(h -> findByName(h, username));
    long now = clock.millis();
    if (row.isEmpty()) {
      Passwords.hash(
          password); // the same work as for a real user: no timing hint that the name is unknown
      return new Login.Refused();
    }
    Row r = row.get();
    if (r.lockedUntil > now) {
      return new Login.Locked(r.lockedUntil);
    }
    if (Passwords.check(password, r.hash)) {
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
          if (failures >= MAX_FAILURES) {
            long until = now + LOCK.toMillis();
            h.createUpdate(
                    "UPDATE users SET failed_logins = 0, locked_until = :until WHERE id = :id")
                .bind("until", until)
                .bind("id", r.user.id())
                .execute();
            journal.append(
                h,
                Change.by("system", "user.lock")
                    .on("user", String.valueOf(r.user.id()))
                    .now(Json.write(Map.of("username", r.user.username(), "lockedUntil", until))));
            return new Login.Locked(until);
          }
          h.createUpdate("UPDATE users SET failed_logins = :f WHERE id = :id")
              .bind("f", failures)
              .bind("id", r.user.id())
              .execute();
          return new Login.Refused();
        });
  }

  public Optional<User> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM users WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> readUser(rs))
                .findOne());
  }

  public Optional<User> find(String username) {
    return jdbi.withHandle(h -> findByName(h, username).map(Row::user));
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
    return h.createQuery("SELECT * FROM users WHERE username = :u")
        .bind("u", username)
        .map(
            (rs, ctx) ->
                new Row(readUser(rs), rs.getString("password_hash"), rs.getLong("locked_until")))
        .findOne();
  }

  private static User readUser(ResultSet rs) throws SQLException {
    return new User(
        rs.getLong("id"),
        rs.getString("username"),
        Role.fromKey(rs.getString("role")),
        rs.getString("locale"));
  }
}
