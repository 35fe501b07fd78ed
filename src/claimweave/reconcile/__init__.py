"""Reconciliation: everything the per-document stage found, merged across documents.

A pure function of the DocResults of a run: entities are linked across documents, then claims,
roles and agreements about the same thing are merged with their sources, evidence and conflicts.
Undated documents get a publication date inferred from the merged events where possible.
"""

from __future__ import annotations

from claimweave.models import ClaimsFile, DocResult, EntitiesFile
from claimweave.reconcile.agreements import reconcile_agreements
from claimweave.reconcile.claims import reconcile_claims
from claimweave.reconcile.common import Sources
from claimweave.reconcile.descriptions import DescriptionIndex
from claimweave.reconcile.entities import link_entities
from claimweave.reconcile.published import Resolver, default_resolver, infer_published, reanchor
from claimweave.reconcile.roles import entity_roles, reconcile_roles

__all__ = ["Reconciliation", "reconcile", "reconcile_run"]


class Reconciliation(tuple):
    """The reconciled record ``(entities, claims)``; ``updated`` holds the documents it changed
    (an inferred publication date). A 2-tuple, so ``entities, claims = reconcile(results)`` holds."""

    updated: list[DocResult]

    def __new__(cls, entities: EntitiesFile, claims: ClaimsFile, updated: list[DocResult]) -> Reconciliation:
        record = super().__new__(cls, (entities, claims))
        record.updated = updated
        return record

    @property
    def entities(self) -> EntitiesFile:
        return self[0]

    @property
    def claims(self) -> ClaimsFile:
        return self[1]


def reconcile_run(results: list[DocResult], *, resolver: Resolver = default_resolver) -> Reconciliation:
    """Reconcile a run; documents without a publication date get one inferred where the events allow."""
    results = sorted(results, key=lambda r: r.document.id)
    index = link_entities(results)
    sources = Sources.of(results)
    roles = reconcile_roles(results, index, sources)
    offices = DescriptionIndex.of(roles)
    claims = reconcile_claims(results, index, sources, offices)
    updated = []
    for i, result in enumerate(results):
        if result.document.published is None and (found := infer_published(result, claims, sources.published)):
            date, claim_id = found
            why = f"publication date inferred: not earlier than {date.isoformat()}, the date other sources give for claim {claim_id}"
            results[i] = reanchor(result, date, why=why, resolver=resolver)
            updated.append(results[i])
    if updated:
        sources = Sources.of(results)
        roles = reconcile_roles(results, index, sources)
        claims = reconcile_claims(results, index, sources, offices)
    agreements = reconcile_agreements(results, index, sources)
    by_entity = entity_roles(roles)
    entities = [
        e.model_copy(update={"roles": by_entity[e.id]}) if e.id in by_entity else e for e in index.entities
    ]
    return Reconciliation(
        EntitiesFile(entities=entities),
        ClaimsFile(claims=claims, roles=roles, agreements=agreements),
        updated,
    )


def reconcile(results: list[DocResult]) -> Reconciliation:
    """The reconciled record of a run: ``(entities, claims)``, with ``.updated`` documents."""
    return reconcile_run(results)
