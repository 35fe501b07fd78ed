"""What every component shares: the document context on the Doc, stable ids and evidence."""

from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from claimweave.models import Evidence

#: Doc extensions set by claimweave components (values are lists of models from claimweave.models).
RESULT_EXTENSIONS = ("cw_entities", "cw_timexes", "cw_roles", "cw_claims", "cw_quotes", "cw_agreements")


@dataclass(frozen=True)
class DocContext:
    """What the components need to know about the document beyond its text."""

    doc_id: str
    text: str
    published: dt.date | None = None
    line: int | None = None


def ensure_extensions() -> None:
    """Register claimweave's Doc extensions (idempotent)."""
    if not Doc.has_extension("cw_context"):
        Doc.set_extension("cw_context", default=None)
    for name in RESULT_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def context(doc: Doc) -> DocContext:
    """The DocContext of ``doc``; a Doc made outside claimweave gets one from its own text."""
    ensure_extensions()
    ctx = doc._.cw_context
    if ctx is None:
        ctx = DocContext(doc_id=stable_id("doc", doc.text), text=doc.text)
        doc._.cw_context = ctx
    return ctx


def stable_id(prefix: str, *parts: object) -> str:
    """An id derived from content only, so reruns on the same input give the same ids."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:16]}"


_SENTENCES = "claimweave.sentences"  # doc.user_data key (plain ints, so Docs still serialize)


def sentence_chars(doc: Doc, token: int) -> tuple[int, int]:
    """Character bounds of the sentence holding token ``token`` (``doc.has_annotation("SENT_START")``).

    Same as ``doc[token].sent``, which walks the whole sentence on every call; the sentences are
    listed once per Doc instead, so many items in one long sentence stay linear.
    """
    cached = doc.user_data.get(_SENTENCES)
    if cached is None or cached[0] != len(doc):
        sents = list(doc.sents)
        cached = (len(doc), [s.start for s in sents], [(s.start_char, s.end_char) for s in sents])
        doc.user_data[_SENTENCES] = cached
    _, starts, chars = cached
    return chars[bisect_right(starts, token) - 1]


def sentence_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character bounds of the sentence(s) covering [start, end)."""
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None or not doc.has_annotation("SENT_START"):
        return start, end
    return sentence_chars(doc, first[0].i)[0], sentence_chars(doc, first[-1].i)[1]


#: A "sentence" longer than this (text without sentence punctuation: tables, scraped dumps) is
#: quoted only around the span; otherwise every item in it would copy all of it.
MAX_SENTENCE_CHARS = 2000


def evidence(doc: Doc, start: int, end: int, rule: str) -> Evidence:
    """Evidence for the characters [start, end) of the document, with its sentence and rule id."""
    ctx = context(doc)
    s_start, s_end = sentence_bounds(doc, start, end)
    if s_end - s_start > MAX_SENTENCE_CHARS:
        margin = max(0, (MAX_SENTENCE_CHARS - (end - start)) // 2)
        s_start, s_end = max(s_start, start - margin), min(s_end, end + margin)
    return Evidence(
        doc_id=ctx.doc_id,
        start=start,
        end=end,
        text=ctx.text[start:end],
        sentence=" ".join(ctx.text[s_start:s_end].split()),
        rule=rule,
        line=ctx.line,
    )
