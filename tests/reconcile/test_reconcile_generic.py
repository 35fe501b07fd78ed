"""Institutions every country has are one entity only within a country or a story (reconcile.generic)."""

from __future__ import annotations

import pytest

from claimweave.reconcile import reconcile


def _entity_of(entities, doc_id: str, text: str):
    found = [e for e in entities.entities if any(m.doc_id == doc_id and m.text == text for m in e.mentions)]
    assert len(found) == 1, f"{text!r} in {doc_id}: {[e.name for e in found]}"
    return found[0]


@pytest.mark.parametrize(
    ("places_one", "places_two", "same"),
    [
        (["India"], ["United States"], False),  # Delhi's Congress party is not Washington's Congress
        (["India"], ["India", "India", "Pakistan"], True),  # the country each names most
        ([], ["Ottawa", "Lena Markov"], False),  # no country and not one story
        (["India", "India", "United States"], ["United States", "United States", "India"], False),  # each its own
    ],
)
def test_a_generic_institution_links_within_a_country(doc, places_one, places_two, same):
    one, two = doc("one"), doc("two")
    for b, places in ((one, places_one), (two, places_two)):
        b.entity("Congress", "ORG")
        for place in places:
            b.entity(place, "PERSON" if " " in place and place != "United States" else "GPE")
    entities, _ = reconcile([one.build(), two.build()])
    assert (_entity_of(entities, "one", "Congress") is _entity_of(entities, "two", "Congress")) is same


def test_documents_of_one_story_share_their_generic_institution(doc):
    one, two = doc("one"), doc("two")
    for b in (one, two):
        b.entity("Parliament", "ORG")
        b.entity("Lena Markov", "PERSON")
        b.entity("Ivo Brandt", "PERSON")
    entities, _ = reconcile([one.build(), two.build()])
    assert _entity_of(entities, "one", "Parliament") is _entity_of(entities, "two", "Parliament")
