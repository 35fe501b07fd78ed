"""Sides of a peace agreement told through the conflict it ends: "the accords which ended the war
which pitted X against Y", "a truce ending the war between X and Y", "the truce agreement ending
the Israeli offensive" (after "Israel's offensive against Hezbollah"). The sides of the conflict
are the sides of the agreement that ends it.

A conflict written with one side only ("the Israeli offensive") takes the other from an earlier
mention of the same conflict noun that names it; with no second side nothing is returned.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimweave.extract.agreement_people import Party
from claimweave.extract.agreement_sides import NegotiatingSides
from claimweave.extract.titles import affiliation_name

_OWNER_DEPS = ("poss", "amod", "compound", "nmod")


class ConflictSides:
    """Finds the two sides of the conflict an agreement ends, in one Doc."""

    def __init__(self, sides: NegotiatingSides, *, conflicts: set[str], ending: set[str]) -> None:
        self.sides, self.doc = sides, sides.doc
        self.conflicts, self.ending = conflicts, ending

    def ended(self, head: Token) -> list[Party]:
        """The sides of the conflict an agreement (its head token) ends, or []."""
        verbs = [c for c in head.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in self.ending]
        if head.dep_ == "nsubj" and head.head.lemma_.lower() in self.ending:
            verbs.append(head.head)  # "the accord ended the war ..."
        for verb in verbs:
            for noun in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in self.conflicts):
                first, second = self._sides(noun)
                if (first is None or second is None) and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
                    # "the Israeli offensive": the side it was against is told at an earlier mention
                    for t in reversed(self.doc[: noun.i]):
                        if t.pos_ == "NOUN" and t.lemma_.lower() == noun.lemma_.lower():
                            a, b = self._sides(t)
                            first, second = first or a, second or b
                            if first is not None and second is not None:
                                break
                if first is not None and second is not None and affiliation_name(first.text) != affiliation_name(second.text):
                    return [Party(p.start, p.end, p.text, p.entity_id, "party.conflict") for p in (first, second)]
        return []

    def _sides(self, noun: Token) -> tuple[Party | None, Party | None]:
        """The two sides written on a conflict noun: "between X and Y", "which pitted X against Y",
        "X's offensive against Y", "the Israeli offensive"."""
        between = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "between" for g in c.children if g.dep_ == "pobj"]
        members = [m for t in between for m in [t, *t.conjuncts] if m.i >= t.i]
        if len(members) == 2:
            return self._side(members[0]), self._side(members[1])
        for clause in (c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() == "pit"):
            objects = [c for c in clause.children if c.dep_ == "dobj"]
            against = [g for c in clause.children if c.dep_ == "prep" and c.lower_ == "against" for g in c.children if g.dep_ == "pobj"]
            if objects and against:
                return self._side(objects[0]), self._side(against[0])
        owner = next((c for c in noun.children if c.dep_ in _OWNER_DEPS and c.i < noun.i and self._side(c) is not None), None)
        against = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "against" for g in c.children if g.dep_ == "pobj"), None)
        return (self._side(owner) if owner is not None else None), (self._side(against) if against is not None else None)

    def _side(self, tok: Token) -> Party | None:
        """A side: a name, a body written with one, or a group named by the name on it ("PKK guerrillas")."""
        party = self.sides.side(tok)
        if party is None and tok.pos_ == "NOUN":
            named = next((c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
            party = self.sides.side(named) if named is not None else None
        if party is None and tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON":
            party = self.sides.proper_name(tok)  # "pitted Renamo against Frelimo": a movement the NER took for a person
        return party
