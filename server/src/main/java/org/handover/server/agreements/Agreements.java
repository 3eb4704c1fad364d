package org.handover.server.agreements;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.agreements.Provision;
import org.handover.core.agreements.Selection;
import org.handover.core.agreements.Subject;
import org.handover.core.parties.Party;
import org.handover.core.parties.PartyBook;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Stores agreements and their provisions, each change journaled with the rows it left. */
public final class Agreements {
  static final int MAX_TITLE = 400;
  private final Jdbi jdbi;
  private final Journal journal;
  private final Clock clock;

  public Agreements(Jdbi jdbi, Journal journal, Clock clock) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.clock = clock;
    journal.audit(AgreementAudit.AGREEMENTS);
  }

  /**
   * Records an agreement between {@code parties} (at least two, each known to this installation).
   *
   * @throws AgreementException naming what is wrong; nothing is stored then
   */
  public long add(
      String title, LocalDate signedOn, List<Party> parties, PartyBook book, String actor) {
    String t = title == null ? "" : title.strip();
    if (t.isEmpty()) {
      throw new AgreementException("error.agreement.title");
    }
    if (t.length() > MAX_TITLE) {
      throw new AgreementException("error.agreement.title-long", MAX_TITLE);
    }
    List<Party> distinct = List.copyOf(new LinkedHashSet<>(parties));
    if (distinct.size() < 2) {
      throw new AgreementException("error.agreement.parties");
    }
    for (Party p : distinct) {
      if (!book.knows(p)) {
        throw new AgreementException("error.agreement.party-unknown", p.code());
      }
    }
    return jdbi.inTransaction(h -> add(h, t, signedOn, distinct, actor));
  }

  /**
   * As {@link #add(String, LocalDate, List, PartyBook, String)}, inside a caller's transaction (a
   * round's record that creates its agreements); the title and parties are the caller's to check.
   */
  public long add(Handle h, String t, LocalDate signedOn, List<Party> distinct, String actor) {
    long now = clock.millis();
    long id =
        h.createUpdate(
                "INSERT INTO agreements (title, signed_on, created_by, created_at)"
                    + " VALUES (:t, :d, :by, :at)")
            .bind("t", t)
            .bind("d", signedOn)
            .bind("by", actor)
            .bind("at", now)
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    for (int i = 0; i < distinct.size(); i++) {
      h.createUpdate(
              "INSERT INTO agreement_parties (agreement_id, position, party)"
                  + " VALUES (:a, :p, :c)")
          .bind("a", id)
          .bind("p", i)
          .bind("c", distinct.get(i).code())
          .execute();
    }
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("title", t);
    state.put("signed_on", signedOn.toString());
    state.put("parties", distinct.stream().map(Party::code).toList());
    journal.append(
        h,
        Change.by(actor, "agreement.create")
            .on("agreement", String.valueOf(id))
            .now(Json.write(state)));
    return id;
  }

  /**
   * Adds a provision; returns its number.
   *
   * @throws AgreementException for an agreement that does not exist, a unilateral provision from a
   *     party not in it, or a named list that is not a complete roster
   */
  public int addProvision(long agreementId, Provision p, String actor) {
    return jdbi.inTransaction(h -> addProvision(h, agreementId, p, actor));
  }

  /** As {@link #addProvision(long, Provision, String)}, inside a caller's transaction. */
  public int addProvision(Handle h, long agreementId, Provision p, String actor) {
    Agreement a =
        find(h, agreementId)
            .orElseThrow(() -> new AgreementException("error.agreement.none", agreementId));
    for (Selection s : p.selections()) {
      for (Party held : s.heldBy()) {
        if (h.createQuery("SELECT count(*) FROM parties WHERE code = :c")
                .bind("c", held.code())
                .mapTo(Long.class)
                .one()
            == 0) {
          throw new AgreementException("error.agreement.party-unknown", held.code());
        }
      }
    }
    if (p instanceof Provision.Unilateral u && !a.parties().contains(u.from())) {
      throw new AgreementException("error.provision.from", u.from().code(), agreementId);
    }
    if (p instanceof Provision.NamedList l
        && h.createQuery("SELECT count(*) FROM rosters WHERE id = :r AND state = 'complete'")
                .bind("r", l.rosterId())
                .mapTo(Long.class)
                .one()
            == 0) {
      throw new AgreementException("error.provision.roster", l.rosterId());
    }
    // the agreement's row is the lock that numbers its provisions one at a time
    h.createQuery("SELECT id FROM agreements WHERE id = :a FOR UPDATE")
        .bind("a", agreementId)
        .mapTo(Long.class)
        .one();
    int number =
        h.createQuery("SELECT coalesce(max(number), 0) + 1 FROM provisions WHERE agreement_id = :a")
            .bind("a", agreementId)
            .mapTo(Integer.class)
            .one();
    Stored s = Stored.of(p);
    h.createUpdate(
            "INSERT INTO provisions (agreement_id, number, kind, selections, quota, extension,"
                + " from_party, head_count, subject, roster_id, created_by, created_at)"
                + " VALUES (:a, :n, :kind, :sel, :quota, :ext, :from, :count, :subject,"
                + " :roster, :by, :at)")
        .bind("a", agreementId)
        .bind("n", number)
        .bind("kind", p.kind())
        .bind("sel", s.selections())
        .bind("quota", s.quota())
        .bind("ext", s.extension())
        .bind("from", s.from())
        .bind("count", s.count())
        .bind("subject", s.subject())
        .bind("roster", s.roster())
        .bind("by", actor)
        .bind("at", clock.millis())
        .execute();
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("provision", number);
    state.put("kind", p.kind());
    if (!s.selections().isEmpty()) {
      state.put("selections", s.selections());
    }
    journal.append(
        h,
        Change.by(actor, "agreement.provision")
            .on("agreement", String.valueOf(agreementId))
            .now(Json.write(state)));
    return number;
  }

  public Optional<Agreement> find(long id) {
    return jdbi.withHandle(h -> find(h, id));
  }

  /** Every agreement, the latest signed first. */
  public List<Agreement> list() {
    return jdbi.withHandle(
        h -> {
          List<Long> ids =
              h.createQuery("SELECT id FROM agreements ORDER BY signed_on DESC, id DESC")
                  .mapTo(Long.class)
                  .list();
          List<Agreement> all = new ArrayList<>();
          for (long id : ids) {
            find(h, id).ifPresent(all::add);
          }
          return all;
        });
  }

  /** An agreement as a caller's transaction sees it. */
  public static Optional<Agreement> find(Handle h, long id) {
    Optional<Map<String, Object>> row =
        h.createQuery("SELECT title, signed_on FROM agreements WHERE id = :id")
            .bind("id", id)
            .mapToMap()
            .findOne();
    if (row.isEmpty()) {
      return Optional.empty();
    }
    List<Party> parties =
        h.createQuery(
                "SELECT party FROM agreement_parties WHERE agreement_id = :id ORDER BY position")
            .bind("id", id)
            .map((rs, ctx) -> Party.of(rs.getString(1)))
            .list();
    List<Agreement.Numbered> provisions =
        h.createQuery("SELECT * FROM provisions WHERE agreement_id = :id ORDER BY number")
            .bind("id", id)
            .map((rs, ctx) -> new Agreement.Numbered(rs.getInt("number"), Stored.read(rs)))
            .list();
    return Optional.of(
        new Agreement(
            id,
            (String) row.get().get("title"),
            ((java.sql.Date) row.get().get("signed_on")).toLocalDate(),
            parties,
            provisions));
  }

  /** A provision as its columns hold it. */
  record Stored(
      String selections,
      Integer quota,
      Integer extension,
      String from,
      Integer count,
      String subject,
      Long roster) {
    static Stored of(Provision p) {
      String sel = String.join("\n", p.selections().stream().map(Selection::toString).toList());
      if (p instanceof Provision.NForN n) {
        return new Stored(sel, n.quota(), n.extension(), null, null, null, null);
      }
      if (p instanceof Provision.Unilateral u) {
        return new Stored("", null, null, u.from().code(), u.count(), u.subject().key(), null);
      }
      if (p instanceof Provision.NamedList l) {
        return new Stored("", null, null, null, null, null, l.rosterId());
      }
      return new Stored(sel, null, null, null, null, null, null);
    }

    static Provision read(java.sql.ResultSet rs) throws java.sql.SQLException {
      String text = rs.getString("selections");
      List<Selection> selections =
          text.isEmpty()
              ? List.of()
              : Arrays.stream(text.split("\n")).map(Selection::parse).toList();
      return switch (rs.getString("kind")) {
        case "n-for-n" ->
            new Provision.NForN(rs.getInt("quota"), rs.getInt("extension"), selections);
        case "unilateral" ->
            new Provision.Unilateral(
                Party.of(rs.getString("from_party")),
                rs.getInt("head_count"),
                org.handover.core.Keys.parse(Subject.class, rs.getString("subject"), "subject"));
        case "named-list" -> new Provision.NamedList(rs.getLong("roster_id"));
        default -> new Provision.AllForAll(selections);
      };
    }
  }
}
