"""The sides of a "bilateral" agreement whose sides the sentence leaves unsaid: in a story about the
relations of two states ("a shift in Chile-Peru relations", "ties between Chile and Peru"), "a
review of existing bilateral agreements" is of those two states. The pair is the nearest one
written before the agreement's mention, as two countries of the nationality lexicon joined by a
hyphen or dash ("Chile-Peru") or by "between ... and ..."; with no such pair the sides stay empty.
An agreement told with one state alone, in a story whose agreements with two sides are all between
that state and one other, is with that other state too (``pair_counterpart``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claimweave.extract.agreement_side_shapes import countries
from claimweave.extract.agreement_types import Term
from claimweave.extract.titles import affiliation_name

_DASHES = ("-", "\u2010", "\u2011", "\u2013", "\u2014", "/")


def bilateral_sides(doc: Doc, before: int) -> list[Term]:
    """The two states of the nearest pair written before token ``before``, as parties found by rule
    ``party.bilateral_pair``; empty when the text names no such pair."""
    entities = doc._.cw_entities or []
    ids = {(m.start, m.end): e.id for e in entities for m in e.mentions}
    states = _states(doc, before)
    for k in range(len(states) - 1, 0, -1):
        first, second = states[k - 1], states[k]
        if affiliation_name(first.text) == affiliation_name(second.text) or not _paired(doc, first, second):
            continue
        return [
            Term((span.text, ids.get((span.start_char, span.end_char))), span.start_char, span.end_char, "party.bilateral_pair")
            for span in (first, second)
        ]
    return []


def _states(doc: Doc, before: int) -> list[Span]:
    """The countries written before token ``before``, by name or nationality ("Chile", "Peruvian"),
    whether or not the tagger made them entities ("Chile-Peru" is often one name to it)."""
    states = countries()
    spans = [e for e in doc.ents if e.end <= before and len(e) > 1 and affiliation_name(e.text) in states]
    covered = {i for e in spans for i in range(e.start, e.end)}
    for t in doc[:before]:
        if t.i not in covered and t.text[:1].isupper() and t.is_alpha and affiliation_name(t.text) in states:
            spans.append(doc[t.i : t.i + 1])
    return sorted(spans, key=lambda s: s.start)


def _paired(doc: Doc, first: Span, second: Span) -> bool:
    """True for "Freedonia-Ruritania" and "between Freedonia and Ruritania"."""
    gap = doc.text[first.end_char : second.start_char]
    if gap in _DASHES:
        return True
    return gap.strip().lower() == "and" and first.start > 0 and doc[first.start - 1].lower_ == "between"


def pair_counterpart(sides: list[Term], others: list[list[Term]]) -> Term | None:
    """The other state of an agreement told with one state alone (``sides``), when every agreement of
    the story with two or more states among its sides (``others``) is between that state and the same
    second one: "Turkey and Israel signed two pacts in 1996 ... The Turkish parliament approved a free
    trade agreement signed last year" is Israel's too. None when the story's agreements name other
    pairs, or none."""
    states = countries()
    if len(sides) != 1 or affiliation_name(sides[0].value[0]) not in states:
        return None
    own = affiliation_name(sides[0].value[0])
    pairs = []
    for parties in others:
        named = {affiliation_name(p.value[0]): p for p in parties if affiliation_name(p.value[0]) in states}
        if len(named) >= 2:
            pairs.append(named)
    if not pairs or any(len(named) != 2 or own not in named or set(named) != set(pairs[0]) for named in pairs):
        return None
    other = next(p for name, p in pairs[0].items() if name != own)
    return Term(other.value, other.start, other.end, "party.story_pair")
