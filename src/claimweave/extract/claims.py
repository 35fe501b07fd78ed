"""Claims and quotes (``doc._.cw_claims``, ``doc._.cw_quotes``). Placeholder until the claims component lands."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimweave.extract.common import ensure_extensions


class ClaimExtractor:
    def __call__(self, doc: Doc) -> Doc:
        doc._.cw_claims = []
        doc._.cw_quotes = []
        return doc


@Language.factory("claimweave_claims", assigns=["doc._.cw_claims", "doc._.cw_quotes"], default_config={})
def make_claims(nlp: Language, name: str) -> ClaimExtractor:
    ensure_extensions()
    return ClaimExtractor()
