package org.handover.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.handover.core.accounts.Role;
import org.handover.server.journal.Journal;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Accounts. */
class AccountsTest {
  Database db;
  MutableClock clock;
  Accounts accounts;

  /** A clock the test moves, so that a fifteen-minute lock needs no waiting. */
  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2025-06-02T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void open() {
    db = Database.open(TestDatabases.postgres());
    clock = new MutableClock();
    accounts = new Accounts(db.jdbi(), new Journal(db.jdbi(), clock), clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void storesAnArgon2idHashNeverThePassword() {
    String pw = accounts.create("olena", Role.REGISTRAR, "admin");
    String stored =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT password_hash FROM users WHERE username = 'olena'")
                        .mapTo(String.class)
                        .one());
    assertThat(stored).startsWith("$argon2id$").doesNotContain(pw);
    assertThat(accounts.login("olena", pw)).isInstanceOf(Accounts.Login.Ok.class);
    assertThat(accounts.login("olena", pw + "x")).isInstanceOf(Accounts.Login.Refused.class);
    assertThat(accounts.login("nobody", pw)).isInstanceOf(Accounts.Login.Refused.class);
  }

  @Test
  void failuresAreCountedAndTheFifthJournaledButNothingLocks() {
    String pw = accounts.create("petro", Role.REVIEWER, "admin");
    for (int i = 0; i < 7; i++) {
      assertThat(accounts.login("petro", "wrong")).isInstanceOf(Accounts.Login.Refused.class);
    }
    assertThat(accounts.login("petro", pw)).isInstanceOf(Accounts.Login.Ok.class);
    long journaled =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM journal WHERE action = 'user.failures'")
                        .mapTo(Long.class)
                        .one());
    assertThat(journaled).isEqualTo(1);
  }

  @Test
  void theFirstAdminIsCreatedOnlyOnAnEmptyDatabase() {
    assertThat(accounts.createFirstAdmin()).isPresent();
    assertThat(accounts.createFirstAdmin()).isEmpty();
  }

  @Test
  void refusesBadAndTakenNames() {
    accounts.create("ivan", Role.OBSERVER, "admin");
    assertThatThrownBy(() -> accounts.create("ivan", Role.OBSERVER, "admin"))
        .isInstanceOfSatisfying(
            Accounts.AccountException.class,
            e -> assertThat(e.key()).isEqualTo("error.username-taken"));
    assertThatThrownBy(() -> accounts.create("Іван", Role.OBSERVER, "admin"))
        .isInstanceOfSatisfying(
            Accounts.AccountException.class, e -> assertThat(e.key()).isEqualTo("error.username"));
  }

  @Test
  void remembersTheLanguageAndJournalsIt() {
    String pw = accounts.create("maria", Role.NEGOTIATOR, "admin");
    User u = ((Accounts.Login.Ok) accounts.login("maria", pw)).user();
    accounts.setLocale(u.id(), "ru", "maria");
    assertThat(accounts.find(u.id()).orElseThrow().locale()).isEqualTo("ru");
    assertThatThrownBy(() -> accounts.setLocale(u.id(), "de", "maria"))
        .isInstanceOf(Accounts.AccountException.class);
    assertThat(
            new Journal(db.jdbi(), clock)
                .find(Journal.Filter.forEntity("user", String.valueOf(u.id())), 0, 10))
        .extracting(e -> e.action())
        .containsExactly("user.locale", "user.create");
  }

  @Test
  void aDisabledAccountCannotLogInAndAResetPasswordReplacesTheOld() {
    String pw = accounts.create("taras", Role.REGISTRAR, "admin");
    accounts.create("admin", Role.ADMIN, "system");
    accounts.setEnabled("taras", false, "admin");
    assertThat(accounts.login("taras", pw)).isInstanceOf(Accounts.Login.Refused.class);
    assertThat(accounts.find("taras")).isEmpty();
    // a disabled account's name is still its own
    assertThatThrownBy(() -> accounts.create("taras", Role.OBSERVER, "admin"))
        .isInstanceOf(Accounts.AccountException.class);
    accounts.setEnabled("taras", false, "admin"); // again: nothing to do
    accounts.setEnabled("taras", true, "admin");
    assertThat(accounts.login("taras", pw)).isInstanceOf(Accounts.Login.Ok.class);
    String fresh = accounts.resetPassword("taras", "admin");
    assertThat(accounts.login("taras", pw)).isInstanceOf(Accounts.Login.Refused.class);
    assertThat(accounts.login("taras", fresh)).isInstanceOf(Accounts.Login.Ok.class);
    // never the last administrator; never an account that is not there
    assertThatThrownBy(() -> accounts.setEnabled("admin", false, "admin"))
        .isInstanceOf(Accounts.AccountException.class)
        .extracting(e -> ((Accounts.AccountException) e).key())
        .isEqualTo("error.last-admin");
    assertThatThrownBy(() -> accounts.resetPassword("ghost", "admin"))
        .isInstanceOf(Accounts.AccountException.class);
    long journaled =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(*) FROM journal WHERE action IN ('user.disable',"
                                + " 'user.enable', 'user.password')")
                        .mapTo(Long.class)
                        .one());
    assertThat(journaled).isEqualTo(3);
  }
}
