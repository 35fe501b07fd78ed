"""Merging roles per person: one record per (person, title, former or current), with title conflicts.

A former role and a current one coexist. Two sources giving the same person different current
titles at the same time conflict, unless the titles are known to go together
(``compatible_titles`` in ``patterns/reconcile/linkage.json``), one is a rank or loose title held
with any office (``coexisting_titles``: a general who becomes prime minister), or one source states
both. Title words that name one rank (``vice``/``deputy``) are compared as one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from bisect import bisect_right
from itertools import accumulate, combinations

from claimweave.extract.common import stable_id
from claimweave.models import DocResult, EntityRole, ReconciledRole, Role
from claimweave.reconcile.common import Sources, conflict, sorted_evidence, text_key
from claimweave.reconcile.entities import EntityIndex
from claimweave.reconcile.rules import linkage
from claimweave.reconcile.timevalues import TimeSpan, merge_times, parse_time


@dataclass(frozen=True)
class Member:
    doc_id: str
    role: Role
    person: str


def tense(role: Role) -> str:
    """``former`` for a past role (former, ex-, then ...), else ``current``."""
    former = set(linkage().former_qualifiers)
    words = (role.qualifier or "").casefold().split() + role.title_normalized.casefold().split()[:1]
    return "former" if former & set(words) else "current"


def core_title(title: str) -> str:
    """A title without words that do not change the office (``special presidential envoy`` -> ``envoy``)."""
    ignored = set(linkage().former_qualifiers) | set(linkage().title_modifiers)
    synonyms = linkage().title_synonyms
    words = [synonyms.get(w, w) for w in title.casefold().replace("-", " ").split()]
    kept = [w for w in words if w not in ignored]
    return " ".join(kept or words)


def _title(role: Role) -> str:
    return core_title(role.title_normalized)


def titles_compatible(a: str, b: str) -> bool:
    """Whether one person can be both at once: the same office, one title inside the other, or a known pair."""
    a, b = core_title(a), core_title(b)
    if a == b or set(a.split()) <= set(b.split()) or set(b.split()) <= set(a.split()):
        return True
    if a in _coexisting() or b in _coexisting():
        return True  # a rank or a loose title ("general", "chief") goes with any office
    return any(a in group and b in group for group in _title_groups())


@lru_cache(maxsize=None)
def _coexisting() -> frozenset[str]:
    return frozenset(core_title(t) for t in linkage().coexisting_titles)


@lru_cache(maxsize=None)
def _title_groups() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(core_title(t) for t in group) for group in linkage().compatible_titles)


def reconcile_roles(results: list[DocResult], index: EntityIndex, sources: Sources) -> list[ReconciledRole]:
    groups: dict[tuple[str, str, str], list[Member]] = defaultdict(list)
    for result in results:
        doc_id = result.document.id
        for role in result.roles:
            person = index.resolve(doc_id, entity_id=role.person_entity_id, text=role.person) or text_key(role.person)
            groups[(person, _title(role), tense(role))].append(Member(doc_id, role, person))
    names = {e.id: e.name for e in index.entities}
    merged = {key: _merge(key, sorted(ms, key=lambda m: (m.doc_id, m.role.id)), names, sources) for key, ms in groups.items()}
    _title_conflicts(groups, merged, sources)
    roles = []
    for role in merged.values():
        role.status = sources.status(role.sources, role.conflicts)
        roles.append(role)
    roles.sort(key=lambda r: (r.person, r.title_normalized, r.qualifier or "", r.id))
    return roles


def _merge(key: tuple[str, str, str], members: list[Member], names: dict[str, str], sources: Sources) -> ReconciledRole:
    person, title, when = key
    conflicts = []
    affiliations: dict[str, set[str]] = defaultdict(set)
    for m in members:
        if m.role.affiliation:
            affiliations[m.role.affiliation.strip()].add(m.doc_id)
    folded = {a.casefold() for a in affiliations}
    if len(folded) > 1:
        conflicts.append(conflict("affiliation", affiliations))
    qualifiers = Counter(m.role.qualifier for m in members if m.role.qualifier)
    titles = Counter(" ".join(m.role.title_normalized.casefold().split()) for m in members)
    times = merge_times((m.role.time.value, m.doc_id, m.role.time.mod) for m in members if m.role.time)
    doc_ids = sorted({m.doc_id for m in members})
    return ReconciledRole(
        id=stable_id("RR", person, title, when),
        person=names.get(person) or Counter(m.role.person for m in members).most_common(1)[0][0],
        entity_id=person if person in names else None,
        title_normalized=min(titles, key=lambda t: (-titles[t], t)),
        affiliation=min(affiliations, key=lambda a: (-len(affiliations[a]), a)) if affiliations else None,
        qualifier=min(qualifiers, key=lambda q: (-qualifiers[q], q)) if qualifiers else ("former" if when == "former" else None),
        time=times.value,
        members=sorted(m.role.id for m in members),
        sources=doc_ids,
        evidence=sorted_evidence(e for m in members for e in m.role.evidence),
        status=sources.status(doc_ids, conflicts),
        conflicts=conflicts,
    )


def _when(member: Member, sources: Sources) -> str | None:
    if member.role.time and member.role.time.value:
        return member.role.time.value
    published = sources.published.get(member.doc_id)
    return published.isoformat() if published else None


def _title_conflicts(groups: dict, merged: dict, sources: Sources) -> None:
    """Mark different current titles of one person, from different sources at the same time."""
    window = linkage().role_window_days
    by_person: dict[str, list[tuple]] = defaultdict(list)
    for key in groups:
        if key[2] == "current":
            by_person[key[0]].append(key)
    for person, keys in by_person.items():
        for a, b in combinations(sorted(keys), 2):
            if titles_compatible(a[1], b[1]):
                continue
            docs_a = {m.doc_id for m in groups[a]}
            docs_b = {m.doc_id for m in groups[b]}
            if docs_a & docs_b:
                continue  # one source states both titles: the person holds both
            clash_a = _near(groups[a], groups[b], sources, window)
            clash_b = _near(groups[b], groups[a], sources, window)
            if clash_a:
                found = conflict("title_normalized", {merged[a].title_normalized: clash_a, merged[b].title_normalized: clash_b})
                merged[a].conflicts.append(found)
                merged[b].conflicts.append(found)


def _near(these: list[Member], others: list[Member], sources: Sources, window: int) -> set[str]:
    """Documents of ``these`` whose time is within ``window`` days of some member of ``others``."""
    spans = sorted(
        (s.start.toordinal(), s.end.toordinal())
        for m in others
        if isinstance(s := parse_time(_when(m, sources)), TimeSpan)
    )
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))
    found = set()
    for m in these:
        span = parse_time(_when(m, sources))
        if not isinstance(span, TimeSpan):
            continue
        i = bisect_right(starts, span.end.toordinal() + window)
        if i and reach[i - 1] >= span.start.toordinal() - window:
            found.add(m.doc_id)
    return found


def entity_roles(roles: list[ReconciledRole]) -> dict[str, list[EntityRole]]:
    """The roles of each entity, for ``Entity.roles``."""
    out: dict[str, list[EntityRole]] = defaultdict(list)
    for role in roles:
        if role.entity_id:
            out[role.entity_id].append(
                EntityRole(
                    title_normalized=role.title_normalized,
                    affiliation=role.affiliation,
                    qualifier=role.qualifier,
                    role_ids=role.members,
                )
            )
    return out
