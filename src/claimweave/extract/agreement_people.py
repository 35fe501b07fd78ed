"""Parties an agreement's text names through people and groups: a signatory stands for the state or
organisation he or she acts for ("signed by Iraqi Deputy Prime Minister Tariq Aziz" -> Iraq, "Iraq's
Saddam Hussein ... accepted the treaty" -> Iraq), and "the two countries" stands for the last pair
of states the article coordinated ("Russia and Ukraine share ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc, Span, Token

from claimweave import patterns

from claimweave.extract.agreement_terms import same_name, verb_above
from claimweave.extract.titles import affiliation_name, title_lexicon
from claimweave.models import DocEntity, Role

# A group noun and the entity labels of the pair it restates.
STATE_LABELS = ("GPE", "NORP")
COMPANY_LABELS = ("ORG",)
PAIR_NOUNS = {
    "country": STATE_LABELS, "nation": STATE_LABELS, "state": STATE_LABELS, "government": STATE_LABELS,
    "president": STATE_LABELS, "leader": STATE_LABELS, "neighbor": STATE_LABELS, "neighbour": STATE_LABELS,
    "premier": STATE_LABELS, "minister": STATE_LABELS, "capital": STATE_LABELS,
    "company": COMPANY_LABELS, "firm": COMPANY_LABELS, "bank": COMPANY_LABELS, "group": COMPANY_LABELS,
    "concern": COMPANY_LABELS, "carrier": COMPANY_LABELS, "agency": COMPANY_LABELS, "ministry": COMPANY_LABELS,
    "organisation": COMPANY_LABELS, "organization": COMPANY_LABELS, "institution": COMPANY_LABELS,
    "side": STATE_LABELS + COMPANY_LABELS, "party": STATE_LABELS + COMPANY_LABELS,
}
SIGNING_DEPS = ("nsubj", "nsubjpass")
# titles of players and staff the model may take into a person's name
_PERSON_TITLES = frozenset(("striker", "midfielder", "defender", "goalkeeper", "forward", "winger", "coach", "manager", "captain", "boss"))
_PAIR_WINDOW = 5  # sentences before "the two countries" that may name the pair
# (words of a public body's name: who rules on a deal between companies, not one of them)
_PUBLIC_BODY_WORDS = frozenset((
    "commission", "authority", "agency", "ministry", "department", "court", "tribunal", "regulator", "parliament",
    "senate", "congress", "government", "council", "bureau", "office", "board",
))
_PLACE_PREPS = frozenset(("in", "at", "near", "from", "to", "across", "outside"))
# words after a state's name or adjective that make a leader one of a group within it ("Sudanese rebel
# leader", "Kenyan opposition leader"), not of the state
_NON_STATE_WORDS = frozenset((
    "rebel", "rebels", "opposition", "militant", "militants", "separatist", "guerrilla", "guerrillas", "insurgent",
    "party", "union", "militia", "tribal", "clan", "faction", "religious", "business", "student", "labour", "labor",
))


class CapitalTable(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str
    capitals: dict[str, str]


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Capital cities and the countries they stand for ("Washington" -> United States), from
    ``patterns/places/capitals.json``."""
    return patterns.load("places/capitals.json", CapitalTable).capitals


def capital_of(city: str, state: str) -> bool:
    """True when a side written as a city ("Jakarta") is the capital of a state named as another side
    ("Indonesia", "Indonesian"): the same side twice."""
    # (the state itself, not a group named after it: "the main faction of the Sudan Liberation Movement")
    country = capitals().get(city.strip())
    return country is not None and affiliation_name(state) == country


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """The country names the nationality lexicon maps its demonyms and abbreviations to."""
    return frozenset(title_lexicon().nationalities.values())

# Between two names written as a pair: "and", after an acronym in brackets ("X (XA) and Y").
_JOINED = re.compile(r"\s*(?:\([A-Za-z.&-]{2,12}\)\s*)?and\s+(?:the\s+)?")
LEADERS_BODIES = {"administration", "government", "regime", "cabinet"}
# Bodies that act for the name written on them ("Nepal's government", "Maoist leaders", "Kurdish rebels").
SIDE_BODIES = {
    "government", "administration", "authorities", "leader", "leadership", "rebel", "militia", "faction",
    "official", "delegation", "negotiator", "force", "movement", "regime", "cabinet", "party",
}


@dataclass(frozen=True)
class Party:
    """A party found through a person or a group: the characters that name it and its entity id."""

    start: int
    end: int
    text: str
    entity_id: str | None
    rule: str


def proper_noun_party(token: Token, rule: str) -> Party:
    """A proper noun with the proper nouns compounded on it, as a party, whatever the NER took it for
    ("the Cowboys", "the Tigers")."""
    doc, first = token.doc, token.i
    while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].pos_ == "PROPN" and doc[first - 1].head.i == token.i:
        first -= 1
    span = doc[first : token.i + 1]
    return Party(span.start_char, span.end_char, span.text, None, rule)


def _agents(verb: Token) -> list[Token]:
    """Who a passive verb says did it ("signed by X"), with every person named in the agent phrase
    ("signed by Indian prime minister X and Pakistani president Y": the parser may hang the first person
    inside the second one's titles)."""
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return agents + [t for g in agents for t in g.subtree if t.ent_type_ == "PERSON" and t.dep_ in ("appos", "conj") and (t.head.pos_ == "NOUN" or t.head.ent_type_ == "PERSON") and t is not g]


class PeopleResolver:
    """Maps people and "the two X" to the states or organisations they stand for, in one Doc."""

    def __init__(self, doc: Doc, entities: list[DocEntity], roles: list[Role], text: str) -> None:
        self.doc, self.text = doc, text
        self.entity_at = {(m.start, m.end): e for e in entities for m in e.mentions}
        self.person_of = {m.start: e.id for e in entities if e.label == "PERSON" for m in e.mentions}
        self.affiliations: dict[str, list[Party]] = {}
        for role in roles:
            if role.person_entity_id and role.affiliation:
                for ev in role.evidence:
                    surface = self._surface(ev.start, ev.end, role.affiliation)
                    if surface is not None:
                        self.affiliations.setdefault(role.person_entity_id, []).append(surface)
                        break
        self._stated_affiliations()

    # ------------------------------------------------------------------ people

    def _party(self, ent: Span, rule: str) -> Party:
        entity = self.entity_at.get((ent.start_char, ent.end_char))
        name = ent
        # ("Striker Tom Hale signed ...": the model may take a title opening the sentence into the name)
        while ent.label_ == "PERSON" and len(name) > 1 and ((name[0].lower_,) in title_lexicon().heads or name[0].lower_ in _PERSON_TITLES):
            name = name[1:]
        return Party(name.start_char, name.end_char, name.text, entity.id if entity else None, rule)

    def _surface(self, start: int, end: int, affiliation: str) -> Party | None:
        """Where a role's affiliation is written inside the role's phrase ("Iraqi" in "Iraqi Deputy Prime Minister")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        for ent in span.ents if span is not None else []:
            if ent.label_ in STATE_LABELS + COMPANY_LABELS and affiliation_name(ent.text) == affiliation:
                return self._party(ent, "party.signatory_role")
        return None

    def _stated_affiliations(self) -> None:
        """"Iraq's Saddam Hussein", "Boris Yeltsin of Russia": a state written with a person's name."""
        ents = list(self.doc.ents)
        for k, ent in enumerate(ents):
            if ent.label_ != "PERSON" or ent.start_char not in self.person_of:
                continue
            before = ents[k - 1] if k > 0 else None
            after = ents[k + 1] if k + 1 < len(ents) else None
            between_before = self.text[before.end_char : ent.start_char] if before is not None else ""
            between_after = self.text[ent.end_char : after.start_char] if after is not None else ""
            state = None
            if before is not None and before.label_ == "GPE" and between_before in ("'s ", "\u2019s "):
                state = before
            elif after is not None and after.label_ == "GPE" and between_after == " of ":
                state = after
            if state is not None:
                self.affiliations.setdefault(self.person_of[ent.start_char], []).append(self._party(state, "party.signatory_country"))

    def person_party(self, token: Token) -> Party | None:
        """The state or organisation a person-named token acts for, when the document gives exactly one."""
        if token.ent_type_ != "PERSON":
            return None
        ent = next((e for e in self.doc.ents if e.start <= token.i < e.end), None)
        person = self.person_of.get(ent.start_char) if ent is not None else None
        found = self.affiliations.get(person, []) if person else []
        names = {affiliation_name(p.text) for p in found}
        return found[0] if len(names) == 1 else None

    def person(self, token: Token, rule: str) -> Party | None:
        """The person entity a token is part of, as a party found by ``rule``."""
        ent = self._ent(token)
        return self._party(ent, rule) if ent is not None and ent.label_ == "PERSON" else None

    def unaffiliated(self, token: Token, rule: str) -> Party | None:
        """A person-named token whose person the document ties to no state or organisation (a player
        signing a contract, a mediator in his own name), as a party in their own right."""
        ent = self._ent(token) if token.ent_type_ == "PERSON" else None
        person = self.person_of.get(ent.start_char) if ent is not None else None
        if ent is None or ent.label_ != "PERSON" or (person is not None and self.affiliations.get(person)):
            return None
        return self._party(ent, rule)

    def named(self, token: Token, rule: str) -> Party | None:
        """The organisation or state entity a token is part of, as a party found by ``rule``."""
        ent = self._ent(token)
        return self._party(ent, rule) if ent is not None and ent.label_ in ("ORG", "GPE") else None

    def body_party(self, token: Token, nouns: set[str], rule: str) -> Party | None:
        """The state a body noun stands for: "the Syrian delegation" -> Syrian, "Iraq's government" ->
        Iraq, "the ministry of Peru" -> Peru; a bare "the delegation" -> the state of the nearest earlier
        same body written with one (the article named it before)."""
        if token.lemma_.lower() not in nouns and token.lower_ not in nouns:
            return None
        for t in [token] + [t for t in reversed(self.doc[: token.i]) if t.lower_ == token.lower_]:
            state = self._state_of(t)
            if state is not None:
                return self._party(state, rule)
            if t is token and any(c.dep_ in ("amod", "compound", "poss") and c.pos_ in ("PROPN", "ADJ") for c in token.children):
                return self._leaders_body(token, rule)  # "the rebel delegation": a body of someone else, not the one named before
        return None

    def _leaders_body(self, token: Token, rule: str) -> Party | None:
        """"the Bush administration", "Sharif's government": a body named by its leader stands as written."""
        if token.lemma_.lower() not in LEADERS_BODIES:
            return None
        leader = next((c for c in token.children if c.dep_ in ("compound", "poss") and c.ent_type_ == "PERSON"), None)
        ent = self._ent(leader) if leader is not None else None
        if ent is None:
            return None
        span = self.doc[ent.start : token.i + 1]
        return Party(span.start_char, span.end_char, span.text, None, rule)

    def visited(self, token: Token, nouns: set[str]) -> list[Party]:
        """"a Mauritian delegation to China signed": the state a delegation is sent to is the other side."""
        if token.lemma_.lower() not in nouns:
            return []
        hosts = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        ents = [self._ent(g) for g in hosts]
        return [self._party(e, "party.visited_state") for e in ents if e is not None and e.label_ == "GPE"]

    def _state_of(self, token: Token) -> Span | None:
        """The country entity written on a body noun (as a modifier, possessor or "of"/"from" object)."""
        mods = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        mods += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "from") for g in c.children if g.dep_ == "pobj"]
        for c in mods:
            ent = self._ent(c)
            if ent is not None and ent.label_ in STATE_LABELS:
                return ent
            if ent is not None and affiliation_name(c.text) in countries():
                return self.doc[c.i : c.i + 1]  # "The US Senate" read whole as one organisation
            if ent is None and c.pos_ in ("ADJ", "PROPN") and affiliation_name(c.text) != c.text:
                return self.doc[c.i : c.i + 1]  # a nationality the NER missed ("the Icelandic government")
        return None

    # ------------------------------------------------------------------ groups

    def pair(self, token: Token) -> list[Party]:
        """"the two countries", "both companies": the last two coordinated names of the right kind before it."""
        labels = PAIR_NOUNS.get(token.lemma_.lower())
        if labels is None or token.tag_ not in ("NNS", "NNPS"):
            return []
        # ("an agreement between the companies": two, by "between")
        between = token.dep_ == "pobj" and token.head.lower_ == "between" and any(c.lower_ == "the" for c in token.children)
        if not between and not any(c.lower_ in ("two", "both") for c in token.children):
            return []
        # ("only two Arab countries, Egypt and Jordan, have ...": an indefinite "two countries" introduces
        # its own pair, named after it, and restates none)
        if not any(c.lower_ in ("the", "both", "these", "those", "their") for c in token.children) or any(c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_) for c in token.children):
            return []
        for t in reversed(self.doc[: token.i]):
            if t.dep_ != "conj" or t.head.i >= t.i or any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in t.head.children):
                continue  # ("radical Arab or Moslem states": alternatives, not two sides)
            # ("the government and the rebels ... the two sides": unnamed bodies are sides too)
            unnamed = token.lemma_.lower() in ("side", "party")
            first, second = self.side(t.head, labels, unnamed=unnamed), self.side(t, labels, unnamed=unnamed)
            # (a pair, not the last two of a longer list: "states like Iran, Syria and Iraq")
            others = [c for c in t.head.children if c.dep_ == "conj" and c.i != t.i] + [c for c in t.children if c.dep_ == "conj"] + [t.head] * (t.head.dep_ == "conj")
            if first is None or second is None or others or affiliation_name(first.text) == affiliation_name(second.text):
                continue
            return [first, second]
        return self._written_pair(token, labels) or self._two_countries(token) or self._two_companies(token)

    def _two_countries(self, token: Token) -> list[Party]:
        """"Indonesia dismissed a report that it would sign a pact with Australia. ... the security pact
        both countries signed in 1995": with no pair written joined, "the two countries" (or their two
        leaders, ministers, governments) are the two
        countries this sentence and the few before name (by name or nationality), when they name
        exactly two."""
        # ("Vietnamese Prime Minister X met his Bulgarian counterpart Y ... the two leaders signed":
        # the leaders, ministers or governments of the two countries named)
        # ("Wen held talks with Kenyan President Kibaki. The two sides signed ...": sides too, when the
        # sentences name states and no organisation)
        sides = token.lemma_.lower() in ("side", "party")
        if PAIR_NOUNS.get(token.lemma_.lower()) is not STATE_LABELS and not sides:
            return []
        first = self._sentences_back(token, _PAIR_WINDOW)
        known = countries()
        # (a nationality the model took for an organisation is a state: "his Kazakh counterpart"; a seat
        # of power met in is a place: "met in the Kremlin")
        stately = [e for e in self.doc.ents if e.label_ in STATE_LABELS or e.label_ == "ORG" and affiliation_name(e.text) in known]
        if sides and any(
            e.label_ == "ORG" and first <= e.start and e.end <= token.i and e not in stately and not (e.root.dep_ == "pobj" and e.root.head.lower_ in ("in", "at"))
            for e in self.doc.ents
        ):
            return []
        named: dict[str, Span] = {}
        people = token.lemma_.lower() in ("leader", "president", "premier", "minister")
        for e in stately:
            if e.start < first or e.end > token.i:
                continue
            if people and e.end < len(self.doc) and self.doc[e.end].lower_ in _NON_STATE_WORDS:
                continue  # ("Sudanese rebel leader X": a leader of a group, not of the state)
            if sides and not self._state_at_talks(e):
                continue  # ("talks in Naivasha, Kenya", "under Tanzanian mediation": a host or a mediator)
            country = affiliation_name(e.text)
            if country in known and (country not in named or e.text == country and named[country].text != country):
                named[country] = e
        if len(named) != 2:
            return []
        return [self._party(e, "party.pair") for e in sorted(named.values(), key=lambda e: e.start)]

    @staticmethod
    def _state_at_talks(e: Span) -> bool:
        """True for a state named as one who talks: the nationality or name on a leader, an official or a
        government ("Kenyan President Kibaki", "the Sudanese government"), or the state itself as a
        subject or object ("China held talks with Kenya"); not a host or a mediator."""
        root = e.root
        if root.dep_ in ("nsubj", "nsubjpass", "dobj", "conj") or root.dep_ == "pobj" and root.head.lower_ == "with":
            return True
        if root.dep_ not in ("amod", "compound", "poss"):
            return False
        noun = root.head
        while noun.dep_ == "compound" and noun.head != noun:
            noun = noun.head  # "Chinese Vice Premier Zhao": the person the title is on
        acting = ("government", "delegation", "leader", "president", "premier", "minister", "official", "negotiator", "counterpart", "army")
        return noun.ent_type_ == "PERSON" or noun.lemma_.lower() in acting

    def _two_companies(self, token: Token) -> list[Party]:
        """"Naftogaz has been negotiating with Gazprom for months. On Tuesday the two companies signed a
        contract": the two organisations this sentence and the one before name, when they name exactly two."""
        if PAIR_NOUNS.get(token.lemma_.lower()) is not COMPANY_LABELS:
            return []
        # (as who acts, or "between the companies" in a sentence naming none: "between the two concerns" in
        # one that names others is read with its names)
        between = token.dep_ == "pobj" and token.head.lower_ == "between" and not any(e.label_ == "ORG" for e in token.sent.ents)
        if not token.dep_.startswith("nsubj") and not between:
            return []
        first = self._sentences_back(token, 1)
        named: list[Span] = []
        known = countries()
        for e in self.doc.ents:
            # (the entity component's label, which a name's other mentions decide: "Montedison" tagged
            # as a person after "Montedison S.p.A."; a company the model took for a place is one too,
            # unless it is a country, "Gazprom", or a place something happens in: "talks in Geneva")
            entity = self.entity_at.get((e.start_char, e.end_char))
            label = entity.label if entity is not None else e.label_
            place = label == "GPE" and (affiliation_name(e.text) in known or e.root.dep_ == "pobj" and e.root.head.lower_ in _PLACE_PREPS)
            if e.start < first or e.end > token.i or label not in ("ORG", "GPE") or place:
                continue
            if e.root.dep_ == "nsubj" and e.root.head.lemma_ in ("report", "say", "quote", "tell", "write"):
                # "..., the Wall Street Journal reported": a source, not one of the two (but "Sony said it
                # was in talks with Honda": a company telling of its own act)
                own = any(g.dep_.startswith("nsubj") and g.lower_ in ("it", "they", "we") for c in e.root.head.children if c.dep_ == "ccomp" for g in c.children)
                if not own:
                    continue
            if any(t.lower_ in _PUBLIC_BODY_WORDS for t in e):
                continue  # "won approval from the Competition Commission": who rules on the deal, no company
            if not any(same_name(e.text, n.text) for n in named):
                named.append(e)
        # ("Shell, BP and Total held talks": a name listed with them that the model missed counts too)
        missed = {c.i for e in named for c in e.root.conjuncts if c.pos_ == "PROPN" and not c.ent_type_}
        if len(named) + len(missed) != 2:
            return []
        return [self._party(e, "party.pair") for e in named]

    def _sentences_back(self, token: Token, n: int) -> int:
        """The first token of the sentence ``n`` sentences before the token's own."""
        first = token.sent.start
        for _ in range(n):
            first = self.doc[first - 1].sent.start if first > 0 else first
        return first

    def _written_pair(self, token: Token, labels: tuple[str, ...]) -> list[Party]:
        """"The Ministry of Health (MOH) and China Meteorological Administration (CMA) plan ... by the two
        agencies": the last two names of the right kind written joined by "and" in this sentence or the
        one before, when the parser did not coordinate them (an acronym in brackets may follow each)."""
        sent = token.sent
        first = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        ents = [e for e in self.doc.ents if first <= e.start and e.end <= token.i and e.label_ in labels]
        for a, b in reversed(list(zip(ents, ents[1:]))):
            between = self.text[a.end_char : b.start_char]
            before = self.text[max(0, a.start_char - 2) : a.start_char]
            if _JOINED.fullmatch(between) and not before.startswith(",") and affiliation_name(a.text) != affiliation_name(b.text):
                return [self._party(a, "party.pair"), self._party(b, "party.pair")]
        return []

    def side(self, token: Token, labels: tuple[str, ...], rule: str = "party.pair", unnamed: bool = False) -> Party | None:
        """One member of a coordinated pair: a name of the right kind, or a body written with one
        ("Nepal's government", "Maoist leaders"), which keeps the name's entity id; with ``unnamed``,
        also a body written with "the" alone ("the government", "the rebels")."""
        ent = self._ent(token)
        if ent is not None:
            return self._party(ent, rule) if ent.label_ in labels else None
        if unnamed and token.pos_ == "PROPN" and not token.is_sent_start:
            return proper_noun_party(token, rule)  # ("the Tigers and the government ... the two sides": a name the NER missed)
        if token.pos_ != "NOUN" or token.lemma_.lower() not in SIDE_BODIES:
            return None
        owner = next((self._ent(c) for c in token.children if c.dep_ in ("amod", "compound", "poss") and c.i < token.i and self._ent(c) is not None), None)
        if owner is None and unnamed and [c.lower_ for c in token.children if c.i < token.i] == ["the"]:
            span = self.doc[token.i - 1 : token.i + 1]
            return Party(span.start_char, span.end_char, span.text, None, rule)
        if owner is None or owner.label_ not in labels:
            return None
        span = self.doc[owner.start : token.i + 1]
        entity = self.entity_at.get((owner.start_char, owner.end_char))
        return Party(span.start_char, span.end_char, span.text, entity.id if entity else None, rule)

    def _ent(self, token: Token) -> Span | None:
        return next((e for e in self.doc.ents if e.start <= token.i < e.end), None)

    # ------------------------------------------------------------------ who signed

    @staticmethod
    def signers(head: Token, verbs: set[str]) -> list[Token]:
        """Tokens naming who made an agreement, when a signing verb (``verbs``) says so: its subject
        (through "appeared to accept"), the subject of a clause about it ("which the presidents
        signed", "he accepted"), its agent ("signed by X")."""
        out: list[Token] = []
        verb = verb_above(head) if head.pos_ != "VERB" else head
        if verb is not None and verb.lemma_ in verbs:
            while verb is not None:
                subjects = [c for c in verb.children if c.dep_ in SIGNING_DEPS]
                out += [c for c in subjects if c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT")]
                # "the two sides, who signed a deal": the relative pronoun stands for the noun described
                out += [verb.head for c in subjects if c.tag_ in ("WP", "WDT") and verb.dep_ == "relcl"]
                out += _agents(verb)
                # "X propped up the government after reaching a deal": a gerund after "after" or "by" is
                # done by the subject of the verb it hangs on
                gerund = verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in ("after", "before", "by", "upon")
                if subjects or verb.dep_ not in ("xcomp", "conj") and not gerund:
                    break
                verb = verb.head.head if gerund else verb.head
        # "Prime Minister X and his visiting counterpart Y witnessed the signing of three deals": the
        # leaders who preside over a signing make the agreements (as their states)
        noun = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
        # (not where the agreement names its sides: "witnessed the signing of a deal between CNPC and NNPC")
        between = any(c.dep_ == "prep" and c.lower_ == "between" and any(g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_) for g in c.children) for c in head.children)
        if noun is not None and not between and noun.lemma_.lower() in ("signing", "signature") and noun.dep_ == "dobj" and noun.head.lemma_ in ("witness", "attend", "oversee", "watch"):
            out += [c for c in noun.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        # "Nkambule is on a one-year loan deal", "Mourinho is under contract with Chelsea": who is held
        # by a contract or deal is its side
        if head.dep_ == "pobj" and head.head.lower_ in ("on", "under") and head.head.head.lemma_ in ("be", "remain", "stay") and head.lemma_.lower() in ("contract", "deal"):
            out += [c for c in head.head.head.children if c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT", "PRP")]
        if head.dep_ == "dobj" and head.head.lemma_ in ("have", "hold") and head.lemma_.lower() in ("contract", "deal"):
            out += [c for c in head.head.children if c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT", "PRP")]  # "X has a contract until 2008"
        # A clause anywhere in the agreement's phrase: "a treaty calling for X, which the presidents signed".
        for clause in (t for t in head.subtree if t.dep_ in ("relcl", "acl") and t.lemma_ in verbs):
            out += [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            out += _agents(clause)
        # "X and Y said they reached an agreement": "they" are the speakers.
        for t in [t for t in out if t.lower_ in ("they", "we") and t.head.dep_ == "ccomp"]:
            out += [c for c in t.head.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        out += [g for t in list(out) for g in t.conjuncts]
        # "X and his Pakistani counterpart Pervez Musharaf": a person set off after a noun describing him
        out += [a for t in list(out) if t.pos_ == "NOUN" for a in t.children if a.dep_ == "appos" and a.ent_type_ == "PERSON"]
        return sorted(set(out), key=lambda t: t.i)
