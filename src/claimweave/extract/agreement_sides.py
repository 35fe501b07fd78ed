"""Sides of an agreement told before its own sentence: a story that shows two sides negotiating
("Bulgaria is negotiating with Gazprom ...", "Talks between Iran and the EU resumed ...") and then
speaks of "the current agreements" or "the deal" without naming anyone means those two.

Only a definite mention with no side of its own takes them, and only from the few sentences
before it: a story moves on, and an indefinite "a deal" may be anyone's.

An agreement signed at a meeting ("four accords will be signed at the summit") is between the
sides of that meeting, where the text writes them on it: "the first EU-Ukraine summit", "talks
between Seoul and Tokyo" (on the meeting itself or at an earlier mention of it).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimweave.extract.agreement_arguments import SIDE_LABELS
from claimweave.extract.agreement_people import Party, PeopleResolver, proper_noun_party
from claimweave.extract.agreement_side_shapes import countries, hyphen_pairs
from claimweave.extract.agreement_terms import spells
from claimweave.extract.titles import affiliation_name
from claimweave.models import DocEntity

_AT = ("at", "during")
_WINNING = ("win", "secure", "land", "obtain", "receive")  # "won an order from X"
_WON_DEALS = ("order", "contract", "deal", "agreement", "tender")  # what is won from someone
_SIDELINES = ("sidelines", "sideline", "margins", "margin", "fringes", "fringe")
_ADOPTING = {"pass", "adopt", "approve", "endorse", "sign", "conclude", "produce", "yield"}


class NegotiatingSides:
    """Finds the pair a sentence shows negotiating, in one Doc."""

    def __init__(
        self, doc: Doc, entities: list[DocEntity], people: PeopleResolver, *,
        verbs: set[str], nouns: set[str], events: set[str] = frozenset(), trades: set[str] = frozenset(),
    ) -> None:
        self.doc, self.people = doc, people
        self.verbs, self.nouns, self.events, self.trades = verbs, nouns, events, trades
        # Names by their first token, so that a name the small NER missed but the entity component
        # found ("the gas monopoly Gazprom") is known too.
        self.names: dict[int, tuple[int, int, str, str]] = {}
        for e in entities:
            if e.label not in SIDE_LABELS:
                continue
            for m in e.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    for t in span:
                        self.names[t.i] = (m.start, m.end, m.text, e.id)

    def pair(self, sent: Span) -> list[Party]:
        """The two or more sides a sentence shows negotiating, agreeing or in talks, or []."""
        for tok in sent:
            sides = self._frame(tok)
            if len(sides) == 1:
                # "a meeting between the two sides": the pair the story named before
                restated = self.people.pair(sides[0])
                if len(restated) == 2:
                    return [Party(p.start, p.end, p.text, p.entity_id, "party.negotiating") for p in restated]
            if len(sides) < 2:
                continue
            # (a company the small model took for a person is a side of a trade: "won an order from Greek
            # shipowner Kostamar Navigation")
            traded = bool(self._trade(tok))
            parties = [self.side(t) or (self.people.person(t, "party.negotiating") if traded and t.pos_ == "PROPN" else None) for t in sides]
            if all(p is not None for p in parties) and len({p.text.lower() for p in parties}) == len(parties):
                return parties
        return []

    def at_event(self, head: Token) -> list[Party]:
        """The sides of the meeting an agreement (its head token) is signed or reached at, or []."""
        # (through "were to be signed at": the parser may hang the list on "were", the place on "signed")
        verbs = [v for a in [head, *head.ancestors] for v in [a] + [c for c in a.children if c.dep_ == "xcomp"]]
        places = [g for a in verbs for c in a.children if c.dep_ == "prep" and c.lower_ in _AT + ("on",) for g in c.children if g.dep_ == "pobj"]
        # "on the margins of the X-Y summit"
        places = [x for g in places for x in ([g] if g.lower_ not in _SIDELINES else [o for p in g.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"])]
        event = next((g for g in places if g.lemma_.lower() in self.events or g.lower_ in self.events), None)
        if event is None:
            return self._adopted_by_event(head)
        found = self._event_pair(event)
        if found or not any(c.dep_ == "det" and c.lower_ == "the" for c in event.children):
            return found
        # "at the summit": the one the story named before
        for t in reversed(self.doc[: event.i]):
            if t.lemma_.lower() == event.lemma_.lower() and t.pos_ == "NOUN":
                found = self._event_pair(t)
                if found:
                    return found
        return []

    def _adopted_by_event(self, head: Token) -> list[Party]:
        """"The summit also passed three agreements": a meeting that adopts an agreement, held by one
        organisation ("the 13th ASEAN summit", "a summit of the African Union"), has it as its party;
        "the summit" is the one the story named before."""
        verb = head.head if head.dep_ in ("dobj", "nsubjpass") else None
        if verb is None or verb.lemma_.lower() not in _ADOPTING:
            return []
        event = next((c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in self.events), None)
        if event is None:
            return []
        found = self._event_pair(event) or self._event_host(event)
        if found or not any(c.dep_ == "det" and c.lower_ == "the" for c in event.children):
            return found
        for t in reversed(self.doc[: event.i]):
            if t.lower_ == event.lower_ and t.pos_ in ("NOUN", "PROPN"):
                found = self._event_pair(t) or self._event_host(t)
                if found:
                    return found
        return []

    def _event_host(self, event: Token) -> list[Party]:
        """The one organisation whose meeting it is: named on it ("the SAARC summit", "the Association of
        X (AX) Summit") or after it ("a summit of the African Union")."""
        hosts = [c for c in event.children if c.dep_ in ("compound", "nmod") and c.i < event.i]
        hosts += [g for c in event.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        # (the parser often leaves a name written before the meeting word unattached to it, and an
        # acronym in brackets may come between: "the Association for X (AX) Summit")
        i = event.i - 1
        if i >= 2 and self.doc[i].text == ")" and self.doc[i - 2].text == "(":
            hosts.append(self.doc[i - 1])
            i -= 3
        if i >= 0 and self.doc[i].pos_ == "PROPN":
            hosts.append(self.doc[i])
        names = {self.names[t.i] for t in hosts if t.i in self.names}
        orgs = [n for n in names if self.doc.char_span(n[0], n[1], alignment_mode="expand").root.ent_type_ not in ("GPE", "LOC")]
        orgs = [n for n in orgs if not any(spells(n[2], o[2]) for o in orgs if o is not n)]  # "AX" restates "Association for X"
        if len(orgs) != 1:
            return []
        start, end, text, eid = orgs[0]
        return [Party(start, end, text, eid, "party.event_host")]

    def _event_pair(self, event: Token) -> list[Party]:
        """"the EU-Ukraine summit", "talks between Seoul and Tokyo": the two sides written on a meeting."""
        for a, b in hyphen_pairs(list(self.doc[event.left_edge.i : event.i])):
            if self._state_or_body(a) and self._state_or_body(b):
                return [self._token_party(t) for t in (a, b)]
        between = [g for c in event.children if c.dep_ == "prep" and c.lower_ == "between" for g in c.children if g.dep_ == "pobj"]
        members = self._members(between)
        parties = [self.side(t) for t in members]
        if len(parties) == 2 and all(p is not None for p in parties) and parties[0].text.lower() != parties[1].text.lower():
            return [Party(p.start, p.end, p.text, p.entity_id, "party.event") for p in parties]
        return []

    @staticmethod
    def _state_or_body(tok: Token) -> bool:
        return tok.ent_type_ in SIDE_LABELS or affiliation_name(tok.text) in countries()

    def _token_party(self, tok: Token) -> Party:
        if tok.i in self.names:
            start, end, text, eid = self.names[tok.i]
            if start == tok.idx and end == tok.idx + len(tok.text):
                return Party(start, end, text, eid, "party.event")
        return Party(tok.idx, tok.idx + len(tok.text), tok.text, None, "party.event")

    def _frame(self, tok: Token) -> list[Token]:
        """"X negotiates/is in talks with Y", "X and Y began talks/agreed", "talks between X and Y"."""
        if tok.lemma_.lower() in self.nouns and tok.pos_ == "NOUN":
            between = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "between" for g in c.children if g.dep_ == "pobj"]
            if between:
                return self._members(between)
        if tok.pos_ not in ("VERB", "AUX"):
            return []
        traded = self._trade(tok)
        if traded:
            return traded
        talk_nouns = [
            c for c in tok.children
            if c.lemma_.lower() in self.nouns and (c.dep_ == "dobj" or c.dep_ == "attr")
        ] + [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in self.nouns]
        if tok.lemma_.lower() not in self.verbs and not talk_nouns:
            return []
        if any(c.dep_ == "neg" for c in tok.children):
            return []
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subjects and tok.dep_ == "conj":
            subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]  # "X took control and agreed to ..."
        if len(subjects) != 1:
            return []
        withs = [g for h in [tok] + talk_nouns for c in h.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
        if tok.lemma_.lower() == "agree":
            # "X agreed to pay 7 billion dollars to Y", "agreed to buy the stake from Y": the other side of the trade
            trades = [c for c in tok.children if c.dep_ == "xcomp" and c.lemma_.lower() in self.trades]
            withs += [g for v in trades for c in v.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "from", "with") for g in c.children if g.dep_ == "pobj"]
        return self._members(subjects) + self._members(withs)

    def _trade(self, tok: Token) -> list[Token]:
        """"X has won an order from Y for six ships", "secured a contract from Y": who wins a deal from whom
        (by "from", "to" or "with", on the verb or its object)."""
        # (an order or a contract won, not any sale: "Iran sold oil to China last year. The nuclear agreement ...")
        if tok.lemma_.lower() not in _WINNING or any(c.dep_ == "neg" for c in tok.children):
            return []
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in _WON_DEALS for c in tok.children):
            return []
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if len(subjects) != 1:
            return []
        holders = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
        others = [g for h in holders for c in h.children if c.dep_ in ("prep", "dative") and c.lower_ in ("from", "to", "with") for g in c.children if g.dep_ == "pobj"]
        return self._members(subjects) + self._members(others[:1]) if others else []

    @staticmethod
    def _members(tokens: list[Token]) -> list[Token]:
        return [m for t in tokens for m in [t, *t.conjuncts] if m.i >= t.i]

    def side(self, tok: Token) -> Party | None:
        """A side: a name of a state, group or company (the whole name), or a body written with one."""
        if tok.i in self.names:
            return self.proper_name(tok)
        if tok.pos_ == "NOUN":
            # "the gas company Itera": the name set off after a describing noun, whatever the NER took it for
            named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if named is not None:
                return self.proper_name(named)
            # "the consortium led by Shell": the group as written, up to its leader's name
            leader = next((g for c in tok.children if c.dep_ == "acl" and c.lemma_ == "lead" for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
            if leader is not None:
                name = self.proper_name(leader)
                start = tok.left_edge.idx
                return Party(start, name.end, self.doc.text[start : name.end], None, "party.negotiating")
        if tok.pos_ == "PROPN" and not tok.ent_type_ and not tok.is_sent_start and tok.text[:1].isupper():
            return self.proper_name(tok)  # a company name the NER missed ("the gas monopoly Gazprom")
        side = self.people.side(tok, SIDE_LABELS)
        return Party(side.start, side.end, side.text, side.entity_id, "party.negotiating") if side is not None else None

    def proper_name(self, tok: Token) -> Party:
        """A known name as the entity component found it; else the token with the proper nouns compounded on it."""
        if tok.i in self.names:
            start, end, text, eid = self.names[tok.i]
            return Party(start, end, text, eid, "party.negotiating")
        return proper_noun_party(tok, "party.negotiating")
