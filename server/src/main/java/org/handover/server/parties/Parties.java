package org.handover.server.parties;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.parties.Party;
import org.handover.core.parties.PartyBook;
import org.handover.core.parties.PartyKind;
import org.handover.core.parties.PartyProfile;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.storage.Json;
import org.handover.server.storage.StorageException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The parties this installation knows, and its own (a setting; none for an intermediary's
 * installation). Each change is journaled in its transaction.
 *
 * <pre>{@code
 * parties.add(new PartyProfile(Party.of("MD"), PartyKind.MEDIATOR, "Молдова", "Moldova", "Молдова"), "admin");
 * parties.choose(Optional.of(Party.of("UA")), "admin");
 * parties.book().counterpart();  // RU
 * }</pre>
 */
public final class Parties {
  static final String OWN = "own_party";
  private final Jdbi jdbi;
  private final Journal journal;
  private final Clock clock;

  public Parties(Jdbi jdbi, Journal journal, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.clock = clock;
    journal.audit(PartyAudit.PARTIES);
    journal.audit(PartyAudit.OWN_PARTY);
  }

  public List<PartyProfile> list() {
    return jdbi.withHandle(Parties::list);
  }

  /** Every party and this installation's own, read together. */
  public PartyBook book() {
    return jdbi.withHandle(h -> new PartyBook(list(h), own(h)));
  }

  public Optional<Party> own() {
    return jdbi.withHandle(Parties::own);
  }

  /**
   * Whether the installation's own party was ever chosen (an intermediary chooses none, which
   * counts).
   */
  public boolean chosen() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM settings WHERE setting_name = :n")
                    .bind("n", OWN)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  public void add(PartyProfile p, String actor) {
    jdbi.useTransaction(
        h -> {
          if (h.createQuery("SELECT count(*) FROM parties WHERE code = :c")
                  .bind("c", p.code())
                  .mapTo(Integer.class)
                  .one()
              > 0) {
            throw new PartyExistsException(p.party());
          }
          h.createUpdate(
                  "INSERT INTO parties (code, kind, name_uk, name_en, name_ru, created_at)"
                      + " VALUES (:c, :k, :uk, :en, :ru, :at)")
              .bind("c", p.code())
              .bind("k", p.kind().key())
              .bind("uk", p.nameUk())
              .bind("en", p.nameEn())
              .bind("ru", p.nameRu())
              .bind("at", clock.millis())
              .execute();
          journal.append(
              h, Change.by(actor, "party.add").on("party", p.code()).now(Json.write(state(p))));
        });
  }

  /** Makes a party this installation's own, or none (an intermediary's installation). */
  public void choose(Optional<Party> party, String actor) {
    jdbi.useTransaction(
        h -> {
          party.ifPresent(
              p -> {
                if (list(h).stream().noneMatch(x -> x.party().equals(p))) {
                  throw new StorageException("party: no party has the code " + p.code());
                }
              });
          Optional<String> before =
              h.createQuery("SELECT setting_value FROM settings WHERE setting_name = :n")
                  .bind("n", OWN)
                  .mapTo(String.class)
                  .findOne();
          String after = party.map(Party::code).orElse("");
          h.createUpdate("DELETE FROM settings WHERE setting_name = :n").bind("n", OWN).execute();
          h.createUpdate("INSERT INTO settings (setting_name, setting_value) VALUES (:n, :v)")
              .bind("n", OWN)
              .bind("v", after)
              .execute();
          journal.append(
              h,
              Change.by(actor, "party.own")
                  .on("installation", "own-party")
                  .was(before.map(b -> Json.write(Map.of("own", b))).orElse(""))
                  .now(Json.write(Map.of("own", after))));
        });
  }

  private static List<PartyProfile> list(Handle h) {
    return h.createQuery("SELECT * FROM parties ORDER BY code")
        .map(
            (rs, ctx) ->
                new PartyProfile(
                    Party.of(rs.getString("code")),
                    PartyKind.fromKey(rs.getString("kind")),
                    rs.getString("name_uk"),
                    rs.getString("name_en"),
                    rs.getString("name_ru")))
        .list();
  }

  private static Optional<Party> own(Handle h) {
    return h.createQuery("SELECT setting_value FROM settings WHERE setting_name = :n")
        .bind("n", OWN)
        .mapTo(String.class)
        .findOne()
        .filter(s -> !s.isBlank())
        .map(Party::of);
  }

  private static Map<String, Object> state(PartyProfile p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", p.kind().key());
    m.put("name_uk", p.nameUk());
    m.put("name_en", p.nameEn());
    m.put("name_ru", p.nameRu());
    return m;
  }

  /**
   * What a user's party is stored as: "" for this installation's own (also "ours"); another known
   * party only when it is a mediator or an intermediary, whose staff work beside ours.
   *
   * @throws MemberRefused naming why, as a message key and the code
   */
  public String memberCode(String code) {
    if (code.isBlank() || code.equalsIgnoreCase("ours")) {
      return "";
    }
    PartyBook book = book();
    Party party;
    try {
      party = Party.of(code.strip());
    } catch (IllegalArgumentException e) {
      throw new MemberRefused("error.party.unknown", code);
    }
    if (book.own().equals(Optional.of(party))) {
      return "";
    }
    PartyProfile profile =
        book.find(party).orElseThrow(() -> new MemberRefused("error.party.unknown", code));
    if (profile.kind() == PartyKind.BELLIGERENT) {
      throw new MemberRefused("error.party.member-belligerent", profile.code());
    }
    return profile.code();
  }

  /** A user's party refused: unknown, or another party to the conflict. */
  public static final class MemberRefused extends IllegalArgumentException {
    private final String key;

    MemberRefused(String key, String code) {
      super(code);
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /** A party with that code is already known. */
  public static final class PartyExistsException extends StorageException {
    public PartyExistsException(Party party) {
      super("party: " + party.code() + " is already known");
    }
  }
}
