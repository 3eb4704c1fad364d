package org.handover.server.briefing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.negotiations.Commitment;
import org.handover.core.negotiations.Delegation;
import org.handover.core.negotiations.DisputedFigure;
import org.handover.core.negotiations.Document;
import org.handover.core.negotiations.Implementation;
import org.handover.core.negotiations.Position;
import org.handover.core.negotiations.Proposal;
import org.handover.core.negotiations.Round;
import org.handover.core.negotiations.RoundRecord;
import org.handover.core.parties.Party;
import org.handover.core.parties.PartyBook;
import org.handover.server.agreements.Agreement;
import org.handover.server.agreements.ProvisionWords;
import org.handover.server.briefing.Briefing.Ref;
import org.handover.server.briefing.Briefing.Section;
import org.handover.server.briefing.Briefing.Sentence;
import org.handover.server.i18n.Messages;
import org.handover.server.negotiations.Fulfilment;
import org.handover.server.negotiations.StoredRound;

/** Writes a round's briefing in one language from its record and its commitments' states. */
final class BriefingWriter {
  private final Messages m;
  private final PartyBook parties;
  private final String lang;

  BriefingWriter(Messages m, PartyBook parties) {
    this.m = m;
    this.parties = parties;
    this.lang = m.language();
  }

  Briefing write(
      StoredRound stored,
      Optional<StoredRound> previous,
      Map<String, Agreement> agreements,
      List<Fulfilment.State> states,
      LocalDate asOf,
      double intermediate) {
    RoundRecord r = stored.record();
    Round round = r.round();
    List<Section> sections = new ArrayList<>();
    sections.add(met(r, previous));
    sections.add(questions(r, agreements, states));
    sections.add(agreed(r, agreements));
    sections.add(commitments(states, agreements, asOf));
    sections.add(documents(r));
    sections.add(positions(r));
    if (!r.figures().isEmpty()) {
      sections.add(figures(r));
    }
    List<String> notes =
        List.of(
            m.get("briefing.note.scale", Math.round(intermediate * 100)),
            m.get("briefing.note.ledger", day(asOf)),
            m.get("briefing.note.generated"));
    return new Briefing(
        lang,
        round.key(),
        asOf,
        m.get("briefing.title"),
        m.get(
            "briefing.subtitle",
            round.number(),
            day(round.date()),
            round.venue().in(lang),
            day(asOf)),
        sections.stream().filter(s -> !s.sentences().isEmpty() || !s.table().isEmpty()).toList(),
        notes);
  }

  /** ICU formats dates from java.util.Date in the default zone: start of that day there. */
  static Date day(LocalDate d) {
    return Date.from(d.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }

  private String party(Party p) {
    return parties.name(p, lang);
  }

  private Section met(RoundRecord r, Optional<StoredRound> previous) {
    Round round = r.round();
    List<Sentence> s = new ArrayList<>();
    s.add(
        Sentence.of(
            round.host().isPresent()
                ? m.get(
                    "briefing.met.hosted",
                    round.number(),
                    day(round.date()),
                    round.venue().in(lang),
                    party(round.host().get()))
                : m.get("briefing.met", round.number(), day(round.date()), round.venue().in(lang)),
            Ref.item(round.key())));
    for (Delegation d : r.delegations()) {
      s.add(
          Sentence.of(
              m.get(
                  "briefing.delegation",
                  party(d.party()),
                  d.head().name().in(lang),
                  d.head().post().in(lang),
                  d.members().size()),
              Ref.item(d.key())));
    }
    if (!round.mediators().isEmpty()) {
      s.add(
          Sentence.of(
              m.get(
                  "briefing.mediators",
                  String.join(", ", round.mediators().stream().map(this::party).toList())),
              Ref.item(round.key())));
    }
    previous.ifPresent(
        p ->
            s.add(
                Sentence.of(
                    m.get(
                        "briefing.previous",
                        p.record().round().number(),
                        day(p.record().round().date()),
                        p.record().round().venue().in(lang)),
                    new Ref(p.key(), "/rounds/" + p.key()))));
    return new Section("met", m.get("briefing.section.met"), s, List.of());
  }

  private Section questions(
      RoundRecord r, Map<String, Agreement> agreements, List<Fulfilment.State> states) {
    List<Sentence> s = new ArrayList<>();
    Map<Proposal.Topic, List<Proposal>> byTopic = new LinkedHashMap<>();
    r.proposals().forEach(p -> byTopic.computeIfAbsent(p.topic(), t -> new ArrayList<>()).add(p));
    byTopic.forEach(
        (topic, proposals) -> {
          List<String> answers = new ArrayList<>();
          List<Ref> refs = new ArrayList<>();
          for (Proposal p : proposals) {
            refs.add(Ref.item(p.key()));
            List<Position> positions = r.positionsOn(p.key());
            positions.forEach(x -> refs.add(Ref.item(x.key())));
            answers.add(
                m.get(
                    "briefing.answer",
                    party(p.by()),
                    p.summary().in(lang),
                    positions.isEmpty() ? m.get("briefing.answer.none") : stances(positions)));
          }
          s.add(
              new Sentence(
                  m.get("briefing.question." + topic.key().replace('-', '_'))
                      + " "
                      + String.join(" ", answers),
                  refs,
                  false));
        });
    if (!r.agreements().isEmpty()) {
      int provisions = r.agreements().stream().mapToInt(a -> a.provisions().size()).sum();
      s.add(
          new Sentence(
              m.get("briefing.question.agreed", r.agreements().size(), provisions),
              r.agreements().stream().map(a -> Ref.item(a.key())).toList(),
              false));
    }
    if (!states.isEmpty()) {
      long overdue = states.stream().filter(Fulfilment.State::overdue).count();
      long full = states.stream().filter(x -> x.state() == Implementation.FULL).count();
      s.add(
          new Sentence(
              m.get("briefing.question.due", states.size(), full, overdue),
              states.stream().map(x -> Ref.item(x.commitment().key())).toList(),
              overdue > 0));
    }
    return new Section("questions", m.get("briefing.section.questions"), s, List.of());
  }

  private String stances(List<Position> positions) {
    List<String> words = new ArrayList<>();
    for (Position p : positions) {
      words.add(
          m.get(
              "briefing.stance." + p.stance().key().replace('-', '_'),
              party(p.party()),
              day(p.on())));
    }
    return String.join("; ", words);
  }

  private Section agreed(RoundRecord r, Map<String, Agreement> agreements) {
    ProvisionWords words = new ProvisionWords(m, parties);
    List<Sentence> s = new ArrayList<>();
    r.agreements()
        .forEach(
            a -> {
              Agreement stored = agreements.get(a.key());
              String number = stored == null ? "—" : String.valueOf(stored.id());
              List<Ref> refs = new ArrayList<>(List.of(Ref.item(a.key())));
              if (stored != null) {
                refs.add(new Ref(m.get("briefing.ref.agreement", number), "/agreements/" + number));
              }
              s.add(
                  new Sentence(
                      m.get("briefing.agreement", number, a.title().in(lang), day(a.date())),
                      refs,
                      false));
              for (int i = 0; i < a.provisions().size(); i++) {
                s.add(
                    new Sentence(
                        m.get("briefing.provision", i + 1, words.of(a.provisions().get(i))),
                        refs,
                        false));
              }
            });
    return new Section("agreed", m.get("briefing.section.agreed"), s, List.of());
  }

  private Section commitments(
      List<Fulfilment.State> states, Map<String, Agreement> agreements, LocalDate asOf) {
    List<Sentence> s = new ArrayList<>();
    for (Fulfilment.State x : states) {
      Commitment c = x.commitment();
      StringBuilder t = new StringBuilder();
      t.append(party(c.party())).append(": ").append(c.what().in(lang));
      t.append(
          c.deadline().isPresent()
              ? m.get("briefing.deadline", day(c.deadline().get()))
              : m.get("briefing.no-deadline"));
      t.append(' ');
      if (x.done().isPresent() && x.due().isPresent()) {
        t.append(
            m.get(
                "briefing.done-of",
                x.done().getAsLong(),
                x.due().getAsLong(),
                day(asOf),
                x.percent()));
      } else if (x.done().isPresent()) {
        t.append(m.get("briefing.done", x.done().getAsLong(), day(asOf)));
      } else if (x.basis() == Fulfilment.Basis.NOTHING_RECORDED) {
        t.append(m.get("briefing.nothing-recorded", day(asOf)));
      }
      t.append(' ').append(m.get("briefing.state", m.get("implementation." + x.state().key())));
      x.evidence()
          .ifPresent(
              e -> t.append(' ').append(m.get("briefing.evidence", e.evidence(), day(e.on()))));
      if (x.overdue()) {
        t.append(' ').append(m.get("briefing.overdue"));
      }
      List<Ref> refs = new ArrayList<>(List.of(Ref.item(c.key())));
      ledger(c, agreements).ifPresent(refs::add);
      s.add(new Sentence(t.toString().strip(), refs, x.overdue()));
    }
    return new Section("commitments", m.get("briefing.section.commitments"), s, List.of());
  }

  /** The ledger a commitment is counted from, as the page that shows it. */
  private Optional<Ref> ledger(Commitment c, Map<String, Agreement> agreements) {
    if (c.link() instanceof Commitment.Link.ToProvision t
        && agreements.containsKey(t.agreement())) {
      long id = agreements.get(t.agreement()).id();
      return Optional.of(
          new Ref(m.get("briefing.ref.agreement", String.valueOf(id)), "/agreements/" + id));
    } else if (c.link() instanceof Commitment.Link.ToRemains) {
      return Optional.of(new Ref(m.get("briefing.ref.remains"), "/remains"));
    } else if (c.link() instanceof Commitment.Link.ToReunifications) {
      return Optional.of(new Ref(m.get("briefing.ref.tracing"), "/tracing"));
    } else if (c.link() instanceof Commitment.Link.ToRosters) {
      return Optional.of(new Ref(m.get("briefing.ref.rosters"), "/rosters"));
    }
    return Optional.empty();
  }

  private Section documents(RoundRecord r) {
    List<Sentence> s = new ArrayList<>();
    for (Document d : r.documents()) {
      StringBuilder t =
          new StringBuilder(
              m.get(
                  d.handedOn().isPresent() ? "briefing.document" : "briefing.document.undated",
                  d.handedOn().map(BriefingWriter::day).orElse(null),
                  party(d.from()),
                  party(d.to()),
                  m.get("document.kind." + d.kind().key().replace('-', '_')),
                  d.title().in(lang),
                  d.parts().size()));
      for (int i = 0; i < d.parts().size(); i++) {
        t.append(' ').append(m.get("briefing.part", i + 1, d.parts().get(i).in(lang)));
      }
      d.reviewDays()
          .ifPresent(
              days ->
                  t.append(' ')
                      .append(
                          m.get(
                              "briefing.review",
                              party(d.to()),
                              days,
                              day(d.reviewUntil(r.round().date()).get()))));
      s.add(Sentence.of(t.toString(), Ref.item(d.key())));
    }
    return new Section("documents", m.get("briefing.section.documents"), s, List.of());
  }

  private Section positions(RoundRecord r) {
    List<Sentence> s = new ArrayList<>();
    for (Proposal p : r.proposals()) {
      List<Position> on = r.positionsOn(p.key());
      StringBuilder t =
          new StringBuilder(m.get("briefing.proposal", party(p.by()), p.summary().in(lang)));
      p.terms().days().ifPresent(d -> t.append(' ').append(m.get("briefing.terms.days", d)));
      p.terms()
          .extensionDays()
          .ifPresent(d -> t.append(' ').append(m.get("briefing.terms.extension", d)));
      if (p.terms().from().isPresent() && p.terms().until().isPresent()) {
        t.append(' ')
            .append(
                m.get(
                    "briefing.terms.window",
                    day(p.terms().from().get()),
                    day(p.terms().until().get())));
      }
      if (!p.terms().venues().isEmpty()) {
        t.append(' ')
            .append(
                m.get(
                    "briefing.terms.venues",
                    String.join(", ", p.terms().venues().stream().map(v -> v.in(lang)).toList())));
      }
      List<Ref> refs = new ArrayList<>(List.of(Ref.item(p.key())));
      for (Position x : on) {
        refs.add(Ref.item(x.key()));
        t.append(' ')
            .append(
                m.get(
                    "briefing.position",
                    m.get(
                        "briefing.stance." + x.stance().key().replace('-', '_'),
                        party(x.party()),
                        day(x.on())),
                    x.quote().map(q -> m.get("briefing.quote", q.in(lang))).orElse(""),
                    x.source().in(lang)));
      }
      if (on.isEmpty()) {
        t.append(' ').append(m.get("briefing.answer.none"));
      }
      s.add(new Sentence(t.toString().replace("  ", " "), refs, false));
    }
    return new Section("positions", m.get("briefing.section.positions"), s, List.of());
  }

  /** Disputed figures side by side: one column per party that stated one. */
  private Section figures(RoundRecord r) {
    List<Party> sides = new ArrayList<>();
    r.figures()
        .forEach(
            f ->
                f.statements()
                    .forEach(
                        x -> {
                          if (!sides.contains(x.party())) {
                            sides.add(x.party());
                          }
                        }));
    List<List<String>> table = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of(m.get("briefing.figure.subject")));
    sides.forEach(p -> header.add(party(p)));
    table.add(header);
    List<Sentence> s = new ArrayList<>();
    for (DisputedFigure f : r.figures()) {
      List<String> row = new ArrayList<>(List.of(f.subject().in(lang)));
      List<String> stated = new ArrayList<>();
      for (Party side : sides) {
        List<String> cell = new ArrayList<>();
        for (DisputedFigure.Statement x : f.statements()) {
          if (x.party().equals(side)) {
            cell.add(
                m.get("briefing.figure", x.figure().in(lang), x.source().in(lang), day(x.on())));
            stated.add(party(side) + ": " + cell.get(cell.size() - 1));
          }
        }
        row.add(cell.isEmpty() ? "—" : String.join("; ", cell));
      }
      table.add(row);
      s.add(
          Sentence.of(
              m.get("briefing.figure.sentence", f.subject().in(lang), String.join("; ", stated)),
              Ref.item(f.key())));
    }
    return new Section("figures", m.get("briefing.section.figures"), s, table);
  }
}
