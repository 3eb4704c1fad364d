package org.handover.server.negotiations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.handover.core.Keys;
import org.handover.core.Refused;
import org.handover.core.agreements.Provision;
import org.handover.core.agreements.Selection;
import org.handover.core.agreements.Subject;
import org.handover.core.negotiations.AgreementRecord;
import org.handover.core.negotiations.Commitment;
import org.handover.core.negotiations.Delegation;
import org.handover.core.negotiations.DisputedFigure;
import org.handover.core.negotiations.Document;
import org.handover.core.negotiations.Position;
import org.handover.core.negotiations.Proposal;
import org.handover.core.negotiations.Round;
import org.handover.core.negotiations.RoundRecord;
import org.handover.core.negotiations.Text;
import org.handover.core.parties.Party;
import org.handover.core.rosters.Purpose;
import org.handover.server.i18n.Messages;

/**
 * Reads a negotiation record: UTF-8 JSON, checked against the schema, then against itself (keys
 * named once, positions on proposals of the record, commitments on its agreements' provisions).
 * Every problem names its place in the document.
 */
public final class RecordReader {
  static final SchemaCheck SCHEMA =
      SchemaCheck.load("/negotiations/negotiation-record.schema.json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What a file gave: the record and its document, or the problems, in the reader's words. */
  public record Read(Optional<RoundRecord> record, JsonNode document, List<String> problems) {}

  private final Messages m;
  private final List<String> problems = new ArrayList<>();

  private RecordReader(Messages m) {
    this.m = m;
  }

  public static Read read(byte[] bytes, Messages m) {
    return new RecordReader(m).read(bytes);
  }

  private Read read(byte[] bytes) {
    JsonNode doc;
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
      doc = MAPPER.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      return failed(m.get("record.not-utf8"));
    } catch (JsonProcessingException e) {
      return failed(
          m.get(
              "record.not-json",
              e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
              e.getLocation() == null ? 0 : e.getLocation().getColumnNr()));
    }
    if (doc == null || doc.isMissingNode()) {
      return failed(m.get("record.empty"));
    }
    for (SchemaCheck.Violation v : SCHEMA.check(doc)) {
      problems.add(where(v.path()) + m.get(v.key(), v.args().toArray()));
    }
    if (!problems.isEmpty()) {
      return new Read(Optional.empty(), doc, List.copyOf(problems));
    }
    RoundRecord r = record(doc);
    return new Read(
        problems.isEmpty() ? Optional.of(r) : Optional.empty(), doc, List.copyOf(problems));
  }

  private Read failed(String problem) {
    return new Read(Optional.empty(), MAPPER.nullNode(), List.of(problem));
  }

  private String where(String path) {
    return (path.isEmpty() ? m.get("record.at-root") : m.get("record.at", path)) + ": ";
  }

  private RoundRecord record(JsonNode d) {
    JsonNode r = d.get("round");
    Round round;
    try {
      round =
          new Round(
              r.get("key").asText(),
              r.get("number").asInt(),
              date(r.get("date")),
              text(r.get("venue")),
              party(r, "host"),
              parties(r.path("mediators")),
              optional(r, "previous"));
    } catch (IllegalArgumentException e) {
      problems.add(where("/round") + refusal(e));
      return null;
    }
    if (round.previous().filter(round.key()::equals).isPresent()) {
      problems.add(where("/round/previous") + m.get("record.previous-itself"));
    }
    Set<String> keys = new HashSet<>(Set.of(round.key())); // the round's key is an item's too
    List<Delegation> delegations = new ArrayList<>();
    each(d, "delegations", keys, (n, at) -> delegations.add(delegation(n)));
    List<Document> documents = new ArrayList<>();
    each(d, "documents", keys, (n, at) -> documents.add(document(n)));
    List<Proposal> proposals = new ArrayList<>();
    each(d, "proposals", keys, (n, at) -> proposals.add(proposal(n, at)));
    Set<String> proposalKeys = new HashSet<>();
    proposals.forEach(p -> proposalKeys.add(p.key()));
    List<Position> positions = new ArrayList<>();
    each(
        d,
        "positions",
        keys,
        (n, at) -> {
          if (!proposalKeys.contains(n.get("proposal").asText())) {
            problems.add(
                where(at + "/proposal") + m.get("record.no-proposal", n.get("proposal").asText()));
            return;
          }
          positions.add(position(n));
        });
    List<AgreementRecord> agreements = new ArrayList<>();
    each(d, "agreements", keys, (n, at) -> agreement(n, at).ifPresent(agreements::add));
    List<Commitment> commitments = new ArrayList<>();
    each(
        d,
        "commitments",
        keys,
        (n, at) -> commitment(n, at, agreements).ifPresent(commitments::add));
    List<DisputedFigure> figures = new ArrayList<>();
    each(d, "figures", keys, (n, at) -> figures.add(figure(n)));
    if (!problems.isEmpty()) {
      return null;
    }
    return new RoundRecord(
        round, delegations, documents, proposals, positions, agreements, commitments, figures);
  }

  private interface ItemReader {
    void read(JsonNode item, String at);
  }

  private void each(JsonNode d, String list, Set<String> keys, ItemReader reader) {
    JsonNode items = d.path(list);
    for (int i = 0; i < items.size(); i++) {
      JsonNode n = items.get(i);
      String at = "/" + list + "/" + i;
      if (!keys.add(n.get("key").asText())) {
        problems.add(where(at + "/key") + m.get("record.key-twice", n.get("key").asText()));
        continue;
      }
      try {
        reader.read(n, at);
      } catch (IllegalArgumentException e) {
        problems.add(where(at) + refusal(e));
      }
    }
  }

  /** A refusal in the reader's words; any other error as its own words, after ours. */
  private String refusal(IllegalArgumentException e) {
    return e instanceof Refused ? m.refusal(e) : m.get("record.item-refused", e.getMessage());
  }

  private Delegation delegation(JsonNode n) {
    List<Delegation.Member> members = new ArrayList<>();
    n.path("members").forEach(x -> members.add(member(x)));
    return new Delegation(
        n.get("key").asText(), Party.of(n.get("party").asText()), member(n.get("head")), members);
  }

  private static Delegation.Member member(JsonNode n) {
    return new Delegation.Member(text(n.get("name")), text(n.get("post")));
  }

  private static Document document(JsonNode n) {
    List<Text> parts = new ArrayList<>();
    n.path("parts").forEach(x -> parts.add(text(x)));
    return new Document(
        n.get("key").asText(),
        Keys.parse(Document.Kind.class, n.get("kind").asText(), "kind"),
        Party.of(n.get("from").asText()),
        Party.of(n.get("to").asText()),
        n.has("handedOn") ? Optional.of(date(n.get("handedOn"))) : Optional.empty(),
        text(n.get("title")),
        parts,
        n.has("reviewDays") ? Optional.of(n.get("reviewDays").asInt()) : Optional.empty());
  }

  private Proposal proposal(JsonNode n, String at) {
    Optional<LocalDate> from = n.has("from") ? Optional.of(date(n.get("from"))) : Optional.empty();
    Optional<LocalDate> until =
        n.has("until") ? Optional.of(date(n.get("until"))) : Optional.empty();
    if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
      throw new Refused("record.window", written(until.get()), written(from.get()));
    }
    List<Text> venues = new ArrayList<>();
    n.path("venues").forEach(x -> venues.add(text(x)));
    return new Proposal(
        n.get("key").asText(),
        Party.of(n.get("by").asText()),
        Keys.parse(Proposal.Topic.class, n.get("topic").asText(), "topic"),
        text(n.get("summary")),
        new Proposal.Terms(
            n.has("days") ? Optional.of(n.get("days").asInt()) : Optional.empty(),
            n.has("extensionDays") ? Optional.of(n.get("extensionDays").asInt()) : Optional.empty(),
            from,
            until,
            venues));
  }

  private static String written(LocalDate d) {
    return org.handover.server.i18n.Days.written(d);
  }

  private static Position position(JsonNode n) {
    return new Position(
        n.get("key").asText(),
        Party.of(n.get("party").asText()),
        n.get("proposal").asText(),
        Keys.parse(Position.Stance.class, n.get("stance").asText(), "stance"),
        n.has("quote") ? Optional.of(text(n.get("quote"))) : Optional.empty(),
        text(n.get("source")),
        date(n.get("on")));
  }

  private Optional<AgreementRecord> agreement(JsonNode n, String at) {
    List<Party> parties = List.copyOf(new java.util.LinkedHashSet<>(parties(n.get("parties"))));
    if (parties.size() < 2) {
      problems.add(where(at + "/parties") + m.get("record.agreement-parties"));
      return Optional.empty();
    }
    List<Provision> provisions = new ArrayList<>();
    JsonNode ps = n.get("provisions");
    for (int i = 0; i < ps.size(); i++) {
      try {
        Provision p = provision(ps.get(i));
        if (p instanceof Provision.Unilateral u && !parties.contains(u.from())) {
          problems.add(
              where(at + "/provisions/" + i + "/unilateral/from")
                  + m.get("record.unilateral-from", u.from().code()));
          continue;
        }
        provisions.add(p);
      } catch (IllegalArgumentException e) {
        problems.add(where(at + "/provisions/" + i) + refusal(e));
      }
    }
    if (provisions.size() < ps.size()) {
      return Optional.empty();
    }
    return Optional.of(
        new AgreementRecord(
            n.get("key").asText(), text(n.get("title")), date(n.get("date")), parties, provisions));
  }

  private static Provision provision(JsonNode n) {
    if (n.has("allForAll")) {
      return new Provision.AllForAll(selections(n.get("allForAll").path("select")));
    } else if (n.has("nForN")) {
      JsonNode q = n.get("nForN");
      return new Provision.NForN(
          q.get("quota").asInt(), q.path("extension").asInt(0), selections(q.path("select")));
    }
    JsonNode u = n.get("unilateral");
    return new Provision.Unilateral(
        Party.of(u.get("from").asText()),
        u.get("count").asInt(),
        Keys.parse(Subject.class, u.get("subject").asText(), "subject"));
  }

  private static List<Selection> selections(JsonNode select) {
    List<Selection> s = new ArrayList<>();
    select.forEach(x -> s.add(Selection.parse(x.asText())));
    return s;
  }

  private Optional<Commitment> commitment(JsonNode n, String at, List<AgreementRecord> agreements) {
    JsonNode l = n.path("link");
    Commitment.Link link = new Commitment.Link.ByHand();
    if (l.has("provision")) {
      String a = l.get("provision").get("agreement").asText();
      int number = l.get("provision").get("number").asInt();
      Optional<AgreementRecord> found =
          agreements.stream().filter(x -> x.key().equals(a)).findFirst();
      if (found.isEmpty()) {
        problems.add(where(at + "/link/provision/agreement") + m.get("record.no-agreement", a));
        return Optional.empty();
      }
      if (number > found.get().provisions().size()) {
        problems.add(
            where(at + "/link/provision/number")
                + m.get("record.no-provision", a, found.get().provisions().size()));
        return Optional.empty();
      }
      link = new Commitment.Link.ToProvision(a, number);
    } else if (l.has("remains")) {
      link = new Commitment.Link.ToRemains();
    } else if (l.has("reunifications")) {
      link = new Commitment.Link.ToReunifications();
    } else if (l.has("rosters")) {
      link =
          new Commitment.Link.ToRosters(
              Keys.parse(Purpose.class, l.get("rosters").asText(), "rosters"));
    }
    if (!(link instanceof Commitment.Link.ToProvision)
        && !(link instanceof Commitment.Link.ByHand)
        && !(link instanceof Commitment.Link.ToRosters)
        && !n.has("quantity")) {
      problems.add(where(at + "/quantity") + m.get("record.quantity-needed"));
      return Optional.empty();
    }
    return Optional.of(
        new Commitment(
            n.get("key").asText(),
            Party.of(n.get("party").asText()),
            text(n.get("what")),
            n.has("quantity") ? Optional.of(n.get("quantity").asLong()) : Optional.empty(),
            n.has("deadline") ? Optional.of(date(n.get("deadline"))) : Optional.empty(),
            link));
  }

  private static DisputedFigure figure(JsonNode n) {
    List<DisputedFigure.Statement> statements = new ArrayList<>();
    n.get("statements")
        .forEach(
            s ->
                statements.add(
                    new DisputedFigure.Statement(
                        Party.of(s.get("party").asText()),
                        text(s.get("figure")),
                        text(s.get("source")),
                        date(s.get("on")))));
    return new DisputedFigure(n.get("key").asText(), text(n.get("subject")), statements);
  }

  private static Text text(JsonNode n) {
    return new Text(n.get("uk").asText(), n.get("en").asText(), n.get("ru").asText());
  }

  private static LocalDate date(JsonNode n) {
    return LocalDate.parse(n.asText());
  }

  private static Optional<Party> party(JsonNode n, String field) {
    return n.has(field) ? Optional.of(Party.of(n.get(field).asText())) : Optional.empty();
  }

  private static Optional<String> optional(JsonNode n, String field) {
    return n.has(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
  }

  private static List<Party> parties(JsonNode n) {
    List<Party> p = new ArrayList<>();
    n.forEach(x -> p.add(Party.of(x.asText())));
    return p;
  }
}
