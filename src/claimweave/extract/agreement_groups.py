"""Plural agreement names: which name a group of agreements made ("two pacts were signed", "a dozen
accords due to be signed on Tuesday", "bilateral protocols with X and Y it has to sign"), and which
later plurals name a group told before again ("The 12 accords ...", a bare "leases" after "US base
leases").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from spacy.tokens import Doc

from claimweave.extract.agreement_rules import Cues, Vocabulary
from claimweave.extract.agreement_status import MAKING_LEMMAS, SIGNING_NOUNS
from claimweave.extract.agreement_terms import how_many, same_name
from claimweave.extract.agreement_types import Mention, Terms

if TYPE_CHECKING:
    from claimweave.extract.agreements import Draft


def group_size(doc: Doc, m: Mention) -> int | None:
    """How many agreements a plural counts ("a dozen accords" -> 12, "the 12 accords" -> 12), 0 for
    "several" ones, None for a plural that does not count them ("deals", "the agreements")."""
    head = doc[m.head]
    if not m.plural or head.pos_ == "VERB":
        return None
    for c in head.children:
        if c.i > head.i or c.dep_ not in ("nummod", "nmod", "amod", "quantmod", "det"):
            continue
        if c.lower_ == "several":
            return 0
        if (size := how_many(c.lower_)) is not None:
            return size
    return None


def made_or_due(vocab: Vocabulary, doc: Doc, m: Mention, terms: Terms) -> bool:
    """True for a counted group said to be signed, made or due ("the signature of a dozen accords on
    Tuesday", "signed three agreements", "four deals were concluded") or with terms of its own; not
    for one only introduced ("Two contracts stand out.", whose members the story tells next)."""
    head = doc[m.head]
    if terms.has_terms():
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in SIGNING_NOUNS:
        return True
    verb = head.head
    return head.dep_ in ("dobj", "nsubjpass") and verb.lemma_ in vocab.cues.signed_verbs and not any(c.dep_ == "neg" for c in verb.children)


def signed_with_sides(doc: Doc, m: Mention, terms: Terms) -> bool:
    """True for "has to sign bilateral protocols with X and Y": a plural that is the object of a
    signing verb, with its own sides ("with ..."): those agreements, not agreements in general."""
    head = doc[m.head]
    if not m.plural or head.dep_ != "dobj" or head.head.lemma_ not in MAKING_LEMMAS:
        return False
    if any(c.dep_ == "neg" for c in head.head.children):
        return False
    return any(p.rule == "party.with" for p in terms.parties)


def counted_again(doc: Doc, drafts: list[Draft], m: Mention) -> Draft | None:
    """"the signature of a dozen accords on Tuesday ... The 12 accords due to be signed Tuesday": a
    definite plural of the kind of a counted group told before, counting as many (or not counting),
    is that group again."""
    if not m.plural or not m.definite or m.bare:
        return None
    size = group_size(doc, m)
    for d in reversed(drafts):
        k = d.kind_mention
        if d.collective or not k.plural or k.rule.kind != m.rule.kind or not d.counted:
            continue
        known = group_size(doc, k)
        if size is None or not known or size == known:
            return d
        return None
    return None


def one_of_group(doc: Doc, drafts: list[Draft], m: Mention, terms: Terms, describe: Callable[[Doc, Mention], frozenset[str]]) -> Draft | None:
    """"presented 99-year land lease agreements to farmers ... The 99-year lease agreement is an
    agreement that ...": a definite singular described with words of a plural group told before,
    saying nothing of its own (no dates, no sides), speaks of any one of them: that group
    (``describe`` gives a mention's describing words)."""
    words = describe(doc, m)
    if m.plural or not m.definite or len(words) < 2 or terms.signed or terms.expires or terms.renewal:
        return None
    if any(p.rule in ("party.with", "party.phrase") for p in terms.parties):
        return None
    groups = [
        d for d in drafts
        # (the same describing words, its kind noun among them, whatever kind each was read as)
        if d.kind_mention.plural and not d.collective and words <= describe(doc, d.kind_mention)
    ]
    if len(groups) != 1:
        return None
    known = groups[0].terms.duration
    if terms.duration is not None and (known is None or known.value != terms.duration.value):
        return None  # (a term of its own: one of them singled out)
    return groups[0]


def restated_group(cues: Cues, doc: Doc, drafts: list[Draft], m: Mention, terms: Terms, si: int) -> Draft | None:
    """"X and Y need approval of trade deals they negotiated with Z. The report said the two nations
    have negotiated deals with Z that ...": a bare plural of the kind of the group named in the
    sentence before, with no dates and no sides of its own, is that group again. So is a bare
    plural of the kind of the one plural group the story told before without named sides ("to renew US
    base leases ... landowners who refused to renew leases which expire in May"), when nothing sets
    it apart ("new leases") and no side of its own is named."""
    prev = drafts[-1] if drafts else None
    if prev is not None and not prev.collective and prev.kind_mention.plural and prev.kind_mention.rule.kind == m.rule.kind:
        if si - prev.last_sentence == 1 and not terms.has_time_terms() and prev.terms.parties:
            known = [p.value[0] for p in prev.terms.parties]
            if terms.parties and all(any(same_name(p.value[0], k) for k in known) for p in terms.parties):
                return prev
    other = set(cues.other_adjectives)
    if any(t.lower_ in other for t in doc[m.start : m.kind_start]) or any(p.rule == "party.with" for p in terms.parties):
        return None
    groups = [d for d in drafts if d.kind_mention.plural and not d.collective and d.kind_mention.rule.kind == m.rule.kind]
    # (the group's own sides may be unnamed holders too: "to force Okinawa landowners to renew US base leases")
    if len(groups) != 1 or any(p.value[1] is not None for p in groups[0].terms.parties) or not groups[0].kind_mention.bare:
        return None
    # (unnamed holders, "landowners who refused to renew leases", tell whose the group is; a named
    # side, "AWB paid bribes to Baghdad to win wheat contracts", sets it apart)
    if any(p.value[1] is not None for p in terms.parties):
        return None
    return groups[0]


def signed_group(vocab: Vocabulary, doc: Doc, mention: Mention) -> bool:
    """True for a plural that names agreements made: the object of a past signing verb ("forged
    election pacts", "has reached agreements to export grapes"), signed by someone ("deals signed
    by the administration", "trade deals they have negotiated"), signed in the passive ("contracts
    were signed", "the treaties which were signed with X") or whose signing was seen."""
    head = doc[mention.head]
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in vocab.cues.quantity_nouns:
        head = head.head.head  # "a total of 12 sales contracts were signed": what is said of the total
    # ("had many treaties", "get deals": having is not making)
    verbs = (set(vocab.cues.signed_verbs) | set(vocab.cues.reach_verbs)) - {"have", "get", "come", "find", "agree"}
    verb = head.head
    hedges = {"not", "n't", "never", "would", "could", "might", "may", "should", "will", "can", "to"}
    if head.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lower_ in ("signing", "conclusion") and verb.head.head.tag_ == "VBD":
        return True  # "witnessed the signing of three cooperation deals"
    if head.dep_ == "nsubjpass" and verb.lemma_ in verbs and verb.tag_ == "VBN":
        # "twelve sales contracts were signed at the fair", "agreements have been reached"
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}
        return bool(aux & {"was", "were", "been"}) and not aux & hedges
    joined = False
    if head.dep_ == "pobj" and verb.lower_ == "to" and verb.head.pos_ == "VERB":
        # "had signed up to other covenants", "acceded to three treaties": joined, as an object is signed
        up = verb.head.lemma_ == "sign" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.head.children)
        joined = up or verb.head.lemma_ in ("accede", "adhere")
        verb = verb.head if joined else verb
    if (joined or head.dep_ == "dobj" and verb.lemma_ in verbs) and verb.pos_ == "VERB":
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "neg")}
        done = verb.tag_ == "VBD" or verb.tag_ == "VBN" and aux & {"has", "have", "had"}
        return bool(done) and not aux & {"not", "n't", "never", "would", "could", "might", "may", "should", "will"}
    nxt = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if nxt is not None and nxt.lemma_ in vocab.cues.signed_verbs and nxt.tag_ in ("VBN", "VBD") and any(g.dep_ == "agent" for g in nxt.children):
        return True  # "the gas contracts granted X by Y", however the parser hangs the participle
    for c in head.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in verbs and any(a.dep_ == "amod" and a.lower_ in vocab.cues.existing_adjectives for a in head.children):
            return True  # "previous agreements reached in Khartoum": made before, and said to exist
        if c.lemma_ not in vocab.cues.signed_verbs:
            continue
        # (a participle with its "by" is passive, however the tagger took it: "contracts granted X by Y")
        if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and any(g.dep_ == "agent" for g in c.children):
            return True
        # "trade deals they have negotiated", "the pacts it signed" (but "deals which took place")
        aux = {g.lower_ for g in c.children if g.dep_ in ("aux", "neg")}
        if c.dep_ == "relcl" and not any(g.dep_ == "dobj" for g in c.children) and (c.tag_ == "VBD" or c.tag_ == "VBN" and aux & {"has", "have", "had"}) and not aux - {"has", "have", "had"}:
            return True
        # "the treaties which were signed with Ghana and Togo"
        passive = {g.lower_ for g in c.children if g.dep_ == "auxpass"}
        if c.dep_ == "relcl" and c.tag_ == "VBN" and passive & {"was", "were", "been"} and not aux & hedges:
            return True
    return False