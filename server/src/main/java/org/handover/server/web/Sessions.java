package org.handover.server.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Browser sessions: a random token in an HttpOnly, SameSite=Strict cookie, and per session the user
 * (0 before login), the CSRF token every form must carry, and the chosen language. Signed-in
 * sessions are also kept in the database under the token's hash, so that a restart signs nobody
 * out; a visitor's session before login lives in memory only.
 */
public final class Sessions {
  public static final String COOKIE = "handover_session";
  static final Duration IDLE = Duration.ofHours(8);

  /** A visitor who never logs in keeps a session this long: enough to fill in the login form. */
  static final Duration ANONYMOUS_IDLE = Duration.ofMinutes(30);

  private static final SecureRandom RANDOM = new SecureRandom();

  /** One session; {@code userId} is 0 until a login succeeds. */
  public record Session(
      String token,
      long userId,
      String csrf,
      String language,
      long lastSeenMillis,
      long openedMillis) {
    Session touch(long now) {
      return new Session(token, userId, csrf, language, now, openedMillis);
    }
  }

  /**
   * Anonymous sessions kept at most (each a few hundred bytes): a flood of login pages ends here.
   */
  static final int MOST_ANONYMOUS = 50_000;

  private final AtomicInteger anonymous = new AtomicInteger();

  /** How stale the stored last-seen time may be: a page view writes at most once a minute. */
  static final long TOUCH_MILLIS = 60_000;

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;
  private final AtomicInteger created = new AtomicInteger();
  private final Optional<org.jdbi.v3.core.Jdbi> store;

  Sessions(Clock clock) {
    this(clock, null);
  }

  Sessions(Clock clock, org.jdbi.v3.core.Jdbi store) {
    this.clock = clock;
    this.store = Optional.ofNullable(store);
  }

  public Optional<Session> find(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Session s = sessions.get(token);
    if (s == null) {
      s = load(token).orElse(null); // signed in before the server restarted
    }
    long now = clock.millis();
    if (s == null) {
      return Optional.empty(); // a token nobody was given: nothing to forget
    }
    if (expired(s, now)) {
      remove(token);
      return Optional.empty();
    }
    Session touched = s.touch(now);
    sessions.put(token, touched);
    if (s.userId() != 0 && now - s.lastSeenMillis() > TOUCH_MILLIS) {
      save(touched);
    }
    return Optional.of(touched);
  }

  private Optional<Session> load(String token) {
    return store.flatMap(
        jdbi ->
            jdbi.withHandle(
                h ->
                    h.createQuery("SELECT * FROM web_sessions WHERE token_hash = :t")
                        .bind("t", hash(token))
                        .map(
                            (rs, ctx) ->
                                new Session(
                                    token,
                                    rs.getLong("user_id"),
                                    rs.getString("csrf"),
                                    rs.getString("language"),
                                    rs.getLong("last_seen"),
                                    rs.getLong("opened")))
                        .findOne()));
  }

  private void save(Session s) {
    store.ifPresent(
        jdbi ->
            jdbi.useHandle(
                h ->
                    h.createUpdate(
                            "INSERT INTO web_sessions (token_hash, user_id, csrf, language,"
                                + " last_seen, opened) VALUES (:t, :u, :c, :l, :s, :o)"
                                + " ON CONFLICT (token_hash) DO UPDATE SET language = :l,"
                                + " last_seen = :s")
                        .bind("t", hash(s.token()))
                        .bind("u", s.userId())
                        .bind("c", s.csrf())
                        .bind("l", s.language())
                        .bind("s", s.lastSeenMillis())
                        .bind("o", s.openedMillis())
                        .execute()));
  }

  private static String hash(String token) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  private static boolean expired(Session s, long now) {
    return now - s.lastSeenMillis() > (s.userId() == 0 ? ANONYMOUS_IDLE : IDLE).toMillis();
  }

  public Session create(long userId, String language) {
    if (created.getAndIncrement() % 1000 == 0) {
      long now = clock.millis();
      sessions
          .values()
          .removeIf(
              old -> expired(old, now)); // so that visitors who never come back do not pile up
      store.ifPresent(
          jdbi ->
              jdbi.useHandle(
                  h ->
                      h.createUpdate("DELETE FROM web_sessions WHERE last_seen < :before")
                          .bind("before", now - IDLE.toMillis())
                          .execute()));
    }
    if (userId == 0 && anonymous.incrementAndGet() > MOST_ANONYMOUS) {
      long now = clock.millis();
      sessions.values().removeIf(old -> old.userId() == 0 && expired(old, now));
      if (sessions.values().stream().filter(x -> x.userId() == 0).count() > MOST_ANONYMOUS) {
        // still full: the oldest login pages give way (their visitors reload the page)
        sessions.values().removeIf(old -> old.userId() == 0);
      }
      anonymous.set((int) sessions.values().stream().filter(x -> x.userId() == 0).count());
    }
    long now = clock.millis();
    Session s = new Session(random(), userId, random(), language, now, now);
    sessions.put(s.token(), s);
    if (userId != 0) {
      save(s);
    }
    return s;
  }

  public Session withLanguage(Session s, String language) {
    Session changed =
        new Session(s.token(), s.userId(), s.csrf(), language, clock.millis(), s.openedMillis());
    sessions.put(s.token(), changed);
    if (s.userId() != 0) {
      save(changed);
    }
    return changed;
  }

  public void remove(String token) {
    if (token == null) {
      return;
    }
    sessions.remove(token);
    store.ifPresent(
        jdbi ->
            jdbi.useHandle(
                h ->
                    h.createUpdate("DELETE FROM web_sessions WHERE token_hash = :t")
                        .bind("t", hash(token))
                        .execute()));
  }

  private static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
