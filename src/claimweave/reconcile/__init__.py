"""Reconciliation: everything the per-document stage found, merged across documents.

A pure function of the DocResults of a run: entities are linked across documents, then claims,
roles and agreements about the same thing are merged with their sources, evidence and conflicts.
Undated documents get a publication date inferred from the merged events where possible.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimweave.models import ClaimsFile, DocResult, EntitiesFile
from claimweave.reconcile.agreements import reconcile_agreements
from claimweave.reconcile.claims import reconcile_claims
from claimweave.reconcile.common import Sources
from claimweave.reconcile.descriptions import DescriptionIndex
from claimweave.reconcile.entities import link_entities
from claimweave.reconcile.published import Resolver, default_resolver, infer_published, reanchor
from claimweave.reconcile.roles import entity_roles, reconcile_roles

__all__ = ["Reconciliation", "reconcile", "reconcile_run"]


@dataclass(frozen=True)
class Reconciliation:
    """The reconciled record, and the documents it changed (inferred publication dates)."""

    entities: EntitiesFile
    claims: ClaimsFile
    updated: list[DocResult]


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


def reconcile(results: list[DocResult]) -> tuple[EntitiesFile, ClaimsFile]:
    """The reconciled record of a run."""
    run = reconcile_run(results)
    return run.entities, run.claims
