"""The records agreement extraction passes around: a mention of an agreement, a term read from the
text (value, characters, rule id), and the terms of one agreement."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimweave.extract.agreement_rules import KindRule
from claimweave.extract.agreement_terms import same_name


# adjectives that set an agreement before another ("the previous deal", "the old lease")
BEFORE_WORDS = frozenset(("previous", "former", "prior", "earlier", "old", "outgoing"))
PHRASE_ASSETS = ("asset.kind_prep", "asset.kind_compound")
# Assets read from a verb on the agreement's own name or signing ("a deal to build X", "an accord liberalising X").
OWN_ASSETS = ("asset.purpose_object", "asset.participle_object")
# verbs of running the parser at times reads as a noun after a contract ("his current contract runs until 2008")
RUNS_AS_NOUN = ("runs", "expires", "ends", "lasts")


@dataclass
class Mention:
    """A phrase naming an agreement: tokens [start, end); ``kind_start``..``end`` is the kind name."""

    start: int
    end: int
    head: int
    kind_start: int
    rule: KindRule
    plural: bool
    definite: bool
    bare: bool = False
    listed_by: int | None = None  # the head of the plural that lists this agreement by name

    def top(self, doc):
        """The phrase's token that hangs outside it: its head, or the word the parser made the head of a
        name it split ("the Conventional Armed Forces in Europe Treaty" hung on "Forces")."""
        tok = doc[self.head]
        start, end = self.start, self.end
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None) if tok.ent_type_ else None
        if ent is not None:
            start, end = min(start, ent.start), max(end, ent.end)  # (the name the NER read whole)
        while tok.head != tok and start <= tok.head.i < end:
            tok = tok.head
        return tok


@dataclass
class Term:
    """One value read from the text, with the characters it came from and the rule that read it."""

    value: object
    start: int
    end: int
    rule: str


@dataclass
class Terms:
    parties: list[Term] = field(default_factory=list)
    asset: Term | None = None
    signed: list[Term] = field(default_factory=list)
    duration: Term | None = None
    expires: Term | None = None
    renewal: Term | None = None
    status: Term | None = None
    anaphoric_status: Term | None = None
    signed_in_phrase: bool = False

    def has_substance(self) -> bool:
        """True when the clause says something that identifies one agreement (not only a status)."""
        named_asset = self.asset is not None and self.asset.rule in PHRASE_ASSETS
        return bool(self.signed or self.duration or self.expires or self.renewal or named_asset)

    def has_terms(self) -> bool:
        return bool(self.signed or self.duration or self.expires or self.renewal or self.status)

    def has_time_terms(self) -> bool:
        return bool(self.signed or self.duration or self.expires or self.renewal)

    def absorb(self, other: Terms, *, reference: bool = True) -> None:
        """Add what a later reference says: missing fields are filled, a later status wins.

        A reference adds only the parties it names itself ("the U.N.-Iraq accord", "the deal with
        X"); the other names in its clause are mostly other actors of the story.
        """
        for name in ("asset", "duration", "expires", "renewal"):
            if getattr(self, name) is None:
                setattr(self, name, getattr(other, name))
        # What a later name says it covers ("the agreement over weapons inspections") outranks what a
        # verb near an earlier mention was read to cover, but not what the earlier mention was said to be
        # for or to do ("signed an MoU to set up a consultation mechanism").
        if other.asset is not None and other.asset.rule in PHRASE_ASSETS and self.asset.rule not in PHRASE_ASSETS + OWN_ASSETS:
            self.asset = other.asset
        # (but "ratified a treaty. The treaty was approved by 112 deputies": the vote that ratified it)
        if other.status is not None and not (other.status.value == "approved" and self.status is not None and self.status.value == "ratified"):
            self.status = other.status
        known = {s.value for s in self.signed}
        self.signed.extend(s for s in other.signed if s.value not in known)
        for party in other.parties:
            if reference and party.rule not in ("party.with", "party.phrase"):
                continue
            if not any(same_name(party.value[0], p.value[0]) for p in self.parties):
                self.parties.append(party)


def called_by_name(doc, mention: Mention, kind_words: frozenset[str]) -> bool:
    """True for an agreement called by its proper name ("the Kyoto Protocol", "the Treaty of
    Maastricht"), not by a common noun ("a visiting forces agreement", "a PSA") or a short
    reference ("the Convention"); ``kind_words`` are the words of the kind names."""
    head = doc[mention.head]
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
    if head.pos_ == "VERB" or not head.text[:1].isupper() or head.is_sent_start or indefinite:
        return False
    named = [t for t in doc[mention.start : mention.end] if t.text[:1].isupper() and t.lower_ not in kind_words and t.pos_ != "DET"]
    after = [t for t in doc[mention.end : mention.end + 3] if t.lower_ != "the"][:2]
    return bool(named) or len(after) == 2 and after[0].lower_ in ("of", "on") and after[1].text[:1].isupper()


def entity_term(doc, ent, rule: str) -> Term:
    """A named-entity span as a party term, with the id of the document entity it is a mention of."""
    entity = next((e for e in doc._.cw_entities or [] for m in e.mentions if (m.start, m.end) == (ent.start_char, ent.end_char)), None)
    return Term((ent.text, entity.id if entity else None), ent.start_char, ent.end_char, rule)
