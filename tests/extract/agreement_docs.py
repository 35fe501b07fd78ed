"""Run the whole pipeline on one invented sentence for the agreement tests: the document is
published on a Friday, 2024-06-14, unless a test gives another day."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from claimweave.extract.common import DocContext
from claimweave.models import Agreement

FRIDAY = dt.date(2024, 6, 14)


def analyse(nlp, text: str, published: dt.date | None = FRIDAY) -> Doc:
    doc = nlp.make_doc(text)
    doc._.cw_context = DocContext(doc_id="test", text=text, published=published)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def agreements(nlp, text: str, published: dt.date | None = FRIDAY) -> list[Agreement]:
    return analyse(nlp, text, published)._.cw_agreements


def only(nlp, text: str, published: dt.date | None = FRIDAY) -> Agreement:
    found = agreements(nlp, text, published)
    assert len(found) == 1, [a.text for a in found]
    return found[0]
