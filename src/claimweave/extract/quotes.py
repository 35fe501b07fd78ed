"""Direct quotations and their speakers (``doc._.cw_quotes``).

Quotes are found from their marks (curly, straight, ````...''``, guillemets), within a paragraph,
across sentences. The speaker is the subject of the speech verb nearest the quote in its own
sentence ("...," she said / X said: "..."), "according to X", or, for a quote standing alone,
the speaker of the previous sentence; "he"/"she" resolve to the most recent person named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimweave.extract.arguments import (
    PERSONAL_PRONOUNS,
    EntityIndex,
    display_name,
    make_argument,
    span_of,
    subject_of,
)
from claimweave.extract.claim_rules import ClaimRules, claim_rules
from claimweave.extract.common import analysed_text, context, ensure_extensions, evidence, stable_id
from claimweave.models import Argument, Quote

_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: the marks [outer_start, outer_end) and the quoted words [start, end)."""

    outer_start: int
    outer_end: int
    start: int
    end: int
    rule: str


def find_quote_spans(text: str, rules: ClaimRules | None = None) -> list[QuoteSpan]:
    """Every quotation in ``text`` (the analysed text: masked regions are spaces), in order."""
    rules = rules or claim_rules()
    found: list[QuoteSpan] = []
    taken: list[tuple[int, int]] = []
    for cue in rules.quote_marks.cues:
        opening, closing = cue.words
        for para_start, para_end in _paragraphs(text):
            para = text[para_start:para_end]
            for start, end in _pairs(para, opening, closing):
                outer = (para_start + start, para_start + end + len(closing))
                if any(s < outer[1] and outer[0] < e for s, e in taken):
                    continue
                inner_start, inner_end = outer[0] + len(opening), outer[1] - len(closing)
                while inner_start < inner_end and text[inner_start].isspace():
                    inner_start += 1
                while inner_end > inner_start and text[inner_end - 1].isspace():
                    inner_end -= 1
                if inner_end - inner_start < 2:
                    continue
                taken.append(outer)
                found.append(QuoteSpan(outer[0], outer[1], inner_start, inner_end, cue.id))
    return sorted(found, key=lambda q: q.start)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _PARAGRAPH.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def _pairs(para: str, opening: str, closing: str) -> list[tuple[int, int]]:
    """(open index, close index) pairs; identical marks pair in order of appearance."""
    pairs = []
    if opening == closing:
        positions = [m.start() for m in re.finditer(re.escape(opening), para)]
        return [(positions[i], positions[i + 1]) for i in range(0, len(positions) - 1, 2)]
    pos = 0
    while (start := para.find(opening, pos)) != -1:
        end = para.find(closing, start + len(opening))
        if end == -1:
            break
        nested = para.find(opening, start + len(opening))
        if nested != -1 and nested < end:
            pos = nested
            continue
        pairs.append((start, end))
        pos = end + len(closing)
    return pairs


@dataclass(frozen=True)
class Speaker:
    argument: Argument
    rule: str


def speech_verbs(rules: ClaimRules) -> frozenset[str]:
    return rules.attribution.words("verb") | rules.attribution.words("quote_verb") | rules.attribution.words("as_clause")


def _outside(token: Token, quotes: list[QuoteSpan]) -> bool:
    return not any(q.outer_start <= token.idx < q.outer_end for q in quotes)


def speaker_in(sents: list[Span], quote: QuoteSpan, quotes: list[QuoteSpan], rules: ClaimRules) -> tuple[Token, Token, str] | None:
    """(speaker head, cue token, rule id) for a quote from the sentences it is in, nearest cue first."""
    verbs = speech_verbs(rules)
    candidates = []
    for sent in sents:
        for token in sent:
            if not _outside(token, quotes):
                continue
            if token.pos_ == "VERB" and token.lemma_.casefold() in verbs:
                speaker = subject_of(token)
                if speaker is None or not _outside(speaker, quotes):
                    continue
                after = token.idx >= quote.outer_end
                distance = token.idx - quote.outer_end if after else quote.outer_start - token.idx
                rule = "quote.speaker.after" if after else "quote.speaker.before"
                candidates.append((distance, token.i, speaker, token, rule))
            elif token.lower_ == "according":
                to = next((c for c in token.children if c.lower_ == "to"), None)
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
                if pobj is not None:
                    distance = abs(token.idx - quote.outer_start)
                    candidates.append((distance, token.i, pobj, token, "quote.speaker.according_to"))
    if not candidates:
        return None
    distance, _, speaker, cue, rule = min(candidates, key=lambda c: (abs(c[0]), c[1]))
    return speaker, cue, rule


class QuoteExtractor:
    """Finds quotations and attributes each to a speaker linked to the document's entities."""

    def __init__(self, rules: ClaimRules) -> None:
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        doc._.cw_quotes = self.extract(doc)
        return doc

    def extract(self, doc: Doc) -> list[Quote]:
        ctx = context(doc)
        entities = EntityIndex(doc._.cw_entities)
        spans = find_quote_spans(analysed_text(doc), self.rules)
        ranges = [(q.outer_start, q.outer_end) for q in spans]
        quotes: list[Quote] = []
        previous: dict[int, Speaker] = {}  # sentence start -> speaker found there
        for quote in spans:
            covering = span_of(doc, quote.start, quote.end)
            if covering is None:
                continue
            sents = _sentences(covering)
            speaker = self._speaker(doc, quote, spans, sents, entities, ranges, previous)
            for sent in sents:
                if speaker is not None:
                    previous[sent.start_char] = speaker
            items = [evidence(doc, quote.start, quote.end, quote.rule)]
            if speaker is not None:
                items.append(evidence(doc, speaker.argument.start, speaker.argument.end, speaker.rule))
            name = None
            if speaker is not None:
                name = display_name(speaker.argument, doc._.cw_entities)
            quotes.append(
                Quote(
                    id=stable_id("quote", ctx.doc_id, quote.start, quote.end),
                    start=quote.start,
                    end=quote.end,
                    text=ctx.text[quote.start : quote.end],
                    speaker=name,
                    speaker_entity_id=speaker.argument.entity_id if speaker else None,
                    evidence=items,
                )
            )
        return quotes

    def _speaker(self, doc, quote, spans, sents, entities, ranges, previous) -> Speaker | None:
        found = speaker_in(sents, quote, spans, self.rules)
        if found is not None:
            head, _, rule = found
            return self._make(doc, head, entities, ranges, rule)
        # A quote standing alone continues the speaker of the sentence before it.
        first = sents[0]
        if first.start == 0:
            return None
        before = doc[first.start - 1].sent
        if before.start_char in previous:
            carried = previous[before.start_char]
            return Speaker(carried.argument, "quote.speaker.previous_quote")
        prior = speaker_in([before], QuoteSpan(before.end_char, before.end_char, before.end_char, before.end_char, ""), spans, self.rules)
        if prior is not None:
            head, _, _ = prior
            return self._make(doc, head, entities, ranges, "quote.speaker.previous_sentence")
        # "He praised the council. “...”": a person who is the subject just before speaks next.
        subject = next((t for t in before if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
        if subject is not None and _outside(subject, spans) and (
            subject.lower_ in PERSONAL_PRONOUNS or subject.ent_type_ == "PERSON"
        ):
            return self._make(doc, subject, entities, ranges, "quote.speaker.previous_subject")
        return None

    def _make(self, doc, head: Token, entities: EntityIndex, ranges, rule: str) -> Speaker:
        argument = make_argument(doc, head, entities, ranges)
        if head.lower_ in PERSONAL_PRONOUNS and argument.text.casefold() != head.lower_ or argument.entity_id and head.lower_ in PERSONAL_PRONOUNS:
            rule = f"{rule}.pronoun"
        return Speaker(argument, rule)


def _sentences(span: Span) -> list[Span]:
    sents = []
    for token in span:
        if not sents or token.sent.start != sents[-1].start:
            sents.append(token.sent)
    return sents


@Language.factory("claimweave_quotes", assigns=["doc._.cw_quotes"], default_config={})
def make_quotes(nlp: Language, name: str) -> QuoteExtractor:
    """Direct quotations with their speakers, on ``doc._.cw_quotes``."""
    ensure_extensions()
    return QuoteExtractor(claim_rules())
