"""Publication dates inferred from reconciled events, and re-resolving a document's dates with them.

An undated article that reports an event other sources date cannot be older than that event: its
inferred publication date is the latest day-precise date of the past events it reports (never a
planned one). The document is marked ``published_from="inferred"`` and its relative dates are
re-resolved against that date, with the claims, roles and agreement signing dates read from them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from claimweave.extract.agreement_terms import add_duration
from claimweave.models import Agreement, DocResult, ReconciledClaim, TimexAnchor
from claimweave.reconcile.timevalues import TimeSpan, fill_year, parse_time

#: Re-resolves one time expression: (text, old value, publication date) -> new value or None.
Resolver = Callable[[str, str, dt.date], str | None]

PAST = frozenset({"asserted", "reported", "hedged"})


def infer_published(
    result: DocResult, claims: list[ReconciledClaim], published: dict[str, dt.date | None]
) -> tuple[dt.date, str] | None:
    """The earliest possible publication date of an undated document, and the claim that dates it.

    Only events that another, dated source reports as past count: a day-precise date that some
    other document published on or after it.
    """
    doc_id = result.document.id
    member_ids = {c.id for c in result.claims if c.modality in PAST}
    best: tuple[dt.date, str] | None = None
    for claim in claims:
        if claim.status == "conflicting" or claim.modality not in PAST or not member_ids.intersection(claim.members):
            continue
        span = parse_time(claim.time)
        if not isinstance(span, TimeSpan) or span.days != 1:
            continue
        witnessed = any((p := published.get(d)) is not None and span.start <= p for d in claim.sources if d != doc_id)
        if witnessed and (best is None or (span.start, claim.id) > best):
            best = (span.start, claim.id)
    return best


def default_resolver(text: str, value: str, published: dt.date) -> str | None:
    """The value of ``text`` read against ``published`` by the time component; else the year-less
    value (``XXXX-01-28``) with the year filled in."""
    from claimweave.extract.timex_normalize import normalize_timex

    normalized = normalize_timex(text, anchor=published.isoformat())
    if normalized is not None and normalized.type == "DATE" and normalized.resolved and normalized.value != value:
        return normalized.value
    filled = fill_year(value, published=published)
    return filled if filled != value else None


def reanchor(result: DocResult, published: dt.date, *, why: str, resolver: Resolver = default_resolver) -> DocResult:
    """A copy of ``result`` with an inferred publication date and its unresolved dates re-resolved."""
    document = result.document.model_copy(
        update={
            "published": published.isoformat(),
            "published_from": "inferred",
            "warnings": [*result.document.warnings, why],
        }
    )
    new_values: dict[str, str] = {}
    moved: dict[tuple[int, int], tuple[str, str]] = {}  # timex span -> (old value, new value)
    timexes = []
    for timex in result.timexes:
        # Expressions read against the narrative or nothing are the relative ones: read them again.
        if timex.type == "DATE" and (not timex.resolved or timex.anchor.kind in ("none", "narrative")):
            value = resolver(timex.text, timex.value, published)
            if value:
                new_values[timex.id] = value
                moved[(timex.start, timex.end)] = (timex.value, value)
                timex = timex.model_copy(
                    update={
                        "value": value,
                        "resolved": "X" not in value,
                        "anchor": TimexAnchor(kind="publication", value=published.isoformat()),
                    }
                )
        timexes.append(timex)

    def retime(item):
        ref = item.time
        if ref is not None and ref.timex_id in new_values:
            return item.model_copy(update={"time": ref.model_copy(update={"value": new_values[ref.timex_id]})})
        return item

    return result.model_copy(
        update={
            "document": document,
            "timexes": timexes,
            "claims": [retime(c) for c in result.claims],
            "roles": [retime(r) for r in result.roles],
            "agreements": [_retime_agreement(a, moved) for a in result.agreements],
        }
    )


def _retime_agreement(agreement: Agreement, moved: dict[tuple[int, int], tuple[str, str]]) -> Agreement:
    """An agreement whose signing dates were read from re-resolved expressions ("the March
    agreement"), with those dates and an expiry computed from them brought up to date."""
    ev = agreement.field_evidence.get("signed")
    if ev is None or not moved:
        return agreement
    changes = {old: new for (start, end), (old, new) in moved.items() if start < ev.end and ev.start < end}
    if not any(v in changes for v in agreement.signed):
        return agreement
    signed = sorted({changes.get(v, v) for v in agreement.signed})
    update: dict = {"signed": signed}
    if agreement.expires is not None and agreement.expires.computed and agreement.duration and len(signed) == 1:
        value = add_duration(date=signed[0], duration=agreement.duration)
        update["expires"] = agreement.expires.model_copy(update={"value": value}) if value else None
    return agreement.model_copy(update=update)
