"""Merging agreements by kind, parties and asset (claimweave.reconcile.agreements)."""

from __future__ import annotations

import pytest

from claimweave.models import Argument
from claimweave.reconcile import reconcile
from claimweave.reconcile.agreements import asset_words, assets_agree, duration_key


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Tartus commercial port", "the commercial port of Tartous", True),
        ("phosphate deposits in Homs province", "phosphates in Homs", True),
        ("Tartus commercial port", "land for a depot on the Kessler brickworks site", False),
        ("Hmeimim air base", "Tartus naval facility", False),
    ],
)
def test_assets_agree(a, b, same):
    assert assets_agree(asset_words(a), asset_words(b)) is same


@pytest.mark.parametrize(("a", "b", "same"), [("P49Y", "49 years", True), ("P40Y", "P480M", False), ("P45Y", "P49Y", False)])
def test_duration_key(a, b, same):
    assert (duration_key(a) == duration_key(b)) is same


def _agreements(doc, specs):
    results = []
    for i, (kind, party, asset, signed, duration) in enumerate(specs):
        d = doc(f"d{i}")
        d.agreement(kind, [party], asset=asset, signed=signed, duration=duration)
        results.append(d.build())
    return reconcile(results)[1].agreements


def test_duration_disagreement_is_a_conflict_and_unrelated_lease_stays_apart(doc):
    agreements = _agreements(doc, [
        ("lease", "Stroytransgaz", "Tartus commercial port", ["2019"], "P49Y"),
        ("lease", "Stroytransgaz", "commercial port of Tartous", ["2019"], "P45Y"),
        ("lease", "Halvorsen Rail Systems", "land for a depot", ["2025-07-31"], "P49Y"),
    ])
    assert len(agreements) == 2
    port = next(a for a in agreements if a.parties == ["Stroytransgaz"])
    assert port.status == "conflicting"
    assert [(c.field, [(v.value, v.sources) for v in c.values]) for c in port.conflicts] == [
        ("duration", [("P45Y", ["d1"]), ("P49Y", ["d0"])])
    ]


@pytest.mark.parametrize(
    ("signed_a", "signed_b", "conflict"),
    [(["2018"], ["2017"], True), (["2015", "2017"], ["2015", "2017"], False), (["2015", "2017"], ["2017"], False), (["2019"], ["2019-05-02"], False)],
)
def test_signing_dates(doc, signed_a, signed_b, conflict):
    (agreement,) = _agreements(doc, [
        ("mining rights", "Stroytransgaz", "phosphates in Homs", signed_a, "P40Y"),
        ("mining rights", "Stroytransgaz", "phosphate deposits of Homs", signed_b, "P40Y"),
    ])
    assert (agreement.status == "conflicting") is conflict
    assert [c.field for c in agreement.conflicts] == (["signed"] if conflict else [])


def test_a_party_the_tagger_missed_in_one_document_matches_the_entity_found_in_another(doc):
    tagged = doc("d0")
    tagged.agreement("lease", ["Kalyongaz"], asset="Mersin harbour", signed=["2014"], duration="P30Y")
    untagged = doc("d1")
    untagged.agreement("lease", ["Kalyongaz"], asset="the harbour of Mersin", signed=["2014"], duration="P30Y")
    result = untagged.build()
    result.agreements[0].parties[0].entity_id = None
    result.entities = []
    (agreement,) = reconcile([tagged.build(), result])[1].agreements
    assert agreement.sources == ["d0", "d1"]


def test_a_party_that_is_no_entity_is_shown_as_written(doc):
    d = doc("d0")
    agreement = d.agreement("lease", [], asset="Tartus commercial port")
    ev = d.evidence("Stroytransgaz")
    agreement.parties.append(Argument(text=ev.text, start=ev.start, end=ev.end))
    (merged,) = reconcile([d.build()])[1].agreements
    assert merged.parties == ["Stroytransgaz"]
