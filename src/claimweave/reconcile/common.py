"""What the claim, role and agreement merges share: sources, status, conflicts, argument keys."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from claimweave.models import Conflict, ConflictValue, DocResult, Evidence, Status
from claimweave.reconcile.names import name_tokens

#: Values covering more days than this are too coarse to tie two events together.
FINE_DAYS = 31


@dataclass(frozen=True)
class Sources:
    """Per document: the outlet (independent sources are different outlets) and the publication date."""

    outlet: dict[str, str]
    published: dict[str, dt.date | None]

    @classmethod
    def of(cls, results: Iterable[DocResult]) -> Sources:
        outlet, published = {}, {}
        for r in results:
            outlet[r.document.id] = (r.document.source or r.document.id).casefold()
            published[r.document.id] = dt.date.fromisoformat(r.document.published) if r.document.published else None
        return cls(outlet, published)

    def status(self, doc_ids: Iterable[str], conflicts: Sequence[Conflict]) -> Status:
        if conflicts:
            return "conflicting"
        outlets = {self.outlet.get(d, d) for d in doc_ids}
        return "corroborated" if len(outlets) >= 2 else "single_source"


def conflict(field: str, values: dict[str, Iterable[str]]) -> Conflict:
    """A Conflict listing each value (sorted) with its sorted, distinct sources."""
    return Conflict(
        field=field,
        values=[ConflictValue(value=v, sources=sorted(set(s))) for v, s in sorted(values.items())],
    )


def sorted_evidence(items: Iterable[Evidence]) -> list[Evidence]:
    unique = {(e.doc_id, e.start, e.end, e.rule, e.text): e for e in items}
    return [unique[k] for k in sorted(unique)]


def text_key(text: str) -> str:
    """A key for an argument that is not a linked entity: its folded words."""
    return "text:" + " ".join(name_tokens(text, family="OTHER"))
