"""Time expressions (``doc._.cw_timexes``). Placeholder until the time component lands: finds nothing."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimweave.extract.common import ensure_extensions


class TimexTagger:
    def __call__(self, doc: Doc) -> Doc:
        doc._.cw_timexes = []
        return doc


@Language.factory("claimweave_timex", assigns=["doc._.cw_timexes"], default_config={})
def make_timex(nlp: Language, name: str) -> TimexTagger:
    ensure_extensions()
    return TimexTagger()
