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
 * Browser sessions, held in memory: a random token in an HttpOnly, SameSite=Strict cookie, and per
 * session the user (0 before login), the CSRF token every form must carry, and the chosen language.
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

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;
  private final AtomicInteger created = new AtomicInteger();

  Sessions(Clock clock) {
    this.clock = clock;
  }

  public Optional<Session> find(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Session s = sessions.get(token);
    long now = clock.millis();
    if (s == null || expired(s, now)) {
      sessions.remove(token);
      return Optional.empty();
    }
    Session touched = s.touch(now);
    sessions.put(token, touched);
    return Optional.of(touched);
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
    return s;
  }

  public Session withLanguage(Session s, String language) {
    Session changed =
        new Session(s.token(), s.userId(), s.csrf(), language, clock.millis(), s.openedMillis());
    sessions.put(s.token(), changed);
    return changed;
  }

  public void remove(String token) {
    sessions.remove(token);
  }

  private static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
