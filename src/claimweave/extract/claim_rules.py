"""The cue lexicons of the claims and quotes components, loaded from ``patterns/claims/*.jsonl``.

Each line is one cue: an ``id`` (the ``rule`` of the evidence it produces), a ``kind`` saying how
the component uses it, the ``words`` (lemmas or lower-cased forms) and, for attribution verbs,
the modality the cue itself implies ("deny" negates, "allege" hedges).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from claimweave.models import Modality
from claimweave.patterns import load_jsonl

CUE_FILES = (
    "attribution",
    "hedges",
    "negation",
    "future",
    "conditional",
    "predicates",
    "quote_marks",
    "boilerplate",
)


class Cue(BaseModel):
    """One cue line of a ``patterns/claims`` file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    kind: str
    words: tuple[str, ...] = ()
    modality: Modality | None = None
    note: str | None = None


@dataclass(frozen=True)
class CueMatch:
    """A cue found for a word: the cue's id and what it implies."""

    id: str
    modality: Modality | None = None


class CueFamily:
    """The cues of one file, looked up by (kind, word)."""

    def __init__(self, name: str, cues: list[Cue]) -> None:
        self.name = name
        self.cues = cues
        self._index: dict[tuple[str, str], Cue] = {}
        for cue in cues:
            for word in cue.words:
                self._index.setdefault((cue.kind, word.casefold()), cue)

    def match(self, kind: str, *words: str) -> CueMatch | None:
        """The first cue of ``kind`` listing any of ``words`` (lemma, lower form, ...)."""
        for word in words:
            cue = self._index.get((kind, word.casefold()))
            if cue is not None:
                return CueMatch(cue.id, cue.modality)
        return None

    def words(self, kind: str) -> frozenset[str]:
        return frozenset(w.casefold() for c in self.cues if c.kind == kind for w in c.words)

    def cue(self, kind: str) -> Cue:
        """The (first) cue of ``kind``: for cues that are rules without words."""
        for cue in self.cues:
            if cue.kind == kind:
                return cue
        raise KeyError(f"{self.name}: no cue of kind {kind!r}")


@dataclass(frozen=True)
class ClaimRules:
    """Every cue family the claims and quotes components use."""

    attribution: CueFamily
    hedges: CueFamily
    negation: CueFamily
    future: CueFamily
    conditional: CueFamily
    predicates: CueFamily
    quote_marks: CueFamily
    boilerplate: tuple[tuple[str, re.Pattern[str]], ...]

    def is_boilerplate(self, sentence: str) -> str | None:
        """The id of the boilerplate pattern ``sentence`` matches, if any."""
        for rule_id, pattern in self.boilerplate:
            if pattern.search(sentence):
                return rule_id
        return None


@lru_cache(maxsize=1)
def claim_rules() -> ClaimRules:
    """Load and validate the cue files (once per process)."""
    families = {name: CueFamily(name, load_jsonl(f"claims/{name}.jsonl", Cue)) for name in CUE_FILES}
    boilerplate = tuple(
        (cue.id, re.compile(word, re.IGNORECASE)) for cue in families.pop("boilerplate").cues for word in cue.words
    )
    return ClaimRules(boilerplate=boilerplate, **families)
