"""Named entities of one document, grouped under canonical names (``doc._.cw_entities``)."""

from __future__ import annotations

import re
import unicodedata

from spacy.language import Language
from spacy.tokens import Doc

from claimweave.extract.common import context, ensure_extensions, stable_id
from claimweave.models import DocEntity, Mention

DEFAULT_LABELS = ["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW"]
_POSSESSIVE = re.compile(r"(?:['\u2019]s?)$")


def name_key(text: str) -> str:
    """A comparison key for a name: case, accents, possessive, leading 'the' and spacing ignored."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text.strip())
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


class EntityGrouper:
    """Collects NER spans into DocEntity records, one per (label, name key)."""

    def __init__(self, labels: list[str]) -> None:
        self.labels = set(labels)

    def __call__(self, doc: Doc) -> Doc:
        ctx = context(doc)
        groups: dict[tuple[str, str], list] = {}
        for ent in doc.ents:
            if ent.label_ not in self.labels:
                continue
            text = ctx.text[ent.start_char : ent.end_char]
            key = name_key(text)
            if key:
                groups.setdefault((ent.label_, key), []).append(ent)
        entities = []
        for (label, key), spans in groups.items():
            mentions = [
                Mention(doc_id=ctx.doc_id, start=s.start_char, end=s.end_char, text=ctx.text[s.start_char : s.end_char])
                for s in spans
            ]
            name = max((m.text for m in mentions), key=lambda t: (len(t), t))
            entities.append(
                DocEntity(id=stable_id("ent", ctx.doc_id, label, key), label=label, name=name, mentions=mentions)
            )
        entities.sort(key=lambda e: (e.mentions[0].start, e.label))
        doc._.cw_entities = entities
        return doc


@Language.factory(
    "claimweave_entities",
    assigns=["doc._.cw_entities"],
    requires=["doc.ents"],
    default_config={"labels": DEFAULT_LABELS},
)
def make_entities(nlp: Language, name: str, labels: list[str]) -> EntityGrouper:
    ensure_extensions()
    return EntityGrouper(labels)
