"""What every component shares: the document context on the Doc, stable ids and evidence."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from claimweave.extract.people import fold
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
        text = analysed_text(doc)
        ctx = DocContext(doc_id=stable_id("doc", text), text=text)
        doc._.cw_context = ctx
    return ctx


def stable_id(prefix: str, *parts: object) -> str:
    """An id derived from content only, so reruns on the same input give the same ids."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:16]}"


class Sentences:
    """Sentence bounds of a Doc, computed once (spaCy's ``Token.sent`` rescans the Doc on every call)."""

    def __init__(self, doc: Doc) -> None:
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else []
        self.starts = [s.start_char for s in sents] or [0]
        self.ends = [s.end_char for s in sents] or [len(analysed_text(doc))]

    def start_of(self, char: int) -> int:
        return self.starts[max(0, bisect_right(self.starts, char) - 1)]

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """From the start of the sentence holding ``start`` to the end of the one holding ``end - 1``."""
        first = max(0, bisect_right(self.starts, start) - 1)
        last = max(first, bisect_right(self.starts, max(start, end - 1)) - 1)
        return self.starts[first], self.ends[last]


def sentences(doc: Doc) -> Sentences:
    """The Doc's Sentences, cached on the Doc (components run after the parser never change them)."""
    cached = doc.user_data.get("cw_sentences")
    if cached is None:
        cached = doc.user_data["cw_sentences"] = Sentences(doc)
    return cached


def sentence_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character bounds of the sentence(s) covering [start, end)."""
    return sentences(doc).bounds(start, end)


#: A "sentence" longer than this (text without sentence punctuation: tables, scraped dumps) is
#: quoted only around the span; otherwise every item in it would copy all of it.
MAX_SENTENCE_CHARS = 2000


def analysed_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins all tokens again on every ``doc.text``)."""
    text = doc.user_data.get("cw_analysed_text")
    if text is None:
        text = doc.user_data["cw_analysed_text"] = doc.text
    return text


def shown_text(doc: Doc, start: int, end: int) -> str:
    """A stretch of text as a reader sees it, for names and phrases that are not spans: the
    analysed text (Markdown and page chrome blanked), spaces collapsed ("Gulf Power** Company" in
    the file -> "Gulf Power Company"). Spans keep the file's characters."""
    return " ".join(analysed_text(doc)[start:end].split())


def token_texts(doc: Doc) -> list[str]:
    """The text of each token, built once per Doc (iterating a Doc creates a Token object per token);
    shared by all callers: do not modify."""
    texts = doc.user_data.get("cw_token_texts")
    if texts is None:
        texts = doc.user_data["cw_token_texts"] = [t.text for t in doc]
    return texts


def folded_token_texts(doc: Doc) -> list[str]:
    """``fold`` of each token's text (lowercase, no accents), built once per Doc; do not modify."""
    low = doc.user_data.get("cw_folded_token_texts")
    if low is None:
        low = doc.user_data["cw_folded_token_texts"] = [fold(t) for t in token_texts(doc)]
    return low


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
        # From the analysed text: blanked front matter and chrome never leak into the sentence.
        sentence=" ".join(analysed_text(doc)[s_start:s_end].split()),
        rule=rule,
        line=ctx.line,
    )


# A wire dateline at the start of a paragraph: "BEIJING, Nov. 14 (Xinhua) --", "MOSCOW (AFP) -",
# "NAIROBI, Kenya, March 3 --": the place the story was filed from, in capitals, then a dash.
_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z.'\- ]{1,40}(?:,[ \t]*[A-Z][A-Za-z.' ]{1,30}){0,2}"
    r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?[ \t]*(?:\([A-Za-z .&-]{2,30}\)[ \t]*)?(?:--|\u2014|\u2013|-)(?=[ \t])"
)


def datelines(text: str) -> list[tuple[int, int]]:
    """Character spans of wire datelines at paragraph starts ("BEIJING, Nov. 14 (Xinhua) --"): the
    place a story was filed from is not an actor in it."""
    return [(m.start(), m.end()) for m in _DATELINE.finditer(text) if any(c.isupper() for c in m.group()[:3])]
