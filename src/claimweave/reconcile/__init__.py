"""Reconciliation: everything the per-document stage found, merged across documents.

A pure function of the DocResults of a run: entities are linked across documents, then claims,
roles and agreements about the same thing are merged with their sources, evidence and conflicts.
"""

from __future__ import annotations

from claimweave.models import ClaimsFile, DocResult, EntitiesFile
from claimweave.reconcile.entities import link_entities


def reconcile(results: list[DocResult]) -> tuple[EntitiesFile, ClaimsFile]:
    """The reconciled record of a run."""
    index = link_entities(results)
    return EntitiesFile(entities=index.entities), ClaimsFile(claims=[], roles=[], agreements=[])
