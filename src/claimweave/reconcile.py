"""Reconciliation: everything the per-document stage found, merged across documents.

A pure function of the DocResults of a run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from claimweave.extract.common import stable_id
from claimweave.extract.entities import name_key
from claimweave.models import ClaimsFile, DocResult, EntitiesFile, Entity, MatchEvidence


def reconcile_entities(results: Iterable[DocResult]) -> EntitiesFile:
    """One Entity per (label, name key) across documents."""
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for result in results:
        for ent in result.entities:
            groups[(ent.label, name_key(ent.name))].append(ent)
    entities = []
    for (label, key), members in groups.items():
        mentions = sorted((m for e in members for m in e.mentions), key=lambda m: (m.doc_id, m.start, m.end))
        aliases = sorted({m.text for m in mentions})
        names = sorted({e.name for e in members})
        name = max(names, key=lambda n: (sum(1 for m in mentions if m.text == n), len(n), n))
        entities.append(
            Entity(
                id=stable_id("E", label, key),
                label=label,
                name=name,
                aliases=aliases,
                mentions=mentions,
                sources=sorted({m.doc_id for m in mentions}),
                match_evidence=[MatchEvidence(names=(name, other), rule="same_name_key") for other in names if other != name],
            )
        )
    entities.sort(key=lambda e: (e.label, e.name, e.id))
    return EntitiesFile(entities=entities)


def reconcile(results: list[DocResult]) -> tuple[EntitiesFile, ClaimsFile]:
    """The reconciled record of a run."""
    return reconcile_entities(results), ClaimsFile(claims=[], roles=[], agreements=[])
