"""Shapes in which news names an agreement's sides indirectly, read by ``ArgumentReader`` (which mixes
this class in): the seller of what a purchase deal buys ("to buy Yukos' stake", "150 Airbus planes"),
states paired on the activity an agreement frames ("US-Philippine exercises held under a treaty"),
who brokers or monitors it (no side), what is set up under it by whom, a side of "between" written
as an organisation's leader, and a person who signs or holds a contract in his own name."""

from __future__ import annotations

import re

from claimweave.extract.agreement_people import Party, PeopleResolver, countries, proper_noun_party
from claimweave.extract.agreement_types import RUNS_AS_NOUN, Mention, Term
from claimweave.extract.titles import affiliation_name

_COURTS = ("court", "tribunal", "judge")  # who rules on an agreement, whatever it does to it, and signs none

_STATE_OFFICES = {"president", "minister", "premier", "chancellor", "king", "queen", "emir", "sultan", "governor", "mayor", "leader"}
_MOVE_VERBS = {"sign", "join", "rejoin", "re-join"}  # "signed for X on a contract", "joined X on a deal"
_SIGNING_ONESELF = {"sign", "re-sign", "agree", "ink", "accept", "conclude", "seal", "clinch", "strike", "reach"}  # not "negotiate"


HYPHENS = ("-", "\u2013")  # what joins two names of a pair ("Nepal-India", "EU\u2013Ukraine")


def _state(t) -> bool:
    # (a country's name counts where the NER took the whole pair for one organisation)
    return t.ent_type_ in ("GPE", "NORP") and affiliation_name(t.text) != t.text or t.ent_type_ == "GPE" or affiliation_name(t.text) in countries()


def _side_name(t) -> bool:
    """A word that names a side on its own: a state, an acronym ("PLO", "ASEAN"), or a name the NER
    takes alone, here ("Hamas-Fatah") or elsewhere in the story ("the Taliban")."""
    if _state(t):
        return True
    if t.pos_ != "PROPN":
        return False
    if t.text.isupper() and t.text.isalpha() and len(t.text) >= 2:
        return True
    return any(e.text == t.text and e.label_ in ("ORG", "GPE", "NORP") for e in t.doc.ents)


def hyphen_pairs(tokens: list):
    """Each two words among ``tokens`` written joined by a hyphen ("Nepal-India" -> (Nepal, India))."""
    words = [t for t in tokens if t.text not in HYPHENS]
    for a, b in zip(words, words[1:]):
        if a.doc.text[a.idx + len(a.text) : b.idx] in HYPHENS:
            yield a, b


def paired_sides(tokens: list) -> list:
    """The sides written joined by a hyphen among ``tokens`` ("the Nepal-India commerce treaty" ->
    Nepal, India; "the Israel-PLO accord" -> Israel, PLO), in text order. One place written with a
    hyphen ("Bosnia-Herzegovina", "Guinea-Bissau") is no pair: inside one place name both words must
    be countries."""
    out = []
    for a, b in hyphen_pairs(tokens):
        # (a state paired with a name the model left untagged: "an Israel-Hamas truce")
        untagged = lambda t: t.pos_ == "PROPN" and not t.ent_type_ and t.text[:1].isupper()  # noqa: E731
        if not (_side_name(a) and _side_name(b)) and not (_state(a) and untagged(b) or _state(b) and untagged(a)):
            continue
        one_place = b.ent_type_ == "GPE" and b.ent_iob_ == "I"  # (the entity goes on from a through the hyphen)
        if one_place and not all(affiliation_name(t.text) in countries() for t in (a, b)):
            continue
        out += [t for t in (a, b) if t not in out]
    return out


def own_words(subject) -> set[int]:
    """Token indices of a noun phrase up to its head, without its possessor ("Acme's board" -> "board")."""
    owner = {t.i for c in subject.children if c.dep_ == "poss" for t in c.subtree}
    return {i for i in range(subject.left_edge.i, subject.i + 1) if i not in owner}


class SideShapes:
    """Methods of ``ArgumentReader`` for sides written indirectly (it provides ``doc``, ``text``,
    ``vocab``, ``people`` and ``_token_at``)."""

    def _framed_pairs(self, mentions: list[Mention]) -> list[Party]:
        """"the US-Philippine exercises held under a defence agreement": the states paired on the
        activity an agreement frames are its sides."""
        out: list[Party] = []
        for m in mentions:
            head = self.doc[m.head]
            while head.dep_ == "conj" and head.head.i != head.i:
                head = head.head  # "under a defence agreement and a visiting forces agreement"
            if head.pos_ == "VERB" or head.dep_ != "pobj" or head.head.lower_ != "under":
                continue
            verb = head.head.head
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            nouns = [verb.head] if verb.dep_ in ("acl", "relcl") else [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            for noun in nouns:
                if noun.pos_ == "NOUN":
                    self._hyphen_pair(list(self.doc[noun.left_edge.i : noun.i]), "party.framed_pair", out)
        return out

    def _hyphen_pair(self, tokens: list, rule: str, out: list[Party]) -> None:
        """Add to ``out`` the sides written joined by a hyphen among ``tokens``."""
        for t in paired_sides(tokens):
            if not any(p.start == t.idx for p in out):
                out.append(Party(t.idx, t.idx + len(t.text), t.text, None, rule))

    def _seller_of_bought(self, tok) -> bool:
        """True for "Yukos" in "to buy Yukos' majority stake" and "Airbus" in "to purchase 150 Airbus planes":
        the owner or maker of what a buyer acquires sells it (whatever the NER took the name for), unless
        the text names whom it is bought from."""
        thing = tok.head
        if tok.dep_ not in ("poss", "compound", "nmod") or tok.ent_type_ not in ("ORG", "PERSON"):
            return False
        while thing.dep_ in ("compound", "nmod") and thing.head.pos_ in ("NOUN", "PROPN") and thing.head.i > thing.i:
            thing = thing.head  # "30 Boeing 737-900ER aircraft": the maker of a model of the goods
        # ("a contract for six Airbus A380 superjumbos": a counted order of the maker's goods)
        counted = any(c.dep_ == "nummod" for c in thing.children)
        if counted and thing.dep_ == "pobj" and thing.head.lower_ == "for" and thing.head.head.lower_ in self.vocab.kind_heads:
            # (unless the deal names whom it is with, "a deal with Russia for 40 Sukhoi jets", or is won, not
            # signed: "SR Technics won a contract for 12 Airbus A330s" to service them)
            deal = thing.head.head
            signed = deal.dep_ == "dobj" and deal.head.lemma_ in ("sign", "ink", "seal", "conclude", "finalize", "finalise", "place")
            return signed and not any(c.dep_ == "prep" and c.lower_ == "with" for c in deal.children)
        if thing.pos_ != "NOUN" or thing.dep_ != "dobj":
            return False
        verb = thing.head
        buying = set(self.vocab.cues.from_party_verbs) & set(self.vocab.cues.transfer_words)
        return verb.lemma_ in buying and not any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)

    def _brokers(self, mentions: list[Mention]) -> set[int]:
        """Tokens of who brokers, mediates or monitors an agreement: the agent of "brokered by", the
        subject of "brokered"/"to monitor" (through the verbs above a purpose: "deployed a force to monitor")."""
        verbs = set(self.vocab.cues.brokering_verbs)
        out: set[int] = set()
        for m in mentions:
            head = self.doc[m.head]
            if head.pos_ == "VERB":
                continue
            governing = [c for c in head.children if c.dep_ in ("acl", "relcl")] + ([head.head] if head.dep_ == "dobj" else [])
            for verb in (v for v in governing if v.lemma_.lower() in verbs):
                for agent in (c for c in verb.children if c.dep_ == "agent"):
                    out.update(t.i for t in agent.subtree)
                    out.update(self._set_off_after(agent.right_edge.i))
                above = verb
                for _ in range(3):
                    subjects = [c for c in above.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")]
                    if subjects or above.dep_ not in ("xcomp", "advcl", "conj") or above.head.i == above.i:
                        out.update(t.i for c in subjects for t in c.subtree)
                        break
                    above = above.head
        return out

    def _set_off_after(self, i: int) -> list[int]:
        """Tokens of a name set off by a comma right after token ``i`` ("brokered by the US mediator,
        UN Ambassador Bill Richardson"), however the parser hangs it: the same one again."""
        doc = self.doc
        if i + 2 >= len(doc) or doc[i + 1].text != "," or doc[i + 2].pos_ != "PROPN":
            return []
        out, k = [], i + 2
        while k < len(doc) and k - i <= 8 and doc[k].pos_ in ("PROPN", "NOUN", "ADJ", "DET") and doc[k].sent == doc[i].sent:
            out.append(k)
            k += 1
        return out

    def _approvers(self, mentions: list[Mention]) -> set[int]:
        """Tokens of a body that ratifies or approves an agreement ("The Senate ratified the treaty",
        "shareholders approved the deal"): it decides on the agreement but is no side of it. A state
        that ratifies ("Chile ratified the convention") is one, and so is whose body it is ("Acme's
        board approved the deal": Acme), but not whose regulator or court it is ("Brazil's antitrust
        regulator cleared the deal")."""
        out: set[int] = set()
        for _, subject in self._subjects_acting_on(mentions, set(self.vocab.cues.approving_verbs)):
            if subject.lemma_.lower() in self.vocab.cues.ruling_body_nouns:
                out |= {t.i for t in subject.subtree}  # (a regulator or a court rules on others' deals, its state's too)
            elif not _state(subject):
                out |= own_words(subject)
        # ("The Supreme Court declared void the 1997 concession contract": a court or a regulator rules on
        # an agreement, whatever it does to it; it is no side)
        for m in mentions:
            verb = next((a for a in self.doc[m.head].ancestors if a.pos_ == "VERB"), None)
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
            if subject is not None and subject.lemma_.lower() in _COURTS:
                out |= {t.i for t in subject.subtree}
        return out

    def _passed_over(self, mentions: list[Mention]) -> set[int]:
        """Tokens of who was passed over for an agreement ("snubbing rival Airbus for a deal", "Acme
        beat Orvel to the contract"): the object of a verb of passing over whose clause holds the
        agreement is a rival, not a side."""
        verbs = set(self.vocab.cues.passing_over_verbs)
        # (by its form too: the tagger may take "snubbing" for a noun and leave it unlemmatised)
        forms = re.compile(rf"(?:{'|'.join(map(re.escape, sorted(verbs)))})(?:s|es|ed|[bn]?ed|[bn]?ing|ing|en)?")
        out: set[int] = set()
        for m in mentions:
            head = self.doc[m.head]
            # (the verb above it, or one just before it that the parser gave another attachment)
            near = list(head.ancestors)[:3] + list(self.doc[max(head.sent.start, m.start - 6) : m.start])
            for verb in (a for a in near if a.lemma_.lower() in verbs or forms.fullmatch(a.lower_)):
                out.update(t.i for c in verb.children if c.dep_ == "dobj" and c.i != m.head for t in c.subtree if t.i != m.head)
                out.update(range(verb.i + 1, m.start))  # ("snubbing rival Airbus for a deal", however parsed)
        return out

    def _subjects_acting_on(self, mentions: list[Mention], verbs: set[str]) -> list[tuple]:
        """(agreement head, subject) for each subject of a verb in ``verbs`` whose object is the
        agreement ("Peru praised the pact"), also through a list of agreements ("the treaty and two
        protocols") and a verb it controls ("the Senate voted to ratify the treaty")."""
        out = []
        for m in mentions:
            head = self.doc[m.head]
            while head.dep_ == "conj" and head.head.i != head.i:
                head = head.head
            if head.pos_ == "VERB" or head.dep_ != "dobj" or head.head.lemma_.lower() not in verbs:
                continue
            verb = head.head
            while verb.dep_ == "xcomp" and verb.head != verb and not any(c.dep_ == "nsubj" for c in verb.children):
                verb = verb.head
            out += [(self.doc[m.head], c) for c in verb.children if c.dep_ == "nsubj"]
        return out

    def _made_under(self, mentions: list[Mention]) -> set[int]:
        """Tokens of what is made or done under an agreement when the text says by whom ("Under a
        memorandum, a "Vision Program" was set up by the ministry and the hospital"): the thing, not a side."""
        out: set[int] = set()
        for m in mentions:
            head = self.doc[m.head]
            if head.dep_ != "pobj" or head.head.lower_ != "under" or head.head.head.pos_ not in ("VERB", "AUX"):
                continue
            verb = head.head.head
            if any(c.dep_ == "agent" for c in verb.children):
                out.update(t.i for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree)
        return out

    def _leaders_between(self, out: list[Term]) -> list[Term]:
        """"between African Union Commission Chairman Jean Ping and the rebels": a side written as a
        person with the title of an organisation is the person (a state's leader stays the state)."""
        result = []
        for p in out:
            person = None
            if p.rule == "party.with" and not self._is_state(p.value[0]):
                tok = self.doc[self._token_at(p.start)]
                while tok.dep_ in ("compound", "amod") and tok.head.i > tok.i:
                    tok = tok.head
                    if tok.ent_type_ == "PERSON":
                        person = self.people._ent(tok)
                        break
            side = person is not None and self._between_side(self.doc[person.end - 1])
            if side:
                entity = self.people.entity_at.get((person.start_char, person.end_char))
                p = Term((person.text, entity.id if entity else None), person.start_char, person.end_char, "party.with_person")
            if not any(q.start == p.start for q in result):
                result.append(p)
        return result

    @staticmethod
    def _between_side(tok) -> bool:
        """True for the object of "between" (or a name coordinated with it)."""
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        return tok.dep_ == "pobj" and tok.head.lower_ == "between"

    def _is_state(self, name: str) -> bool:
        return affiliation_name(name) in countries() or any(e.text == name and e.label_ in ("GPE", "NORP") for e in self.doc.ents)

    def _contracted_people(self, mentions: list[Mention], ca: int, cb: int, signing: set[str]) -> list[Party]:
        """"Tom Hale signed a five-year contract", "Hale agreed to a four-year deal", "Hale, who is under
        contract with Chelsea": a person who signs or holds a contract, and acts for no state or
        organisation the document names, is its side himself."""
        out = []
        for m in mentions:
            head = self.doc[m.head]
            if head.pos_ == "VERB" or not self._personal_kind(m):
                continue
            # (the parser at times reads "runs" in "the 25-year-old's contract runs until 2008" as a noun
            # the possessor hangs on)
            owners = [*head.children, *(head.head.children if head.dep_ == "compound" and head.head.lower_ in RUNS_AS_NOUN else [])]
            owner = next((c for c in owners if c.dep_ == "poss"), None)
            if owner is not None and not self._described_player(owner):
                # "Tom Hale's contract with Everton": a person's contract is his own ("X negotiated their
                # contracts": someone else's, not the signer's)
                # (not one who holds a state's office: "President Chavez's oil contract with China")
                own = owner.ent_type_ == "PERSON" and ca <= owner.idx < cb and not self._state_office(owner)
                party = self.people.person(owner, "party.contract_owner") if own else None
                out += [party] if party is not None else []
                continue
            signers = PeopleResolver.signers(head, signing & _SIGNING_ONESELF)
            people = [t for t in signers if t.ent_type_ == "PERSON"]
            holder = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "under" else None
            if holder is not None and holder.lemma_ == "be":
                subjects = [c for c in holder.children if c.dep_ == "nsubj"]
                # "Hale, who is under contract": the one the clause describes
                people += [holder.head if c.tag_ in ("WP", "WDT") and holder.dep_ == "relcl" else c for c in subjects]
            # (a contract "with" a club is with that club, not with the one of the player's title: "Barcelona
            # striker X signed a contract with Real Madrid")
            verb = head.head if head.dep_ == "dobj" else None
            counterpart = any(c.dep_ == "prep" and c.lower_ == "with" for t in (head, verb) if t is not None for c in t.children)
            # "The 25-year-old's current contract", "the striker signed a contract": a player described, not
            # named, is the one the story named last (and "Tottenham" in "the Tottenham striker" is his club)
            for t in [x for x in [owner, *signers] if x is not None and self._described_player(x)]:
                if not ca <= t.idx < cb:
                    continue
                party, ent = self._last_person_before(t)
                out += [party, *([] if counterpart else self._employer_before(ent))] if party is not None else []
                employer = next((c for c in t.children if c.dep_ == "compound" and c.ent_type_ in ("GPE", "ORG")), None)
                named = self.people.named(employer, "party.employer") if employer is not None and not counterpart else None
                out += [named] if named is not None else []
            for t in people:
                if not ca <= t.idx < cb or t.ent_type_ != "PERSON" or self.people.person_party(t) is not None:
                    continue
                ent = self.people._ent(t)
                entity = self.people.entity_at.get((ent.start_char, ent.end_char)) if ent is not None else None
                if entity is not None and entity.id in self.people.affiliations:
                    continue  # someone who holds a role for a state or a body signs for it
                party = self.people.person(t, "party.contracted_person")
                out += [party] if party is not None else []
                out += self._employer_before(ent) if party is not None and not counterpart else []
        return out

    def _personal_kind(self, m: Mention) -> bool:
        """True for the kinds a person holds: a contract, or a deal with a term ("a three-year deal")."""
        return m.rule.kind == "contract" or m.rule.kind == "deal" and bool(re.search(r"\w-(?:year|season)\b", self.doc[m.start : m.end].text))

    def _state_office(self, tok) -> bool:
        """True for a person titled with a state office right before the name ("President Hugo Chavez")."""
        ent = self.people._ent(tok)
        return ent is not None and ent.start > 0 and self.doc[ent.start - 1].lower_ in _STATE_OFFICES

    def _club_moves(self, mentions: list[Mention], ca: int, cb: int) -> list[Party]:
        """"Hale has signed for Everton on a three-year deal", "Hale joined Everton on a two-year
        contract", "Everton have tied Hale to a new contract", "Everton signed Hale on a two-year
        deal": the player and the club a contract is
        "on" or "to" are its sides, whatever the model took the club's name for."""
        out: list[Party] = []
        for m in mentions:
            head = self.doc[m.head]
            if head.pos_ == "VERB" or not self._personal_kind(m) or head.dep_ != "pobj" or head.head.lower_ not in ("on", "to"):
                continue
            verb = head.head.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if head.head.lower_ == "on" and verb.lemma_ == "sign" and obj is not None and obj.ent_type_ == "PERSON" and subject is not None and subject.ent_type_ in ("ORG", "GPE", "LOC", "FAC"):
                player, club = obj, subject  # "Bayern signed defender Lucio on a four-year contract": the club signs him
            elif head.head.lower_ == "on" and verb.lemma_ in _MOVE_VERBS:
                player = subject
                club = obj if verb.lemma_ != "sign" else next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"), None)
            elif head.head.lower_ == "to" and verb.lemma_ in ("tie", "commit", "sign"):
                player, club = obj, subject
            else:
                continue
            if player is None or club is None or player.ent_type_ != "PERSON" or club.pos_ != "PROPN" or not (ca <= player.idx < cb and ca <= club.idx < cb):
                continue
            ent = self.people._ent(club)
            staff = set(self.vocab.cues.staff_nouns)
            if ent is not None and (ent.label_ == "PERSON" and len(ent) > 1 or ent.start > 0 and self.doc[ent.start - 1].lemma_.lower() in staff):
                continue  # "Everton manager David Moyes has tied X to a contract": a person, not the club
            person = self.people.person(player, "party.club_move")
            team = self.people._party(ent, "party.club_move") if ent is not None else proper_noun_party(club, "party.club_move")
            out += [p for p in (person, team) if p is not None]
        return out

    def _employer_before(self, ent) -> list[Party]:
        """The club or country written with a player's title before his name ("Tottenham captain Ledley
        King", "Hamburg defender X"): whom he is under contract with."""
        i = ent.start
        if i < 2 or self.doc[i - 1].lemma_.lower() not in self.vocab.cues.player_nouns or not self.doc[i - 1].text.islower():
            return []
        club = self.doc[i - 2]
        named = self.people.named(club, "party.employer") if club.ent_type_ in ("ORG", "GPE") else None
        return [named] if named is not None else []

    def _described_player(self, tok) -> bool:
        """True for a definite description of a player: "the 25-year-old", "the striker", "the Tottenham
        captain" (not a pronoun, not a name; not a coach or a manager, whose last-named person is as
        often an assistant)."""
        if tok.pos_ not in ("NOUN", "ADJ") or not any(c.lower_ == "the" and c.dep_ == "det" for c in tok.children):
            return False
        aged = tok.lower_ == "old" and tok.i >= 2 and self.doc[tok.i - 1].text == "-" and self.doc[tok.i - 2].lower_ == "year"
        return aged or not tok.ent_type_ and tok.lemma_.lower() in self.vocab.cues.player_nouns

    def _last_person_before(self, tok) -> tuple[Party | None, object]:
        """The person named last before ``tok``, in its sentence or the two before it (and the name)."""
        sents = list(self.doc.sents)
        k = next((n for n, sent in enumerate(sents) if sent.start <= tok.i < sent.end), 0)
        floor = sents[max(0, k - 2)].start
        speech, staff = set(self.vocab.cues.party_speech_verbs), set(self.vocab.cues.staff_nouns)

        def other(e) -> bool:
            # ("..., his coach Otto Brandt said": who talks about him is not him; nor is "Manager Otto
            # Brandt", titled as someone who works with players)
            root = e.root
            while root.dep_ in ("appos", "compound") and root.head != root:
                root = root.head
            titled = any(t.lemma_.lower() in staff for t in self.doc[max(0, e.start - 2) : e.end])
            return titled or root.dep_ == "nsubj" and root.head.lemma_ in speech

        last = next((e for e in reversed(self.doc.ents) if e.label_ == "PERSON" and floor <= e.start and e.end <= tok.i and not other(e)), None)
        return (self.people.person(last.root, "party.described_person"), last) if last is not None else (None, None)

    def _unilateral(self, mentions: list[Mention], ca: int, cb: int) -> list[Party]:
        """"the group called off a unilateral ceasefire": a one-sided agreement's only side is who
        declares, extends or ends it (a name, a body written with one, or a description of one)."""
        out: list[Party] = []
        for m in mentions:
            head = self.doc[m.head]
            if head.pos_ == "VERB" or head.dep_ != "dobj" or not any(c.lower_ in ("unilateral", "one-sided") for c in head.children):
                continue
            verb = head.head
            while verb.dep_ in ("xcomp", "conj") and not any(c.dep_ == "nsubj" for c in verb.children):
                verb = verb.head
            for t in (c for c in verb.children if c.dep_ == "nsubj" and ca <= c.idx < cb):
                named = next((c for c in t.children if c.dep_ == "compound" and c.ent_type_ == "ORG"), None)
                party = self.people.named(named or t, "party.unilateral") or self.people.side(t, ("GPE", "NORP", "ORG"), "party.unilateral")
                if party is None and t.pos_ == "NOUN":
                    party = next(iter(self.anaphora.resolve(t)), None)
                out += [party] if party is not None else []
        return out

