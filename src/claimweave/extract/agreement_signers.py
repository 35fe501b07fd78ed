"""Sides an agreement's clause implies rather than lists: the states and bodies its signatories act for
("the diplomats of the two countries signed"), signers written as pronouns or descriptions, players
signed to contracts, holders of "its" treaty, signatories and members, and the sides of "between X and Y"
that make the other names of the clause onlookers."""

from __future__ import annotations

import re

from claimweave.extract.agreement_names import SIDE_LABELS
from claimweave.extract.agreement_people import Party, PeopleResolver, countries, proper_noun_party
from claimweave.extract.agreement_terms import same_name, verb_above
from claimweave.extract.agreement_types import Mention, Term
from claimweave.extract.titles import affiliation_name

UNTIED_RULES = ("party.clause", "party.name")
TIED_RULES = ("party.holder", "party.for", "party.paired_name", "party.framed_pair", "party.route", "party.with", "party.phrase", "party.pair", "party.signatory_role", "party.signatory_country")
PERSON_RULES = ("party.signatory_person", "party.signed_person", "party.contracted_person", "party.contract_owner")
_FORMER = ("former", "ex", "ex-", "then", "one-time", "onetime")  # "former Chelsea striker X": not his team now
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
# "in non-compliance with its NPT", "in breach of the Kyoto Protocol": a state held to what it keeps or breaks
_HELD_TO = re.compile(r"\b(in)\s+(?:(?:material|serious|full|clear|flagrant)\s+)?(?:non-?\s?|non\s+-\s+)?(?:compliance|breach|violation|conformity)\s+(?:with|of)\s+(?:its|their|the)?\s*$", re.I)
COORDINATED = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,|and|,\s*and)\s+(?:the\s+)?", re.I)


def _team_word(tok) -> bool:
    """A word that may end a team's name before a position: a proper noun, or a capitalised word the
    tagger took for an adjective or a noun ("Arsenal striker X") that is no nationality ("French")."""
    if tok.ent_type_ in ("PERSON", "DATE"):
        return False
    if tok.pos_ == "PROPN":
        return True
    return tok.pos_ in ("ADJ", "NOUN") and tok.is_title and not tok.ent_type_ and affiliation_name(tok.text) == tok.text


_HIRING_FIRING = ("hire", "sack", "fire", "dismiss", "axe", "appoint", "name", "recruit", "sign", "release", "replace", "loan")  # a club's acts on its staff

class SignerReader:
    """Methods of ``ArgumentReader`` for sides implied by who signs, holds or joins an agreement (it
    provides ``doc``, ``text``, ``vocab``, ``people``, ``anaphora`` and the side-shape helpers)."""

    def _paired_names(self, mentions: list[Mention]) -> list[Party]:
        """"a Sino-Australian agreement", "the Israeli-Palestinian truce": states joined by a hyphen in
        the agreement's own name, each one written by its country name or demonym."""
        out: list[Party] = []
        for m in mentions:
            head = self.doc[m.head]
            if head.pos_ != "VERB":
                self._hyphen_pair(list(self.doc[m.start : m.kind_start]), "party.paired_name", out)
                # "the 1995 Franco-Spanish Declaration, the pact that ...": the name it restates
                names = ([head.head] if head.dep_ == "appos" else []) + [c for c in head.children if c.dep_ == "appos"]
                for name in (n for n in names if n.pos_ in ("NOUN", "PROPN")):
                    self._hyphen_pair(list(self.doc[name.left_edge.i : name.i]), "party.paired_name", out)
        return out

    def _holders(self, mentions: list[Mention]) -> list:
        """"Iran has long been in non-compliance with its Non-Proliferation Treaty": whose "its"/"their"
        agreement it is, the named state or organisation the clause is about."""
        out = []
        for m in mentions:
            head = self.doc[m.head]
            if head.pos_ != "VERB" and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children):
                subject = self._subject_above(head)
                if subject is not None and subject.ent_type_ in ("GPE", "ORG"):
                    out.append(subject)
                elif subject is None and (body := self._body_subject(head)) is not None:
                    out.append(body)  # "Maoist rebels extended their unilateral ceasefire"
        return out

    def _body_subject(self, head):
        """The subject of the verb right above a token when it is a body written with a name ("Maoist rebels")."""
        verb = verb_above(head)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        return subject if subject is not None and self.people.side(subject, SIDE_LABELS) is not None else None

    def _signatories(self, m: Mention) -> list:
        """"Tanzania is a signatory to the Agreement on ...": the subject of a signatory, party or member of it."""
        roles = ("signatory", "party", "member", "adherent")
        head = self.doc[m.head]
        holder = next((a for a in head.ancestors if a.lemma_ in roles), None)
        if holder is None and head.dep_ == "pobj" and head.head.lower_ in ("to", "of"):
            # "Russia became a party to the Kyoto Protocol": the parser hangs "to" on the verb
            holder = next((c for c in head.head.head.children if c.dep_ == "attr" and c.lemma_ in roles), None)
        if holder is None or holder.dep_ not in ("attr", "appos"):
            return []
        if holder.dep_ == "appos":
            return [holder.head]
        verb = holder.head
        while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # "X is a member of Y and is also a signatory to Z"
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        return subjects + [g for c in subjects for g in c.conjuncts]

    def _held_to(self, m: Mention) -> list:
        """"found Iran in breach of the NPT", "Iran has been in non-compliance with its NPT": the one
        found keeping or breaking an agreement (the object written before "in", else the subject)."""
        start = self.doc[m.start].idx
        left = self.text[max(0, start - 60) : start]
        held = _HELD_TO.search(left)
        if held is None:
            return []
        at = self.doc.char_span(start - len(left) + held.start(1), start - len(left) + held.end(1))
        if at is None:
            return []
        verb = at[0].head
        found = [c for c in verb.children if c.dep_ == "dobj" and c.i < at[0].i]
        found = found or [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
        return found + [g for c in found for g in c.conjuncts]

    def _ratifier_parties(self, mentions: list[Mention]) -> list[Party]:
        """The state a parliament that ratifies or approves an agreement is written of ("Croatia's
        parliament ratified the Stabilisation and Association Agreement with the EU", "Chad's National
        Assembly ratified an oil convention with Sahara Petroleum"): a side of it."""
        nouns = set(self.vocab.cues.legislature_nouns)
        out = []
        for _, subject in self._subjects_acting_on(mentions, set(self.vocab.cues.approving_verbs)):
            party = self.people.body_party(subject, nouns, "party.ratifier_state")
            out += [party] if party is not None else []
        return out

    def _ratifier_states(self, mentions: list[Mention]) -> list:
        """Tokens of the states of ``_ratifier_parties``."""
        spans = [self.doc.char_span(p.start, p.end, alignment_mode="expand") for p in self._ratifier_parties(mentions)]
        return [t for span in spans if span is not None for t in span]

    def _taking_part(self, m: Mention) -> list:
        """"Russia suspended its participation in the CFE Treaty", "Japan's involvement in the Kyoto
        Protocol": the one who takes part in the agreement (the owner written, else the subject of its verb)."""
        head = m.top(self.doc)
        noun = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "in" else None
        # (not a "role" or a "part": a broker plays one too, "Norway's role in the Oslo Accords")
        if noun is None or noun.lemma_.lower() not in ("participation", "involvement", "membership"):
            return []
        found = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        if not found and noun.dep_ in ("dobj", "nsubjpass"):
            found = [c for c in noun.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        return found + [g for c in found for g in c.conjuncts]

    def _represented(self, ca: int, cb: int, mentions: list[Mention], out: list[Term]) -> list[Term]:
        """Add the states and organisations that signatories act for and that "the two countries" restates."""
        found, signers = [], []
        signing = set(self.vocab.cues.signed_verbs) | {"accept", "initial"}
        bodies = set(self.vocab.cues.state_body_nouns)
        for m in mentions:
            head = self.doc[m.head]
            own = PeopleResolver.signers(head, signing)
            signers += own
            # "a deal between X and Y", "a second MOU signed between the two ministers", "was signed between ..."
            holders = [head] + [c for c in head.children if c.dep_ in ("acl", "relcl") and c.lemma_ in signing]
            if head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_ in signing:
                holders.append(head.head)
            tokens = own + [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("between", "with") for g in c.children if g.dep_ == "pobj"]
            for t in tokens:
                if t not in own and any(p.start <= t.idx < p.end for p in out):
                    # "an agreement between the companies": the two the story just named, for the unnamed words
                    restated = self.people.pair(t) if t.tag_ == "NNS" and all(p.value[1] is None for p in out if p.start <= t.idx < p.end) else []
                    if len(restated) == 2:
                        out = [p for p in out if not p.start <= t.idx < p.end]
                        found += restated
                    continue  # "a treaty with the government": the side is written already; not its state again
                if ca <= t.idx < cb:
                    # "Chinese President X and his Pakistani counterpart Pervez Musharraf": the counterpart acts
                    # for his state, as X does for his (a leader written with no state keeps both names)
                    described = t.head if t.dep_ == "appos" and t.head.lemma_.lower() == "counterpart" else t
                    partner = described.head if described.dep_ == "conj" else None
                    stated = partner is None or self.people.person_party(partner) is not None
                    party = self.people.body_party(described, {"counterpart"}, "party.signatory_body") if stated else None
                    party = party or self.people.person_party(t) or self.people.body_party(t, bodies, "party.signatory_body")
                    if party is None and t in own and t in PeopleResolver.signers(head, signing - {"negotiate"}):
                        # "Christie signed a three-year contract" (but "his agent negotiated their contracts")
                        party = self.people.unaffiliated(t, "party.signatory_person")
                    # "the diplomats of the two countries signed": whom the signers act for
                    of = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
                    found += [party] if party is not None else self.people.pair(t) or [p for g in of for p in self.people.pair(g)]
                    found += self.people.visited(t, bodies)
            if head.pos_ != "VERB":
                # "the two companies' earlier accord"
                found += [p for c in head.children if c.dep_ == "poss" and ca <= c.idx < cb for p in self.people.pair(c)]
        resolved = self._anaphoric_signers(mentions, ca, cb, signing)
        # "the cease-fire between the government and the rebels": the named group stands for "the rebels"
        out = [p for p in out if p.value[1] is not None or not any(p.start <= t.idx < p.end for t, _ in resolved)]
        found += [p for _, p in resolved]
        found += self._signed_players(mentions, ca, cb)
        found += self._granted_sides(mentions, ca, cb)
        found += self._holders_written(mentions, ca, cb)
        found += self._witnesses(mentions, ca, cb)
        found += [p for p in self._ratifier_parties(mentions) if ca <= p.start < cb]
        found += self._contracted_people(mentions, ca, cb, signing)
        found += self._club_moves(mentions, ca, cb)
        found += self._unilateral(mentions, ca, cb)
        found += self._paired_names(mentions)
        found += self._framed_pairs(mentions)
        holders = [t for t in self._holders(mentions) if ca <= t.idx < cb]
        found += [p for t in holders if (p := self.people.named(t, "party.owner") or self.people.side(t, SIDE_LABELS, "party.owner")) is not None]
        only_with = len(out) == 1 and out[0].rule == "party.with" and re.search(r"\bwith\s+(?:the\s+)?$", self.text[max(0, out[0].start - 12) : out[0].start], re.I)
        if mentions and only_with:
            # "Saddam ... rejected it following the cease-fire of the war with Iran": the other side of a
            # "with" is whoever the sentence is about.
            subject = self._subject_above(self.doc[mentions[0].head])
            # ("The Senate ratified the treaty with Japan": a body deciding on it is no side, but the
            # state it is written of is: "The Czech parliament ratified a treaty with Germany")
            if subject is not None and subject.i in self._approvers(mentions) and subject.lemma_.lower() not in self.vocab.cues.ruling_body_nouns:
                party = self.people.body_party(subject, set(self.vocab.cues.legislature_nouns), "party.ratifier_state")
                found += [party] if party is not None and not same_name(party.text, out[0].value[0]) else []
            elif subject is not None and subject.i not in self._approvers(mentions):
                if subject.ent_type_ == "PERSON":
                    party = self.people.person_party(subject)
                elif subject.ent_type_ in ("ORG", "GPE"):
                    party = self.people.named(subject, "party.other_side")
                else:  # "the delegation addressed the agreement with X": the state the delegation acts for
                    party = self.people.body_party(subject, set(self.vocab.cues.state_body_nouns), "party.other_side_body")
                    # ("The government froze the agreement with the rebels": a body the story names no state
                    # for is the side as written, when it acts on its own agreement, not on another's deal)
                    if party is None and self._acts_on_own(subject, mentions[0]):
                        party = self.people.side(subject, SIDE_LABELS, "party.other_side_body", unnamed=True)
                found += [party] if party is not None else []
        for p in found:
            # As the country: "Syrian" (the delegation's state) is not the "Syrian Democratic Forces" already found.
            # (but "Sudan's government and the Sudan People's Liberation Movement signed": two sides, joined)
            if not any((same_name(affiliation_name(p.text), q.value[0]) and not self._joined_to(p, q)) or q.start <= p.start and p.end <= q.end for q in out):
                out.append(Term((p.text, p.entity_id), p.start, p.end, p.rule))
        # "X and Y reached an agreement for the acquisition of Y by Z": when the text says who made
        # it, the other names of the clause are not parties (unless tied to the agreement's name).
        named = [p for p in out if any(p.start <= t.idx < p.end for t in signers) or any(p.start == r.start for _, r in resolved)]
        if len(named) >= 2:
            out = [p for p in out if p in named or p.rule in TIED_RULES]
        if mentions and all(self.proper_name(m) for m in mentions):
            # "the IAEA report on the Non-Proliferation Treaty": a treaty known by its name is mentioned for
            # what it says; names around it are parties only when they sign, join, keep or break it.
            joining = signing | set(self.vocab.cues.joining_verbs)
            joined = [
                t for m in mentions for t in PeopleResolver.signers(self.doc[m.head], joining) + self._signatories(m) + self._held_to(m) + self._taking_part(m)
            ] + holders + self._ratifier_states(mentions)
            out = [p for p in out if p.rule not in UNTIED_RULES or any(p.start <= t.idx < p.end for t in joined)]
        if sum(p.rule in ("party.phrase", "party.paired_name") for p in out) >= 2:
            # "Singh seeks Japan's blessing for the India-US pact": its name says who made it
            out = [p for p in out if p.rule not in UNTIED_RULES]
        out = self._leaders_between(out)
        sides = self._between_sides(mentions, out)
        if len(sides) >= 2:
            # "Hamas rejected a deal reached between Fatah and Israel": the sides are named; the rest are onlookers.
            out = [p for p in out if p in sides or p.rule == "party.phrase"]
        if len(out) == 1 and out[0].rule in PERSON_RULES:
            team = self._team_of(out[0])
            out += [Term((team.text, team.entity_id), team.start, team.end, team.rule)] if team is not None else []
        elif len(out) == 1 and out[0].rule == "party.signatory_role":
            # "Chelsea manager Jose Mourinho signed a new contract": a player's or coach's contract is his own
            out += [Term((p.text, p.entity_id), p.start, p.end, p.rule) for t in signers if (p := self._positioned(t)) is not None]
        return out

    def _joined_to(self, p: Party, q: Term) -> bool:
        """True when the body a party's name is written on is joined by "and" to the other party's name."""
        span = self.doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None:
            return False
        body = span.root.head if span.root.dep_ in ("poss", "amod", "compound") else span.root
        return any(q.start <= c.idx < q.end for c in body.conjuncts)

    def _acts_on_own(self, subject, m: Mention) -> bool:
        """True for "the government" freezing, ending, keeping or signing an agreement with no other
        owner written on it ("The government froze the agreement with X", not "The government
        criticised the airline's deal with X")."""
        if subject.lower_ not in ("government", "authorities", "administration", "regime"):
            return False
        head = self.doc[m.head]
        if any(c.dep_ == "poss" and c.lower_ not in ("its", "their") for c in head.children):
            return False
        cues = self.vocab.cues
        acting = set(cues.undoing_verbs) | set(cues.existing_verbs) | set(cues.signed_verbs) | {"suspend", "freeze", "scrap", "cancel", "implement", "ratify", "approve"}
        verb = verb_above(head)
        return verb is not None and verb.lemma_ in acting and subject in verb.children

    def _positioned(self, tok) -> Party | None:
        """The person a signer token names when a position is written right before the name ("manager Jose Mourinho")."""
        ent = self.people._ent(tok) if tok.ent_type_ == "PERSON" else None
        if ent is None or ent.start == 0 or self.doc[ent.start - 1].lower_ not in self.vocab.cues.position_nouns:
            return None
        return self.people.person(tok, "party.signatory_person")

    def _team_of(self, person: Term) -> Party | None:
        """"Martin signed a seven-year contract": a player's or coach's contract is with the team the
        story writes on the position ("Denver Nuggets' forward Kenyon Martin", "Chelsea manager Jose
        Mourinho"), wherever it does so; none when it names two teams or the position is a former one."""
        positions = set(self.vocab.cues.position_nouns)
        person_id = self.people.person_of.get(person.start)
        starts = [s for s, e in self.people.entity_at if person_id is not None and self.people.person_of.get(s) == person_id]
        teams: dict[str, Party] = {}
        for start in starts or [person.start]:
            i = self.doc.char_span(start, start + 1, alignment_mode="expand").start if start < len(self.text) else 0
            k, seen = i - 1, False
            while k >= 0 and i - k <= 3 and self.doc[k].pos_ in ("NOUN", "ADJ", "ADV") and self.doc[k].text[:1].islower():
                if self.doc[k].lower_ in _FORMER:
                    return None
                seen = seen or self.doc[k].lower_ in positions
                k -= 1
            if k >= 0 and self.doc[k].tag_ == "POS":
                k -= 1
            if not seen or k < 0 or not _team_word(self.doc[k]) or self.doc[k].lower_ in self.vocab.cues.player_descriptors:
                continue
            # the team's name: the entity ending there, else the proper nouns ending there (the small NER
            # often tags half a team's name: "Denver" as a place, "Rockets" as nothing)
            ent = self.people._ent(self.doc[k])
            first = k
            while first > 0 and self.doc[first - 1].pos_ == "PROPN" and not self.doc[first - 1].ent_type_ in ("PERSON", "DATE"):
                first -= 1
            if ent is not None and ent.end == k + 1:
                first = min(first, ent.start)
            if first > 0 and self.doc[first - 1].lower_ in _FORMER:
                return None
            s_c, e_c = self._chars(first, k + 1)
            entity = self.people.entity_at.get((s_c, e_c))
            teams.setdefault(self.text[s_c:e_c].lower(), Party(s_c, e_c, self.text[s_c:e_c], entity.id if entity else None, "party.team"))
        return next(iter(teams.values())) if len(teams) == 1 else None

    def _anaphoric_signers(self, mentions: list[Mention], ca: int, cb: int, signing: set[str]) -> list[tuple]:
        """(token, party) for signers written as a pronoun or a description ("It has reached agreements",
        "the Polish oil concern had finalised another deal"), sides written as a description ("between
        the government and the rebels") and the side of "another deal, this time with X"."""
        verbs = signing | set(self.vocab.cues.signer_verbs)
        out = []
        for m in mentions:
            head = self.doc[m.head]
            # (and on the last word of a name of several: "the cessation of hostilities agreement between ...")
            sides = [g for h in {head, self.doc[m.end - 1]} for c in h.children if c.dep_ == "prep" and c.lower_ in ("between", "with") for g in c.children if g.dep_ == "pobj"]
            sides += [g for t in sides for g in t.conjuncts]
            # "trade deals they have negotiated": a pronoun subject of a clause on the agreement
            clauses = [c for t in head.subtree if t.dep_ == "relcl" and t.lemma_ in verbs for c in t.children if c.dep_ == "nsubj" and c.pos_ == "PRON"]
            # "Its agreement with Y": whose agreement it is
            # ("David Beckham, whose contract expires in June": whose it is)
            owners = [c for c in head.children if c.dep_ == "poss" and (c.pos_ == "PRON" or c.tag_ == "WP$")] if head.pos_ != "VERB" else []
            # "his involvement in a contract": who takes part in it
            taking_part = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "in" else None
            if taking_part is not None and taking_part.lemma_.lower() in self.vocab.cues.participation_nouns:
                owners += [c for c in taking_part.children if c.dep_ == "poss" and c.pos_ == "PRON"]
            for t in PeopleResolver.signers(head, verbs) + sides + clauses + owners:
                if not ca <= t.idx < cb:
                    continue
                person = self.anaphora.person(t) or _whose_person(t)
                # "TRIS president X said his agency would sign": the body the person heads
                owner = next((c for c in t.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None) if t.pos_ == "NOUN" and not t.ent_type_ else None
                head_of = self.anaphora.person(owner) if owner is not None and t.lemma_.lower() in self.anaphora.agents else None
                if head_of is not None and (party := self.people.person_party(head_of)) is not None:
                    out.append((t, Party(party.start, party.end, party.text, party.entity_id, "party.signer_body")))
                elif t.head == head and t.dep_ == "poss" and t.lower_ in ("his", "her", "whose") and head.lemma_.lower() in ("contract", "deal") and not sides and (
                    person is not None and not self._statesman(person) or self._employed(t)
                ):
                    # "Chelsea said Lampard will stay. His contract runs until 2009": a person's own contract is
                    # between the person and whom he works for; "Valencia sacked coach X. His contract ...":
                    # the one the club has just hired or sacked
                    employed = self._employed(t)
                    if employed:
                        found = [self.people.person(employed[0], "party.contract_holder"), self.people.named(employed[1], "party.contract_holder") or proper_noun_party(employed[1], "party.contract_holder")]
                    else:
                        found = [self.people.person(person, "party.contract_holder"), self.people.person_party(person)]
                    out += [(t, party) for party in found if party is not None]
                elif person is not None:
                    # "he signed": the state or organisation the person acts for, else the person
                    party = self.people.person_party(person) or self.people.person(person, "party.signer_person")
                    out += [(t, party)] if party is not None else []
                elif t.pos_ == "PRON" or t.pos_ == "NOUN" and not t.ent_type_:
                    out += [(t, party) for party in self.anaphora.resolve(t)]
            for t in self.anaphora.other_side(head):
                if ca <= t.idx < cb:
                    party = self.people.named(t, "party.this_time_with") or self.people.body_party(t, set(self.vocab.cues.state_body_nouns), "party.this_time_with")
                    if party is None and t.pos_ == "NOUN" and t.lemma_.lower() in self.vocab.cues.state_body_nouns:
                        s_c, e_c = self._chars(t.left_edge.i, t.i + 1)  # "the Slovak government" (a state the NER missed)
                        party = Party(s_c, e_c, self.text[s_c:e_c], None, "party.this_time_with")
                    out += [(t, party)] if party is not None else []
        return out

    def _statesman(self, person) -> bool:
        """True for a person who acts for a state ("British Prime Minister Tony Blair ... his EU budget
        deal"): his deal is his state's, not his own contract."""
        party = self.people.person_party(person)
        return party is not None and affiliation_name(party.text) in countries()

    def _employed(self, pronoun) -> tuple | None:
        """"Valencia sacked coach Quique Flores on Monday. His contract ...": the person a club hires or
        sacks in the sentence before (or this one), named after the word for his job, with the club."""
        k = pronoun.sent.start
        first = self.doc[k - 1].sent.start if k > 0 and "\n\n" not in self.text[self.doc[k - 1].sent.start_char : pronoun.sent.start_char] else k
        for t in self.doc[first : pronoun.i]:
            if t.dep_ != "dobj" or t.ent_type_ != "PERSON" or t.head.pos_ != "VERB" or t.head.lemma_ not in _HIRING_FIRING:
                continue  # (hired or sacked, not "Rooney fouled defender Carvalho")
            job = t.left_edge
            subject = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            if job.pos_ == "NOUN" and job.text.islower() and subject is not None and subject.pos_ == "PROPN" and subject.i < t.i:
                return t, subject
        return None

    def _announces_own(self, verb, mentions: list[Mention]) -> bool:
        """True when a speech verb's object is the agreement made "with" someone ("Netcom announced on
        Monday an agreement with Telefonica to ..."): the one announcing it is the other side (but not
        of "an agreement between X and Y", which it only reports); so is the one announcing "an agreement
        to acquire (or sell) Y": the buyer (or seller)."""
        heads = {m.head for m in mentions}
        transfers = set(self.vocab.cues.transfer_words)
        for obj in (c for c in verb.children if c.dep_ == "dobj" and c.i in heads):
            preps = [c.lower_ for c in obj.children if c.dep_ == "prep"]
            # ("a deal worth 40 million euros with X": the parser hangs "with" on the value)
            preps += [c.lower_ for w in obj.children if w.lower_ == "worth" for t in w.subtree for c in t.children if c.dep_ == "prep"]
            if "between" in preps:
                continue
            transfer = any(c.dep_ == "acl" and c.lemma_ in transfers and any(a.lower_ == "to" for a in c.children) for c in obj.children)
            if "with" in preps or transfer:
                return True
        return False

    def _granted_sides(self, mentions: list[Mention], ca: int, cb: int) -> list:
        """"Raytheon was awarded a contract by the Army": the one awarded (the subject of a passive that
        keeps the agreement as its object); "won a contract from the Iraqi oil ministry": the state a
        body it was won from stands for (a named body is found as a name already)."""
        cues = self.vocab.cues
        bodies = set(cues.state_body_nouns)
        out = []
        for m in mentions:
            head = self.doc[m.head]
            if head.dep_ == "nsubj" and head.head.lemma_ in cues.grant_verbs and head.head.pos_ == "VERB":
                out += [p for t in self._grantees(head.head) if ca <= t.idx < cb and (p := self._grantee(t)) is not None]
                continue
            if head.dep_ != "dobj" or head.head.pos_ != "VERB":
                continue
            verb = head.head
            if verb.lemma_ in cues.grant_verbs and any(c.dep_ == "auxpass" for c in verb.children):
                for who in (c for c in verb.children if c.dep_ == "nsubjpass" and ca <= c.idx < cb):
                    party = self.people.named(who, "party.granted") or (proper_noun_party(who, "party.granted") if who.pos_ == "PROPN" and not who.ent_type_ else None)
                    out += [party] if party is not None else []
            if verb.lemma_ in cues.from_party_verbs:
                froms = [g for h in (verb, head) for c in h.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]
                for body in (g for g in froms if ca <= g.idx < cb and not g.ent_type_):
                    party = self.people.body_party(body, bodies, "party.granted_by")
                    out += [party] if party is not None else []
        return out

    def _witnesses(self, mentions: list[Mention], ca: int, cb: int) -> list:
        """"Vice Premier Zhao and Prime Minister Sok witnessed the signing of 11 agreements": the states
        the leaders who witness or attend the signing act for."""
        bodies = set(self.vocab.cues.state_body_nouns)
        out = []
        for m in mentions:
            head = self.doc[m.head]
            signing = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
            if signing is None or signing.lemma_.lower() not in ("signing", "signature") or signing.dep_ != "dobj":
                continue
            if any(c.dep_ == "prep" and c.lower_ == "between" and any(g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_) for g in c.children) for c in head.children):
                continue  # "witnessed the signing of a deal between CNPC and NNPC": the deal names its sides
            verb = signing.head
            if verb.lemma_ not in ("witness", "attend", "oversee", "preside") or any(c.dep_ == "aux" and c.lower_ in ("will", "would", "to") for c in verb.children):
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            # ("Visiting Chinese Vice Premier Zhao and ... witnessed": the parser read "Visiting" as the subject)
            subjects = subjects or [o for c in verb.children if c.dep_ == "csubj" and c.tag_ == "VBG" for o in c.children if o.dep_ == "dobj"]
            for who in (s for c in subjects for s in (c, *c.conjuncts) if ca <= s.idx < cb):
                party = self.people.person_party(who) or self.people.body_party(who, bodies, "party.witness") or self.people.named(who, "party.witness")
                out += [party] if party is not None else []
        return out

    def _holders_written(self, mentions: list[Mention], ca: int, cb: int) -> list:
        """"the water concession held by Aguas del Plata", "a port concession awarded to Adriatic
        Gateway": who holds an agreement or was awarded it, by a participle on its name."""
        cues = self.vocab.cues
        verbs = set(cues.grant_verbs) | {"hold"}
        out = []
        for m in mentions:
            head = self.doc[m.head]
            for part in (c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in verbs):
                preps = ("by",) if part.lemma_ == "hold" else ("to",)
                for who in (g for c in part.children if c.dep_ in ("agent", "prep") and c.lower_ in preps for g in c.children if g.dep_ == "pobj"):
                    if ca <= who.idx < cb and who.pos_ == "PROPN":
                        # (the name as the NER read it, whatever it took it for: "Adriatic Gateway" as a title)
                        ent = self.people._ent(who) if who.ent_type_ and who.ent_type_ not in ("DATE", "MONEY", "NORP") else None
                        out.append(Party(ent.start_char, ent.end_char, ent.text, None, "party.holder") if ent is not None else proper_noun_party(who, "party.holder"))
        return out

    def _grantees(self, verb) -> list:
        """Whom an agreement that grants something grants it to: the indirect object ("gives Occidental
        exploration rights", parsed as a dative, as the first of two objects or as a name on the object)."""
        datives = [c for c in verb.children if c.dep_ == "dative"]
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if datives or len(objects) >= 2:
            return datives or objects[:-1]
        grants = set(self.vocab.cues.grant_nouns)
        return [c for o in objects if o.lemma_.lower() in grants for c in o.children if c.dep_ == "compound" and c.i == o.left_edge.i and c.ent_type_ in ("ORG", "GPE", "PERSON")]

    def _grantee(self, t) -> Party | None:
        if t.pos_ != "PROPN":
            return None
        return self.people.named(t, "party.granted") or proper_noun_party(t, "party.granted")

    def _signed_players(self, mentions: list[Mention], ca: int, cb: int) -> list:
        """"Leeds signed the winger Ivo Mandic to a four-year deal": the person signed to a contract is its other side."""
        out = []
        for m in mentions:
            head = self.doc[m.head]
            if head.dep_ == "dobj" and head.head.lemma_ in ("offer", "give", "hand", "award"):
                # "Barthez has been offered a contract", "offered Barthez a contract": the person it is for
                for who in (c for c in head.head.children if c.dep_ in ("nsubjpass", "dative") and c.ent_type_ == "PERSON"):
                    ent = self.people._ent(who)
                    if ent is not None and ca <= ent.start_char and ent.end_char <= cb:
                        out.append(Party(ent.start_char, ent.end_char, ent.text, None, "party.signed_person"))
            prep = head.head if head.dep_ == "pobj" and head.head.lower_ in ("to", "on", "from") else None
            verb = prep.head if prep is not None else None
            # ("signed X from Rosario Sur on a four-year contract": the parser hangs "on" on the club left)
            while verb is not None and verb.pos_ != "VERB" and verb.dep_ in ("pobj", "prep") and verb.head != verb:
                verb = verb.head
            if prep is not None and prep.lower_ == "from" and verb.lemma_ != "release":
                continue
            # "the contract of striker Marco Ruggeri": whose contract it is
            for who in (g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"):
                person = who if who.ent_type_ == "PERSON" else next((c for c in who.children if c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON"), None)
                ent = self.people._ent(person) if person is not None else None
                if ent is not None and ca <= ent.start_char and ent.end_char <= cb:
                    out.append(Party(ent.start_char, ent.end_char, ent.text, None, "party.signed_person"))
            if verb is not None and verb.lemma_ == "agree":
                # "the Indians agreed to terms with pitcher Paul Byrd on a two-year deal": the one agreed with
                holders = [verb] + [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.lower_ == "terms"]
                for who in (g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"):
                    ent = self.people._ent(who) if who.ent_type_ == "PERSON" else None
                    if ent is not None and ca <= ent.start_char and ent.end_char <= cb:
                        out.append(Party(ent.start_char, ent.end_char, ent.text, None, "party.signed_person"))
                continue
            # ("appointed German coach Klaus Berger on an 18-month contract", "released X from his contract")
            if verb is None or verb.lemma_ not in ("sign", "re-sign", "appoint", "hire", "recruit", "engage", "release") or verb.pos_ != "VERB":
                continue
            # "Owens was signed to a contract by the Cowboys"; "Signed to a contract by the Cowboys, Owens ...":
            # the person signed, and the team that signed him (the parser may hang "by" on the contract)
            signed = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(c.dep_.startswith("nsubj") for c in verb.children):
                signed += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                teams = [g for h in (verb, head) for c in h.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
                out += [p for t in teams if ca <= t.idx < cb and (p := self.people.named(t, "party.signed_by") or proper_noun_party(t, "party.signed_by"))]
            for who in (t for t in signed if t.ent_type_ == "PERSON"):
                party = self.people.person(who, "party.signed_person")
                if party is not None and ca <= party.start and party.end <= cb:
                    out.append(party)
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                person = next((t for t in obj.subtree if t.ent_type_ == "PERSON" or t.dep_ == "appos" and t.pos_ == "PROPN"), None)
                ent = self.people._ent(person) if person is not None else None
                if ent is not None and ca <= ent.start_char and ent.end_char <= cb:
                    out.append(Party(ent.start_char, ent.end_char, ent.text, None, "party.signed_person"))
                elif person is not None and ca <= person.idx < cb:
                    # the small model often misses a foreign name: the proper nouns of the object's apposition
                    left = person.left_edge.i if person.dep_ == "appos" else person.i
                    first = min((c.i for c in person.lefts if c.dep_ == "compound"), default=person.i)
                    s_c, e_c = self._chars(max(left, first), person.i + 1)
                    out.append(Party(s_c, e_c, self.text[s_c:e_c], None, "party.signed_person"))
        return out

    def _between_sides(self, mentions: list[Mention], out: list[Term]) -> list[Term]:
        """The parties of "between X and Y" written just after an agreement's name ("a deal (reached) between ...")."""
        ends = [self.doc[m.end - 1].idx + len(self.doc[m.end - 1]) for m in mentions if self.doc[m.head].pos_ != "VERB"]
        first = next((
            p for p in out
            if _BETWEEN.search(self.text[max(0, p.start - 20) : p.start]) and any(0 <= p.start - e <= 40 for e in ends)
        ), None)
        if first is None:
            return []
        sides = [first]
        for p in out[out.index(first) + 1 :]:
            if COORDINATED.fullmatch(self.text[sides[-1].end : p.start]):
                sides.append(p)
        return sides


def _whose_person(token):
    """The person a "whose" clause describes ("David Beckham, whose contract expires in June"), or None."""
    if token.tag_ != "WP$" or token.head.head.dep_ != "relcl":
        return None
    noun = token.head.head.head
    return noun if noun.ent_type_ == "PERSON" else None
