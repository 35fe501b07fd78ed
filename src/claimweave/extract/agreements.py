"""Agreements and their terms (``doc._.cw_agreements``). Placeholder until the agreements component lands."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimweave.extract.common import ensure_extensions


class AgreementExtractor:
    def __call__(self, doc: Doc) -> Doc:
        doc._.cw_agreements = []
        return doc


@Language.factory("claimweave_agreements", assigns=["doc._.cw_agreements"], default_config={})
def make_agreements(nlp: Language, name: str) -> AgreementExtractor:
    ensure_extensions()
    return AgreementExtractor()
