"""What the claim, role and agreement merges share: sources, status, conflicts, time clustering."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from claimweave.models import Conflict, ConflictValue, DocResult, Evidence, Status
from claimweave.reconcile.names import name_tokens
from claimweave.reconcile.timevalues import TimeSpan, compatible, days_apart, parse_time

T = TypeVar("T")

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


def cluster_by_time(items: Sequence[T], value_of: Callable[[T], str | None], window: int) -> list[list[T]]:
    """Split items about the same actors into events by time.

    Precisely dated items (a month or finer) chain into one event while they are within ``window``
    days of each other; a coarser or missing value joins the one event it is compatible with, and
    otherwise they form an event of their own.
    """
    fine, loose = [], []
    for item in items:
        span = parse_time(value_of(item))
        (fine if isinstance(span, TimeSpan) and span.days <= FINE_DAYS else loose).append(item)
    fine.sort(key=lambda it: parse_time(value_of(it)).start)
    events: list[list[T]] = []
    for item in fine:
        if events and any((days_apart(value_of(item), value_of(x)) or 0) <= window for x in events[-1]):
            events[-1].append(item)
        else:
            events.append([item])
    coarse: list[list[T]] = []
    undated: list[T] = []
    for item in sorted(loose, key=lambda it: value_of(it) is None):
        value = value_of(item)
        if value is None:
            # Undated reports join the one event about these actors, if there is only one.
            if len(events) + len(coarse) == 1:
                (events + coarse)[0].append(item)
            else:
                undated.append(item)
            continue
        fits = [e for e in events if any(compatible(value, value_of(x)) for x in e)]
        if len(fits) == 1:
            fits[0].append(item)
        else:
            # Coarse values group with the coarse values they agree with ("2025" and "2025-H1").
            group = next((g for g in coarse if all(compatible(value, value_of(x)) for x in g)), None)
            if group is None:
                coarse.append([item])
            else:
                group.append(item)
    events.extend(coarse)
    if undated:
        events.append(undated)
    return events
