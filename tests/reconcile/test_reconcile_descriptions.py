"""Descriptions resolved to office holders (claimweave.reconcile.descriptions)."""

from __future__ import annotations

import pytest

from claimweave.models import ReconciledRole
from claimweave.reconcile import reconcile
from claimweave.reconcile.descriptions import DescriptionIndex


def _role(entity_id: str, title: str, affiliation: str | None = None, qualifier: str | None = None) -> ReconciledRole:
    return ReconciledRole(
        id=f"RR_{entity_id}_{title}", person=entity_id, entity_id=entity_id, title_normalized=title,
        affiliation=affiliation, qualifier=qualifier, members=[], sources=["d"], evidence=[], status="single_source",
    )


OFFICES = DescriptionIndex.of([
    _role("shaibani", "foreign minister", "Syria"),
    _role("lavrov", "foreign minister", "Russia"),
    _role("maher", "health minister"),
    _role("maher", "health minister", qualifier="former"),
    _role("bogdanov", "deputy foreign minister", "Russia"),
])


@pytest.mark.parametrize(
    ("description", "holder"),
    [
        ("Syria's foreign minister", "shaibani"),
        ("Russia’s foreign minister", "lavrov"),
        ("the Russian deputy foreign minister", "bogdanov"),
        ("the foreign minister", None),
        ("the health minister", "maher"),
        ("Turkey's health minister", None),
        ("a Syrian delegation", None),
    ],
)
def test_description_resolves_to_the_one_holder(description, holder):
    assert OFFICES.resolve(description) == holder


def test_a_description_merges_with_the_claims_of_its_holder(doc):
    roles = doc("roles")
    roles.role("Asaad al-Shaibani", "foreign minister", affiliation="Syria")
    described = doc("described")
    claim = described.claim("visit", "Syria's foreign minister", "Moscow", time="2025-07-31", object_label="GPE")
    described.claims[-1] = claim.model_copy(update={"subject": claim.subject.model_copy(update={"entity_id": None})})
    del described.entities[("PERSON", "Syria's foreign minister")]
    named = doc("named")
    named.claim("fly", "Asaad al-Shaibani", "Moscow", time="2025-07-31", object_label="GPE")
    _, claims = reconcile([roles.build(), described.build(), named.build()])
    (claim,) = claims.claims
    assert claim.subject == "Asaad al-Shaibani" and claim.sources == ["described", "named"]
