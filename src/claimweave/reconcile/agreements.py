"""Merging agreements across sources by kind, parties and asset; field disagreements are conflicts.

Candidate pairs come from an inverted index (same kind and a shared party or asset word), never all
pairs. Two agreements are one when their assets agree (one's words contain the other's, or they
share most words) and their parties do not contradict, or, with no asset, when they share a party.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations

from claimweave.extract.common import stable_id
from claimweave.models import Agreement, DocResult, ReconciledAgreement
from claimweave.reconcile.common import Sources, conflict, sorted_evidence, text_key
from claimweave.reconcile.entities import EntityIndex
from claimweave.reconcile.linker import Linker
from claimweave.reconcile.names import ascii_fold, fold_token
from claimweave.reconcile.timevalues import compatible, merge_times, precision_days

_STOP = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "its", "their"})
_ISO_DURATION = re.compile(r"^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?$")
_PLAIN_DURATION = re.compile(r"^(\d+(?:\.\d+)?)[\s-]*(year|month|week|day)s?$")
_DAYS = {"year": 365, "month": 30, "week": 7, "day": 1}
#: Postings longer than this (a party in thousands of agreements) give no useful candidates.
MAX_POSTING = 200


@dataclass(frozen=True)
class Member:
    doc_id: str
    agreement: Agreement
    kind: str
    parties: frozenset[str]
    asset: frozenset[str]


def asset_words(text: str | None) -> frozenset[str]:
    """Folded content words of an asset description (``the commercial port of Tartous`` -> {komersial, port, tartus})."""
    if not text:
        return frozenset()
    return frozenset(_stem(fold_token(w)) for w in re.findall(r"[^\W_]+", ascii_fold(text)) if w not in _STOP)


def _stem(word: str) -> str:
    """Plural and singular alike (phosphates/phosphate): a trailing s is dropped from longer words."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def assets_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    return a <= b or b <= a or len(a & b) / len(a | b) >= 0.5


def duration_key(value: str) -> str:
    """A comparable form of a duration: approximate days for ``P49Y`` or ``49 years``, else the text."""
    text = " ".join(value.casefold().split())
    if m := _ISO_DURATION.match(value.strip()):
        if any(m.groups()):
            y, mo, w, d = (float(g or 0) for g in m.groups())
            return str(round(y * 365 + mo * 30 + w * 7 + d))
    if m := _PLAIN_DURATION.match(text):
        return str(round(float(m[1]) * _DAYS[m[2]]))
    return text


def _same(a: Member, b: Member) -> bool:
    if a.kind != b.kind:
        return False
    if a.asset and b.asset:
        return assets_agree(a.asset, b.asset) and (not a.parties or not b.parties or bool(a.parties & b.parties))
    return bool(a.parties & b.parties) and not (a.asset or b.asset)


def reconcile_agreements(results: list[DocResult], index: EntityIndex, sources: Sources) -> list[ReconciledAgreement]:
    members = []
    for result in results:
        doc_id = result.document.id
        for agreement in result.agreements:
            parties = frozenset(
                index.resolve(doc_id, entity_id=p.entity_id, text=p.text) or index.resolve_anywhere(p.text) or text_key(p.text)
                for p in agreement.parties
            )
            members.append(Member(doc_id, agreement, " ".join(agreement.kind.casefold().split()), parties, asset_words(agreement.asset)))
    members.sort(key=lambda m: (m.doc_id, m.agreement.id))
    postings: dict[tuple, list[int]] = defaultdict(list)
    for i, m in enumerate(members):
        for key in {*(("p", p) for p in m.parties), *(("a", w) for w in m.asset)}:
            postings[(m.kind, *key)].append(i)
    linker = Linker()
    for i in range(len(members)):
        linker.add(i)
    seen = set()
    for posting in postings.values():
        if len(posting) > MAX_POSTING:
            continue
        for i, j in combinations(posting, 2):
            if (i, j) not in seen:
                seen.add((i, j))
                if _same(members[i], members[j]):
                    linker.union(i, j, "same_agreement", 1.0)
    names = {e.id: e.name for e in index.entities}
    merged = [_merge([members[i] for i in sorted(group)], names, sources) for group in linker.groups().values()]
    merged.sort(key=lambda a: (a.kind, a.asset or "", a.parties, a.id))
    return merged


def _signed_conflict(members: list[Member]) -> dict[str, set[str]]:
    """Signing dates conflict when two sources share no compatible date (2018 vs 2017; not 2015+2017 vs 2017)."""
    by_doc: dict[str, set[str]] = defaultdict(set)
    for m in members:
        by_doc[m.doc_id] |= set(m.agreement.signed)
    clash: dict[str, set[str]] = defaultdict(set)
    for (da, va), (db, vb) in combinations(sorted(by_doc.items()), 2):
        if va and vb and not any(compatible(x, y) for x in va for y in vb):
            for doc, values in ((da, va), (db, vb)):
                for v in values:
                    clash[v].add(doc)
    return clash


def _merge(members: list[Member], names: dict[str, str], sources: Sources) -> ReconciledAgreement:
    conflicts = []
    signed_clash = _signed_conflict(members)
    if signed_clash:
        conflicts.append(conflict("signed", signed_clash))
    durations: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    renewals: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m in members:
        if m.agreement.duration:
            durations[duration_key(m.agreement.duration)][m.agreement.duration].add(m.doc_id)
        if m.agreement.renewal and m.agreement.renewal.period:
            renewals[duration_key(m.agreement.renewal.period)][m.agreement.renewal.period].add(m.doc_id)
    duration = _pick_field("duration", durations, conflicts)
    renewal = _pick_field("renewal", renewals, conflicts)
    # A computed expiry (signed + duration) disagrees whenever its inputs do, and those already
    # conflict: only expiries the sources state can conflict.
    stated = [(m.agreement.expires.value, m.doc_id, None) for m in members if m.agreement.expires and not m.agreement.expires.computed]
    computed = [(m.agreement.expires.value, m.doc_id, None) for m in members if m.agreement.expires and m.agreement.expires.computed]
    expires = merge_times(stated or computed)
    if stated and expires.conflicts:
        conflicts.append(conflict("expires", expires.conflicts))
    signed = sorted({v for m in members for v in m.agreement.signed}, key=lambda v: (v[:4], precision_days(v), v))
    signed = [v for v in signed if not any(w != v and compatible(v, w) and precision_days(w) < precision_days(v) for w in signed)]
    # A party that is no linked entity is shown as the sources write it, not as its folded key.
    written: dict[str, Counter] = defaultdict(Counter)
    for m in members:
        for party in m.agreement.parties:
            written[text_key(party.text)][party.text] += 1
    parties = sorted({
        names.get(p) or (min(written[p], key=lambda t: (-written[p][t], t)) if written[p] else p.removeprefix("text:"))
        for m in members
        for p in m.parties
    })
    assets = Counter(m.agreement.asset for m in members if m.agreement.asset)
    statuses = [(sources.published.get(m.doc_id), m.agreement.status) for m in members if m.agreement.status]
    doc_ids = sorted({m.doc_id for m in members})
    kind = members[0].kind
    asset_key = " ".join(sorted(set.intersection(*(set(m.asset) for m in members if m.asset)))) if assets else ""
    return ReconciledAgreement(
        id=stable_id("RA", kind, asset_key, *sorted({p for m in members for p in m.parties})),
        kind=kind,
        parties=parties,
        asset=min(assets, key=lambda a: (-assets[a], a)) if assets else None,
        signed=signed,
        duration=duration,
        expires=expires.value,
        renewal=renewal,
        # Status changes over time: the latest report wins rather than conflicting.
        status_value=max(statuses, key=lambda s: (s[0].toordinal() if s[0] else 0, s[1]))[1] if statuses else None,
        members=sorted(m.agreement.id for m in members),
        sources=doc_ids,
        evidence=sorted_evidence(e for m in members for e in (*m.agreement.evidence, *m.agreement.field_evidence.values())),
        status=sources.status(doc_ids, conflicts),
        conflicts=conflicts,
    )


def _pick_field(field: str, values: dict[str, dict[str, set[str]]], conflicts: list) -> str | None:
    """The value of a field; several different values are a conflict (each listed with its sources)."""
    if not values:
        return None
    if len(values) > 1:
        flat: dict[str, set[str]] = defaultdict(set)
        for spellings in values.values():
            for text, docs in spellings.items():
                flat[text] |= docs
        conflicts.append(conflict(field, flat))
        return None
    spellings = next(iter(values.values()))
    return min(spellings, key=lambda t: (-len(spellings[t]), t))
