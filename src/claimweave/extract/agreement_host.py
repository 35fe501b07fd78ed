"""The host state of a concession whose grantor the text leaves unsaid: "a deal granted X a lease on
Y port", "an agreement awarded mining rights in Z". A state grants leases, concessions and rights over
what lies in its territory, so the grantor is the country of the asset's place when the article writes
it ("Z, Freedonia", "Freedonia's Z", "Z in Freedonia"), else the state the passage is about: the
nearest state that is the subject of a sentence of the same paragraph, up to the agreement's own
mention, and is not already a party nor the grantee's owner ("Ruritania's Acme")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from claimweave.extract.agreement_side_shapes import countries
from claimweave.extract.agreement_terms import same_name
from claimweave.extract.agreement_types import Term
from claimweave.extract.titles import affiliation_name

_STATE = ("GPE",)
_PLACE_IN_STATE = re.compile(r"^(?:,\s*|\s+in\s+(?:the\s+)?)$")
_OWNER = re.compile(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})['\u2019]s\s+$")
_SENTENCES_BACK = 3


def host_state(doc: Doc, asset: Term | None, parties: list[Term], mention_start: int) -> Term | None:
    """The state granting a concession, as a party found by rule ``party.host_place`` or ``party.host_topic``."""
    entities = doc._.cw_entities or []
    ids = {(m.start, m.end): e.id for e in entities for m in e.mentions}
    taken = [p.value[0] for p in parties]
    taken += [m.group(1) for p in parties if (m := _OWNER.search(doc.text[max(0, p.start - 40) : p.start]))]

    def term(ent: Span, rule: str) -> Term | None:
        if any(same_name(ent.text, t) for t in taken):
            return None
        return Term((ent.text, ids.get((ent.start_char, ent.end_char))), ent.start_char, ent.end_char, rule)

    places = [e for e in doc.ents if asset is not None and e.label_ in _STATE and asset.start <= e.start_char and e.end_char <= asset.end]
    for place in places:
        state = _country_of(doc, place)
        if state is not None:
            return term(state, "party.host_place")
    return _topic_state(doc, mention_start, term, [p.text for p in places])


def _is_country(ent: Span) -> bool:
    """A GPE that is a country (the nationality lexicon's countries), not a province or city."""
    return ent.label_ in _STATE and affiliation_name(ent.text) in countries()


def _country_of(doc: Doc, place: Span) -> Span | None:
    """The state the article writes a place in: "Homsk, Freedonia", "Homsk in Freedonia", "Freedonia's Homsk"."""
    ents = list(doc.ents)
    for k, ent in enumerate(ents):
        if ent.text != place.text:
            continue
        after = ents[k + 1] if k + 1 < len(ents) else None
        before = ents[k - 1] if k > 0 else None
        if after is not None and _is_country(after) and _PLACE_IN_STATE.match(doc.text[ent.end_char : after.start_char]):
            return after
        if before is not None and _is_country(before) and doc.text[before.end_char : ent.start_char] in ("'s ", "\u2019s "):
            return before
    return None


def _topic_state(doc: Doc, mention_start: int, term, places: list[str]) -> Term | None:
    """The nearest state that is a sentence's subject, in the agreement's sentence (before it) or the
    few sentences before it in the same paragraph."""
    sent = doc[mention_start].sent
    for _ in range(_SENTENCES_BACK + 1):
        subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.ent_type_ in _STATE and t.i < mention_start]
        for subject in reversed(subjects):
            ent = next((e for e in doc.ents if e.start <= subject.i < e.end), None)
            if ent is not None and ent.text not in places and _is_country(ent):
                found = term(ent, "party.host_topic")
                if found is not None:
                    return found
        if sent.start == 0:
            return None
        prev = doc[sent.start - 1].sent
        if "\n\n" in doc.text[prev.end_char : sent.start_char] or "\n\n" in prev.text:
            return None  # a new paragraph: another topic
        sent = prev
    return None
