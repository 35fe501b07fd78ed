"""Which names of a clause belong to an agreement: the clause it is an argument of (not the clauses
above it, nor asides and participles set before it), the "with"/"between" tied to it, the ends of a
supply route it is for, a seller it buys from, and not a place it serves or whoever brokers it."""

from __future__ import annotations

from claimweave.extract.agreement_names import SIDES
from claimweave.extract.agreement_side_shapes import own_words
from claimweave.extract.agreement_terms import past_value
from claimweave.extract.agreement_types import Mention

_ASIDE_PREPS = ("despite", "amid", "notwithstanding")  # circumstances of a clause, not its actors


# Subordinators of a side clause whose names are not an agreement's sides.
_SIDE_MARKS = ("while", "whilst", "as", "because", "although", "though", "since", "whereas")
_CONTRAST = ("but", "yet", "whereas")


class ClauseScope:
    """Methods of ``ArgumentReader`` that tell which tokens of a clause are about an agreement (it
    provides ``doc``, ``text``, ``vocab`` and the asset helpers)."""

    def _mediator(self, root) -> bool:
        """True for a name described as a broker, mediator or monitor ("peace broker Norway", "Qatar, the mediator")."""
        nouns = set(self.vocab.cues.mediator_nouns) | {"monitor", "observer"}
        described = [c for c in root.children if c.dep_ in ("compound", "appos", "amod")] + ([root.head] if root.dep_ == "appos" else [])
        # "with the European Union acting as monitor", "Egypt, serving as guarantor"
        acting = [c for c in root.children if c.dep_ in ("acl", "relcl") and c.lemma_ in ("act", "serve")]
        acting += [root.head] if root.dep_ == "nsubj" and root.head.lemma_ in ("act", "serve") and root.head.tag_ == "VBG" else []
        described += [g for a in acting for p in a.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children if g.dep_ == "pobj"]
        return any(t.lemma_.lower() in nouns for t in described)

    def _from_seller(self, root, mentions: list[Mention] | None = None) -> bool:
        """True for "acquired shares from Octel": the one sold from is a party, not a place of origin
        (when the buying is the agreement's, not "Obtained from New Jersey, X signed a contract")."""
        prep = root.head if root.dep_ == "pobj" else None
        if prep is None or prep.lower_ != "from":
            return False
        verb = prep.head
        if mentions and any(verb.i == m.head for m in mentions) and verb.pos_ != "VERB" and verb.dep_ == "dobj":
            verb = verb.head  # "won a contract from the Air Force": the parser hangs "from" on the contract
        elif verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "dobj" and verb.head.lemma_ in self.vocab.cues.from_party_verbs and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in verb.children
        ):
            verb = verb.head  # "leases the base from Cuba": the parser hangs "from" on what is leased
        if verb.lemma_ not in self.vocab.cues.from_party_verbs or verb.pos_ != "VERB":
            return False  # (not a noun: "banning imports of meat from Belarus" names where the goods come from)
        # (a participle set before the clause describes its subject's past: "Obtained from New Jersey, X signed")
        participle = verb.tag_ in ("VBN", "VBG") and verb.dep_ in ("advcl", "acl") and verb.i < verb.head.i
        return mentions is None or not participle or any(verb.i in {t.i for t in self.doc[m.head].subtree} for m in mentions)

    def _commenters(self, mentions: list[Mention]) -> set[int]:
        """Tokens of who speaks of an agreement in a clause on it ("the accord, which Washington hailed
        as a breakthrough"): the subject of a relative clause whose verb makes, joins or keeps no agreement,
        and the subject of a verb that judges it ("Peru praised the pact", "Hamas condemned the truce"),
        unless the agreement is the subject's own ("Blair defended his budget deal")."""
        cues = self.vocab.cues
        making = set(cues.signed_verbs + cues.signer_verbs + cues.joining_verbs + cues.negotiating_verbs + cues.grant_verbs)
        out: set[int] = set()
        for head, subject in self._subjects_acting_on(mentions, set(cues.judging_verbs)):
            # (its own: "its new deal", or the subject's name again as the possessor)
            if not any(c.dep_ == "poss" and (c.tag_ == "PRP$" or c.text == subject.text) for c in head.children):
                out |= own_words(subject)
        for m in mentions:
            head = self.doc[m.head]
            if head.pos_ == "VERB":
                continue
            for clause in (c for c in head.children if c.dep_ == "relcl" and c.lemma_ not in making):
                if not any(t.tag_ in ("WDT", "WP") and t.dep_ == "dobj" for t in clause.children):
                    continue  # the agreement must be what the clause is about ("which X hailed")
                out.update(t.i for c in clause.children if c.dep_ == "nsubj" for t in c.subtree)
        return out

    def _route_end(self, root, mentions: list[Mention]) -> bool:
        """True for "Russia" and "Bulgaria" in "the contract for gas supply from Russia to Bulgaria": the
        two ends of the supply an agreement is for are its sides."""
        prep = root.head if root.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in ("from", "to") or root.ent_type_ not in ("GPE", "ORG"):
            return False
        noun = prep.head
        if noun.lemma_.lower() not in self.vocab.cues.route_nouns:
            return False
        return any(noun.i in {t.i for t in self.doc[m.head].subtree} for m in mentions if self.doc[m.head].pos_ != "VERB")

    def _place_served(self, tok, purpose: set[int], partnered: bool = False) -> bool:
        """True for a place named inside an agreement's purpose clause, other than one bought from or,
        when the agreement names no partner "with" it, sold to ("a deal to sell arms to Taiwan"; not
        "a deal with Shell to sell gas to Ghana")."""
        root = tok
        while root.dep_ in ("compound", "amod") and root.head.i != root.i:
            root = root.head
        return tok.i in purpose and tok.ent_type_ in ("GPE", "LOC") and not self._from_seller(root) and (partnered or not self._to_buyer(root))

    def _to_buyer(self, root) -> bool:
        """True for "to sell its unit to SoftBank", "to lease the port to Russia": whom one sells or
        leases to."""
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head  # ("to sell gas to Ghana, Togo and Benin")
        prep = root.head if root.dep_ in ("pobj", "dative") else None
        if prep is None or prep.lower_ != "to":
            return False
        verb = prep.head
        if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "dobj":
            verb = verb.head  # (the parser may hang "to" on what is sold)
        return verb.lemma_ in self.vocab.cues.to_party_verbs

    def _purpose_clauses(self, mentions: list[Mention]) -> set[int]:
        """Tokens of the infinitives saying what an agreement is for ("a deal to provide X with Y"),
        on its name or on the verb it is the object of."""
        return {t.i for m in mentions for v in self._infinitives(self.doc[m.head]) for t in v.subtree}

    def _own_clause(self, mentions: list[Mention]) -> set[int] | None:
        """Tokens of the clause an agreement is an argument of: its verb's subtree, climbing from a verb
        with no named subject ("X agreed to sign a deal", "X said it signed a deal") to the verb above,
        and from a clause describing a noun to that noun ("the X-Y exercises held under an agreement").
        None when the agreement has no verb above it (a heading, a list item)."""
        if not mentions:
            return None
        region: set[int] = set()
        for m in mentions:
            head = self.doc[m.head]
            if any(c.dep_ == "prep" and c.lower_ in ("between", "with") and any(g.lower_ in ("two", "both") for p in c.children for g in p.children) for c in head.children):
                return None  # "a standstill agreement between the two concerns": the sides are named elsewhere
            verb = head if head.pos_ == "VERB" else next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("aux", "auxpass")), None)
            if verb is None:
                return None
            for _ in range(3):
                subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
                named_by = ("NORP", "GPE", "ORG")
                if any(c.pos_ == "NOUN" and not c.ent_type_ and c.lemma_.lower() in SIDES | {"official", "officer"} and not any(d.ent_type_ in named_by for d in c.children) for c in subjects):
                    return None  # "trade officials signed a cooperation agreement": the sides are named elsewhere
                if any(c.pos_ != "PRON" for c in subjects):
                    break
                if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
                    verb = verb.head
                    break
                above = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("aux", "auxpass")), None)
                if above is None or verb.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "pcomp", "acl", "relcl"):
                    break
                verb = above
            region.update(t.i for t in verb.subtree)
            # "signed two pacts despite condemnation by Iran and Syria": who objects is no side
            region.difference_update(t.i for c in verb.children if c.dep_ == "prep" and c.lower_ in _ASIDE_PREPS for t in c.subtree)
            # "Obtained from New Jersey for three picks, Martin signed a contract": a participle clause set
            # before the signing tells what happened to its subject, not who signed
            for c in verb.children:
                if c.dep_ == "advcl" and c.tag_ in ("VBN", "VBG") and c.i < verb.i and not any(a.dep_.startswith("nsubj") or a.dep_ == "mark" for a in c.children) and head.i not in {t.i for t in c.subtree}:
                    region.difference_update(t.i for t in c.subtree)
            # "it was revealed, while he was playing in a Test against Pakistan, that he had signed a
            # contract with X": a side clause of a verb on the way up tells of other people
            for v in [a for a in head.ancestors if verb in a.ancestors or a == verb]:
                for c in v.children:
                    marked = any(a.dep_ == "mark" and a.lower_ in _SIDE_MARKS for a in c.children)
                    if c.dep_ == "advcl" and marked and head not in c.subtree:
                        region.difference_update(t.i for t in c.subtree)
            # "X signed a deal with Y but Z rejected it", "X has a contract until 2008 but many believe he
            # will quit after Germany 2006": a clause set against the agreement's, with a subject of its
            # own, tells of other people
            for v in [verb] + [a for a in head.ancestors if verb in a.ancestors]:
                for c in v.children:
                    contrast = any(x.dep_ == "cc" and x.lower_ in _CONTRAST and x.i < c.i for x in v.children)
                    own_subject = any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children)
                    if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and contrast and own_subject and head not in c.subtree:
                        region.difference_update(t.i for t in c.subtree)
        return region

    def _with_agreement(self, span, mentions: list[Mention]) -> bool:
        """True when "with"/"between" before a name belongs to the agreement: on its name ("a deal with
        X"), on the verb it is the object of ("signed a deal with X"), or on a verb describing it ("a deal
        reached between X and Y"); not on another verb of its clause ("the deal lets people travel between A and B")."""
        prep = next((t for t in reversed(self.doc[max(0, span.start - 3) : span.start]) if t.lower_ in ("with", "between", "and")), None)
        if prep is None:
            return True
        if prep.lower_ == "and":
            return False  # tied only through the name before it (checked by the caller)
        owners = set()
        for m in mentions:
            head = self.doc[m.head]
            # its own phrase ("the cease-fire of the war with Iran", "a deal reached between X and Y"), not a
            # clause inside it ("an agreement to re-open the crossing on the border between Gaza and Egypt")
            owners.update(t.i for t in head.subtree if t == head or t.head == head or not any(
                a.pos_ in ("VERB", "AUX") for a in t.ancestors if a.i != head.i and head in a.ancestors
            ))
            if head.dep_ in ("dobj", "nsubjpass", "nsubj") or head.pos_ == "VERB":
                owners.add(head.head.i if head.pos_ != "VERB" else head.i)
        # ("a deal worth 40 million euros with X": the value's "with" is the deal's)
        return prep.head.i in owners or past_value(prep.head).i in {m.head for m in mentions}
