"""People and their roles (``doc._.cw_roles``). Placeholder until the roles component lands: finds nothing."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimweave.extract.common import ensure_extensions


class RoleExtractor:
    def __call__(self, doc: Doc) -> Doc:
        doc._.cw_roles = []
        return doc


@Language.factory("claimweave_roles", assigns=["doc._.cw_roles"], default_config={})
def make_roles(nlp: Language, name: str) -> RoleExtractor:
    ensure_extensions()
    return RoleExtractor()
