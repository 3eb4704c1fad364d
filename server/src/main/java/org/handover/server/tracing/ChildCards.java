package org.handover.server.tracing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.agreements.Provision;
import org.handover.server.agreements.Agreements;
import org.handover.server.journal.Journal;
import org.handover.server.journal.Journal.Change;
import org.handover.server.storage.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What is learnt of a child after its request: changes to its card, its photograph, and what its
 * case belongs to (a named-list provision, a commitment); each change journaled in its transaction.
 */
public final class ChildCards {
  /** The largest photograph kept: a scan or a camera's picture, not an archive. */
  public static final int MOST_PHOTO_BYTES = 5 * 1024 * 1024;

  /**
   * A commitment a case may belong to: one whose fulfilment counts reunifications; what it says, by
   * language (uk, en, ru).
   */
  public record Commitment(String reference, Map<String, String> what) {}

  /**
   * The reunification commitments of the negotiation record, as the negotiations feature has them.
   */
  public interface Commitments {
    List<Commitment> all();
  }

  /** A named-list provision a case may belong to ({@code AGREEMENT:NUMBER}), as forms offer it. */
  public record NamedList(String reference, String agreement, int number) {}

  /** A photograph kept with a case. */
  public record Photo(long id, String fileName, String mediaType, byte[] content) {}

  private final Jdbi jdbi;
  private final Journal journal;
  private final Clock clock;
  private final Commitments commitments;

  public ChildCards(Jdbi jdbi, Journal journal, Clock clock, Commitments commitments) {
    this.jdbi = jdbi;
    this.journal = journal;
    this.clock = clock;
    this.commitments = commitments;
  }

  public List<Commitment> commitments() {
    return commitments.all();
  }

  /** The card as it stands: each field's latest change, else what the family gave; none empty. */
  public static Map<CardField, String> current(Handle h, long child) {
    Map<CardField, String> card = new EnumMap<>(CardField.class);
    h.createQuery(
            "SELECT health, blood_group, document_dates, left_on, left_at FROM sought_children"
                + " WHERE id = :c")
        .bind("c", child)
        .mapToMap()
        .findOne()
        .ifPresent(
            r -> {
              for (CardField f : CardField.values()) {
                f.column().map(r::get).map(Object::toString).ifPresent(v -> card.put(f, v));
              }
            });
    h.createQuery(
            "SELECT DISTINCT ON (field) field, value FROM child_card_changes WHERE child_id = :c"
                + " ORDER BY field, id DESC")
        .bind("c", child)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(e -> card.put(CardField.fromKey(e.getKey()), e.getValue()));
    card.values().removeIf(String::isEmpty);
    return card;
  }

  /**
   * The children whose cases belonged to a commitment ({@code round/key}) at the end of a day
   * (UTC), as the links then stood.
   */
  public static List<Long> belongingTo(Handle h, String commitment, LocalDate on) {
    return h.createQuery(
            "SELECT child_id FROM (SELECT DISTINCT ON (child_id) child_id, value FROM"
                + " child_card_changes WHERE field = 'commitment' AND changed_at < :until ORDER BY"
                + " child_id, id DESC) l WHERE value = :r ORDER BY child_id")
        .bind("r", commitment)
        .bind(
            "until",
            on.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli())
        .mapTo(Long.class)
        .list();
  }

  static void store(Handle h, long child, CardField f, String value, String actor, long at) {
    h.createUpdate(
            "INSERT INTO child_card_changes (child_id, field, value, changed_by, changed_at)"
                + " VALUES (:c, :f, :v, :by, :at)")
        .bind("c", child)
        .bind("f", f.key())
        .bind("v", value)
        .bind("by", actor)
        .bind("at", at)
        .execute();
  }

  /**
   * Changes fields of a child's card (an empty value clears one); fields given as they stand are
   * left alone.
   *
   * @return how many fields changed
   * @throws TracingException for a field no edit sets, or a value that is not one
   */
  public int change(long child, Map<CardField, String> values, String actor) {
    return change(child, values, Map.of(), actor);
  }

  /**
   * As {@link #change(long, Map, String)}, from a form that showed {@code shown}: refused when one
   * of the fields it changes was changed by someone else since.
   */
  public int change(
      long child, Map<CardField, String> values, Map<CardField, String> shown, String actor) {
    LocalDate today = LocalDate.now(clock);
    Map<CardField, String> checked = new EnumMap<>(CardField.class);
    values.forEach(
        (f, v) -> {
          if (!f.edited()) {
            throw new TracingException("error.tracing.card-field", f.key());
          }
          checked.put(f, f.checked(v, today));
        });
    return jdbi.inTransaction(
        h -> {
          Tracing.lockedState(h, child); // the card changes one at a time
          Map<CardField, String> was = current(h, child);
          stale(was, checked.keySet(), shown);
          Map<String, String> before = new LinkedHashMap<>();
          Map<String, String> now = new LinkedHashMap<>();
          long at = clock.millis();
          checked.forEach(
              (f, v) -> {
                String old = was.getOrDefault(f, "");
                if (!old.equals(v)) {
                  store(h, child, f, v, actor, at);
                  before.put(f.key(), old);
                  now.put(f.key(), v);
                }
              });
          if (!now.isEmpty()) {
            journal.append(
                h,
                Change.by(actor, "tracing.card")
                    .on("tracing-child", String.valueOf(child))
                    .was(Json.write(before))
                    .now(Json.write(now)));
          }
          return now.size();
        });
  }

  /** Refuses a change made on a form that showed what no longer stands. */
  private static void stale(
      Map<CardField, String> was, java.util.Set<CardField> changing, Map<CardField, String> shown) {
    for (CardField f : changing) {
      if (shown.containsKey(f) && !shown.get(f).strip().equals(was.getOrDefault(f, ""))) {
        throw new TracingException("error.tracing.card-stale");
      }
    }
  }

  /**
   * Says what a child's case belongs to: a named-list provision ({@code AGREEMENT:NUMBER}) and a
   * reunification commitment ({@code round/key}); an empty value ends a link, an absent one keeps
   * it.
   *
   * @throws TracingException for a provision that is not a named list, or an unknown commitment
   */
  public void link(
      long child, Optional<String> provision, Optional<String> commitment, String actor) {
    link(child, provision, commitment, Map.of(), actor);
  }

  /**
   * As {@link #link(long, Optional, Optional, String)}, from a form that showed {@code shown}:
   * refused when a link it changes was changed by someone else since.
   */
  public void link(
      long child,
      Optional<String> provision,
      Optional<String> commitment,
      Map<CardField, String> shown,
      String actor) {
    Optional<String> p = provision.map(String::strip);
    Optional<String> k = commitment.map(String::strip);
    k.filter(s -> !s.isEmpty())
        .filter(s -> commitments.all().stream().noneMatch(c -> c.reference().equals(s)))
        .ifPresent(
            s -> {
              throw new TracingException("error.tracing.commitment", s);
            });
    jdbi.useTransaction(
        h -> {
          Tracing.lockedState(h, child); // the card changes one at a time
          p.filter(s -> !s.isEmpty()).ifPresent(s -> namedList(h, s));
          Map<CardField, String> was = current(h, child);
          java.util.Set<CardField> changing = java.util.EnumSet.noneOf(CardField.class);
          p.ifPresent(x -> changing.add(CardField.PROVISION));
          k.ifPresent(x -> changing.add(CardField.COMMITMENT));
          stale(was, changing, shown);
          Map<String, String> before = new LinkedHashMap<>();
          Map<String, String> now = new LinkedHashMap<>();
          long at = clock.millis();
          Map<CardField, Optional<String>> asked = new EnumMap<>(CardField.class);
          asked.put(CardField.PROVISION, p);
          asked.put(CardField.COMMITMENT, k);
          for (Map.Entry<CardField, Optional<String>> e : asked.entrySet()) {
            if (e.getValue().isPresent()
                && !e.getValue().get().equals(was.getOrDefault(e.getKey(), ""))) {
              store(h, child, e.getKey(), e.getValue().get(), actor, at);
              before.put(e.getKey().key(), was.getOrDefault(e.getKey(), ""));
              now.put(e.getKey().key(), e.getValue().get());
            }
          }
          if (!now.isEmpty()) {
            journal.append(
                h,
                Change.by(actor, "tracing.link")
                    .on("tracing-child", String.valueOf(child))
                    .was(Json.write(before))
                    .now(Json.write(now)));
          }
        });
  }

  private static void namedList(Handle h, String reference) {
    String[] part = reference.split(":", -1);
    try {
      if (part.length == 2) {
        long agreement = Long.parseLong(part[0]);
        int number = Integer.parseInt(part[1]);
        Optional<Provision> found =
            Agreements.find(h, agreement)
                .flatMap(
                    a ->
                        a.provisions().stream()
                            .filter(n -> n.number() == number)
                            .map(n -> n.provision())
                            .findFirst());
        if (found.isPresent() && found.get() instanceof Provision.NamedList) {
          return;
        }
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new TracingException("error.tracing.provision", reference);
  }

  /**
   * Keeps a photograph with the case: a PNG or JPEG file of at most {@link #MOST_PHOTO_BYTES}.
   *
   * @throws TracingException for another kind of file, an empty or a too large one
   */
  public long photo(long child, String fileName, byte[] content, String actor) {
    if (content.length == 0 || content.length > MOST_PHOTO_BYTES) {
      throw new TracingException("error.tracing.photo-size", MOST_PHOTO_BYTES >> 20);
    }
    String type = mediaType(content);
    String name = fileName.length() <= 200 ? fileName : fileName.substring(0, 200);
    String sha = sha256(content);
    return jdbi.inTransaction(
        h -> {
          Tracing.lockedState(h, child); // the card changes one at a time
          long id =
              h.createUpdate(
                      "INSERT INTO child_photos (child_id, file_name, media_type, content, sha256,"
                          + " added_by, added_at) VALUES (:c, :n, :t, :b, :s, :by, :at)")
                  .bind("c", child)
                  .bind("n", name)
                  .bind("t", type)
                  .bind("b", content)
                  .bind("s", sha)
                  .bind("by", actor)
                  .bind("at", clock.millis())
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          journal.append(
              h,
              Change.by(actor, "tracing.photo")
                  .on("tracing-child", String.valueOf(child))
                  .now(Json.write(Map.of("file", name, "sha256", sha, "bytes", content.length))));
          return id;
        });
  }

  /** The newest photograph of a child. */
  public Optional<Photo> photo(long child) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, file_name, media_type, content FROM child_photos WHERE child_id ="
                        + " :c ORDER BY id DESC LIMIT 1")
                .bind("c", child)
                .map(
                    (rs, ctx) ->
                        new Photo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .findOne());
  }

  /** PNG or JPEG, known by their first bytes whatever the file's name says. */
  static String mediaType(byte[] b) {
    if (b.length > 8
        && (b[0] & 0xFF) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == 0x0D
        && b[5] == 0x0A) {
      return "image/png";
    }
    if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return "image/jpeg";
    }
    throw new TracingException("error.tracing.photo-type");
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
