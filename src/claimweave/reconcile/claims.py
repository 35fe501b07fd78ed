"""Merging claims about the same event across sources, with their dates compared by granularity.

Claims are blocked by (predicate class, linked subject, linked object, polarity); within a block they
are split into events by time (see ``common.cluster_by_time``). An event's date is the most precise
agreeing value; disjoint values are a conflict that lists each value with its sources.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from claimweave.extract.common import stable_id
from claimweave.models import Claim, DocResult, ReconciledClaim
from claimweave.reconcile.common import Sources, cluster_by_time, conflict, sorted_evidence, text_key
from claimweave.reconcile.entities import EntityIndex
from claimweave.reconcile.rules import linkage
from claimweave.reconcile.timevalues import merge_times

FACTUAL = ("asserted", "reported", "hedged", "negated")


@dataclass(frozen=True)
class Member:
    """One per-document claim with its reconciled keys."""

    doc_id: str
    claim: Claim
    subject: str | None
    object: str | None
    location: str | None
    time_evidence: tuple = ()


@lru_cache(maxsize=None)
def _predicate_classes() -> dict[str, str]:
    return {lemma: c.id for c in linkage().predicate_classes for lemma in c.lemmas}


def predicate_class(lemma: str) -> str:
    """The event class of a predicate lemma (``phone`` and ``call`` are one class)."""
    lemma = " ".join(lemma.casefold().split())
    return _predicate_classes().get(lemma, lemma)


def _argument_key(index: EntityIndex, doc_id: str, arg) -> str | None:
    if arg is None:
        return None
    return index.resolve(doc_id, entity_id=arg.entity_id, text=arg.text) or text_key(arg.text)


def block_key(member: Member) -> tuple:
    """Claims that can be about the same event share this key."""
    pclass = predicate_class(member.claim.predicate.lemma)
    subject, obj = member.subject or "", member.object or ""
    if pclass in linkage().symmetric_predicates:
        subject, obj = sorted((subject, obj))
    polarity = "factual" if member.claim.modality in FACTUAL else member.claim.modality
    return pclass, subject, obj, polarity


def reconcile_claims(results: list[DocResult], index: EntityIndex, sources: Sources) -> list[ReconciledClaim]:
    """One ReconciledClaim per event, in a deterministic order."""
    blocks: dict[tuple, list[Member]] = defaultdict(list)
    for result in results:
        doc_id = result.document.id
        timex_evidence = {t.id: t.evidence for t in result.timexes}
        for claim in result.claims:
            time_id = claim.time.timex_id if claim.time else None
            member = Member(
                doc_id,
                claim,
                _argument_key(index, doc_id, claim.subject),
                _argument_key(index, doc_id, claim.object),
                _argument_key(index, doc_id, claim.location),
                (timex_evidence[time_id],) if time_id in timex_evidence else (),
            )
            blocks[block_key(member)].append(member)
    names = {e.id: e.name for e in index.entities}
    window = linkage().same_event_days
    merged: list[ReconciledClaim] = []
    used: set[str] = set()
    for key in sorted(blocks):
        members = sorted(blocks[key], key=lambda m: (m.doc_id, m.claim.id))
        for event in cluster_by_time(members, lambda m: m.claim.time.value if m.claim.time else None, window):
            merged.append(_merge(key, event, names, sources, used))
    merged.sort(key=lambda c: (c.time or "", c.predicate, c.subject or "", c.id))
    return merged


def _display(key: str | None, texts: list[str], names: dict[str, str]) -> str | None:
    if key is None:
        return None
    if key in names:
        return names[key]
    return Counter(texts).most_common(1)[0][0] if texts else None


def _merge(key: tuple, event: list[Member], names: dict[str, str], sources: Sources, used: set[str]) -> ReconciledClaim:
    pclass, _, _, polarity = key
    conflicts = []
    times = merge_times(
        (m.claim.time.value, m.doc_id, m.claim.time.mod) for m in event if m.claim.time
    )
    if times.conflicts:
        conflicts.append(conflict("time", times.conflicts))
    modalities: dict[str, set[str]] = defaultdict(set)
    for m in event:
        modalities[m.claim.modality].add(m.doc_id)
    if "negated" in modalities and len(modalities) > 1:
        conflicts.append(conflict("modality", modalities))
    locations: dict[str, set[str]] = defaultdict(set)
    for m in event:
        if m.location:
            locations[m.location].add(m.doc_id)
    if len(locations) > 1:
        conflicts.append(conflict("location", {names.get(k, k.removeprefix("text:")): v for k, v in locations.items()}))
    doc_ids = sorted({m.doc_id for m in event})
    first = event[0]
    subject, obj = first.subject, first.object
    location = min(locations, key=lambda k: (-len(locations[k]), k)) if locations else None
    modality = min(modalities, key=lambda k: (-len(modalities[k]), FACTUAL.index(k) if k in FACTUAL else 9, k))
    lemma = Counter(m.claim.predicate.lemma for m in event).most_common(1)[0][0]
    claim_id = stable_id("RC", pclass, subject, obj, polarity, (times.value or "undated")[:7])
    if claim_id in used:
        claim_id = stable_id("RC", pclass, subject, obj, polarity, times.value, min(m.claim.id for m in event))
    used.add(claim_id)
    return ReconciledClaim(
        id=claim_id,
        predicate=lemma,
        subject=_display(subject, [m.claim.subject.text for m in event if m.claim.subject and m.subject == subject], names),
        subject_entity_id=subject if subject in names else None,
        object=_display(obj, [m.claim.object.text for m in event if m.claim.object and m.object == obj], names),
        object_entity_id=obj if obj in names else None,
        location=_display(location, [m.claim.location.text for m in event if m.claim.location and m.location == location], names),
        time=times.value,
        modality=modality,
        attribution=sorted({m.claim.attribution.source for m in event if m.claim.attribution}),
        members=sorted(m.claim.id for m in event),
        sources=doc_ids,
        evidence=sorted_evidence(e for m in event for e in (*m.claim.evidence, *m.time_evidence)),
        status=sources.status(doc_ids, conflicts),
        conflicts=conflicts,
    )
