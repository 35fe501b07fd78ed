"""Whether a mention names an agreement told before or a new one: plain restatements ("a shaky
ceasefire" after "a fragile truce"), references by subject ("a contract to buy 40 Embraer jets" after
"an Embraer jet deal"), by topic ("an agreement on the matter"), by what is done under it ("under an
agreement with ..."), by acronym ("the NPT"), and vague holdings ("we have an important agreement").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from claimweave.extract.agreement_names import DEMONYM_ENDINGS
from claimweave.extract.agreement_rules import Cues
from claimweave.extract.agreement_terms import alike, same_name
from claimweave.extract.agreement_types import OWN_ASSETS, Mention, Terms

if TYPE_CHECKING:
    from claimweave.extract.agreements import Draft


def same_subject(doc: Doc, known: Draft, m: Mention, terms: Terms) -> bool:
    """True when a general agreement noun ("a contract to purchase 150 Airbus planes") covers what an
    agreement just told was named by ("a huge Airbus plane deal"), a proper name among it, and
    neither says it was made by others."""
    k = known.kind_mention
    if m.plural or k.plural or known.collective or not (m.rule.generic and k.rule.generic):
        return False
    if same_purchase(doc, k, m):
        return True
    if known.terms.asset is not None:
        return False
    if terms.asset is None or terms.asset.rule not in OWN_ASSETS + ("asset.use_object",) or doc[m.start].lower_ not in ("a", "an"):
        return False
    # (from the phrase's left edge: "a huge Airbus plane deal", its maker's name cut from the mention)
    named = [t for t in doc[min(k.start, doc[k.head].left_edge.i) : k.kind_start] if t.pos_ in ("NOUN", "PROPN") and t.is_alpha]
    if not any(t.pos_ == "PROPN" for t in named):
        return False
    # (a seller read off what is bought, "to buy 40 Embraer jets", is the maker both name, not another
    # side; so is a side named in the earlier deal's own name, "Airbus" of "an Airbus plane deal")
    makers = [t.text for t in named if t.pos_ == "PROPN"]
    sides = [p for p in terms.parties if p.rule != "party.seller" and not any(same_name(p.value[0], w) for w in makers)]
    # (names merely in the earlier deal's clause, "during a visit to France", do not say who made it)
    known_sides = [q for q in known.terms.parties if q.rule != "party.clause" and not any(same_name(q.value[0], w) for w in makers)]
    if sides and known_sides and not any(same_name(p.value[0], q.value[0]) for p in sides for q in known_sides):
        return False
    covered = {w.lower().rstrip("s") for w in re.findall(r"[\w-]+", terms.asset.value)}
    return all(t.lower_.rstrip("s") in covered for t in named)


def named_apart(doc: Doc, known: Draft, m: Mention) -> bool:
    """True for "the China-Chile FTA" after "a free trade agreement (FTA)" between China and Pakistan:
    a name written before the acronym or name that neither the earlier agreement's mentions nor its
    sides hold says which other agreement of that name it is."""
    said = " ".join(doc[x.start : x.end].text.lower() for x in known.mentions)
    sides = [p.value[0] for p in known.terms.parties]
    for t in doc[m.start : m.kind_start]:
        if t.pos_ != "PROPN" or not t.text[:1].isupper():
            continue
        if t.lower_ not in said and not any(same_name(t.text, s) for s in sides):
            return True
    return False


def restates_recent(cues: Cues, doc: Doc, known: Draft, m: Mention, terms: Terms) -> bool:
    """True for "... in a deal valued at 825 million dollars. X said it would buy all the shares, in an
    all-cash deal": a general agreement noun ("deal", "agreement", "pact", "accord"), indefinite and
    singular, in the sentence right after a general agreement was told, only described (no name, no
    number, no word that sets it apart such as "new" or "separate"), with no dates, no sides of its
    own ("with ...") and no party or subject the earlier one does not have, is that one again."""
    k = known.kind_mention
    if m.plural or k.plural or known.collective or known.tentative or not (m.rule.generic and k.rule.generic):
        return False
    if doc[m.start].lower_ not in ("a", "an") or terms.has_time_terms():
        return False
    head = doc[m.head]
    if head.dep_ == "conj" and head.head.i in {x.head for x in known.mentions}:
        return False  # "under a mutual security agreement and a logistics pact": two, listed together
    if m.end < len(doc) and doc[m.end].lower_ in ("with", "between", "among"):
        return False
    if any(p.rule in ("party.with", "party.phrase") for p in terms.parties):
        return False
    known_sides = [p.value[0] for p in known.terms.parties]
    if any(not any(alike(p.value[0], q) for q in known_sides) for p in terms.parties):
        return False
    if terms.asset is not None and known.terms.asset is not None:
        return False
    other = set(cues.other_adjectives)
    words = [t for t in doc[m.start + 1 : m.kind_start] if t.text not in ("-", "\u2010", "\u2011")]
    return all(t.is_alpha and t.text.islower() and t.lower_ not in other and not t.ent_type_ for t in words)


_BUYING = ("acquire", "buy", "purchase", "sell")


def _bought_in(doc: Doc, m: Mention):
    """The verb of buying or selling an agreement is the frame of ("would acquire X in a deal"), or None."""
    head = doc[m.head]
    if head.dep_ != "pobj" or head.head.lower_ != "in" or head.head.head.lemma_ not in _BUYING:
        return None
    return head.head.head


def same_purchase(doc: Doc, k: Mention, m: Mention) -> bool:
    """True for "X would acquire Y in a deal worth Z. X would acquire all shares of Y ..., in an all-cash
    deal": one buyer buying what the same name calls, in "a deal" told twice."""
    told, again = _bought_in(doc, k), _bought_in(doc, m)
    if told is None or again is None or doc[m.start].lower_ not in ("a", "an") or told.lemma_ != again.lemma_:
        return False
    buyers = [next((c for c in v.children if c.dep_ == "nsubj"), None) for v in (told, again)]
    if any(b is None for b in buyers):
        return False
    def name(tok) -> str:  # a pronoun stands for the buyer its sentence names ("X said it would acquire")
        if tok.pos_ == "PRON":
            up = next((a for a in tok.ancestors if any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in a.children)), None)
            tok = next(c for c in up.children if c.dep_ == "nsubj" and c.pos_ != "PRON") if up is not None else tok
        return doc[tok.left_edge.i : tok.i + 1].text
    if not same_name(name(buyers[0]), name(buyers[1])):
        return False
    bought = [next((c for c in v.children if c.dep_ == "dobj"), None) for v in (told, again)]
    if any(b is None for b in bought):
        return False
    # (capitalised words, whatever their tag: "shares of APL stock" tags APL as an adjective)
    names = [{t.lower_ for t in b.subtree if t.text[:1].isupper() and t.is_alpha and not t.is_sent_start} for b in bought]
    return bool(names[0] & names[1])


def called_by_acronym(doc: Doc, m: Mention) -> bool:
    """True for an agreement called by an acronym alone ("the NPT")."""
    head = doc[m.head]
    return m.end - m.kind_start == 1 and head.text.isupper() and len(head) >= 3


def called_by_place(doc: Doc, m: Mention, countries: frozenset[str]) -> bool:
    """True for an agreement called by the place it was made in ("the Dayton accord", "the Minsk
    agreements"): capitalised names that are no country, nationality or person, right before a
    lower-case kind, after "the" (the model tags such places as it will, often as organisations; a
    company's name, "the Exxon contract", makes a definite agreement as specific)."""
    i = m.kind_start - 1
    while i >= 0 and doc[i].lower_ == "peace":
        i -= 1  # "the Dayton peace accord"
    end = i + 1
    # (a place the tagger reads as an adjective counts, a nationality does not: "the Ohrid accord", not
    # "the Iranian accord")
    while i >= 0 and doc[i].text[:1].isupper() and doc[i].ent_type_ not in ("NORP", "PERSON") and (
        doc[i].pos_ == "PROPN" and doc[i].dep_ == "compound" or doc[i].pos_ == "ADJ" and doc[i].dep_ == "amod" and not doc[i].lower_.endswith(DEMONYM_ENDINGS)
    ):
        i -= 1
    if end == i + 1 or i < 0 or doc[i].lower_ != "the" or not doc[m.kind_start].text.islower():
        return False
    return doc[i + 1 : end].text not in countries


def coordinated_with_one(doc: Doc, drafts: list[Draft], m: Mention) -> bool:
    """True for "its Non-Proliferation Treaty and required IAEA safeguard agreements": a plural written
    right after "and" behind an agreement just named is of the same standing, whatever the parse."""
    start = min(m.start, doc[m.head].left_edge.i)  # (with the maker's name cut from the mention: "IAEA")
    i = start - 1
    while i > start - 3 and i > 0 and doc[i].text.islower() and doc[i].pos_ in ("ADJ", "VERB") and doc[i].lower_ not in ("and", "or"):
        i -= 1  # "and required", "and related"
    if i <= 0 or doc[i].lower_ != "and" or doc[i].sent != doc[m.head].sent:
        return False
    return any(not d.tentative and x.end == i for d in drafts for x in d.mentions)


def vague_holding(doc: Doc, m: Mention, terms: Terms) -> bool:
    """True for "we have an important agreement (that) ...": a general agreement noun, only praised,
    that someone now has, and nothing said of it (no sides, subject, dates or status)."""
    head = doc[m.head]
    verb = head.head
    if m.plural or not m.rule.generic or doc[m.start].lower_ not in ("a", "an") or head.dep_ != "dobj":
        return False
    if verb.lemma_ != "have" or verb.tag_ not in ("VBP", "VBZ") or any(c.dep_ in ("aux", "neg") for c in verb.children):
        return False
    if terms.parties or terms.asset is not None or terms.has_terms() or terms.anaphoric_status is not None:
        return False
    return all(t.pos_ == "ADJ" for t in doc[m.start + 1 : m.kind_start])


def under_one(cues: Cues, doc: Doc, known: Draft, m: Mention, terms: Terms) -> bool:
    """True for "under an agreement with ..." right after a general agreement was told: what is done
    under an agreement is done under the one just told (not "under a separate deal")."""
    head = doc[m.head]
    k = known.kind_mention
    if m.plural or k.plural or known.collective or not (m.rule.generic and k.rule.generic) or doc[m.start].lower_ not in ("a", "an"):
        return False
    if head.dep_ != "pobj" or head.head.lower_ != "under" or terms.has_time_terms():
        return False
    other = set(cues.other_adjectives)
    return not any(t.lower_ in other for t in doc[m.start : m.end])


def on_that_matter(cues: Cues, doc: Doc, m: Mention) -> bool:
    """True for "an agreement on the matter", "a deal on this issue": an agreement about what was
    just told, so the one just told (not a new one with a subject of its own)."""
    if m.plural or doc[m.start].lower_ not in ("a", "an") or m.end + 3 > len(doc):
        return False
    prep, det, noun = doc[m.end : m.end + 3]
    return prep.lower_ in ("on", "over", "about") and det.lower_ in ("the", "this", "that") and noun.lower_ in cues.matter_nouns


def plainly_described(cues: Cues, doc: Doc, m: Mention) -> bool:
    """True for "a fragile truce", "a shaky late-night ceasefire": a specific kind noun with only
    describing words that do not tell it apart (not "a Gaza truce", "a two-week truce", "a new truce")."""
    if m.rule.generic or doc[m.head].pos_ == "VERB":
        return False
    words = [t for t in doc[m.start + 1 : m.kind_start] if t.text not in ("-", "\u2010", "\u2011") and t.lower_ != "and"]
    other = set(cues.other_adjectives)
    return bool(words) and all(
        t.is_alpha and t.text.islower() and not t.like_num and t.ent_type_ in ("", "DATE", "TIME") and t.pos_ in ("ADJ", "NOUN", "ADV") and t.lower_ not in other
        for t in words
    )
