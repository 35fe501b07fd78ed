"""Organisation names with and without a qualifier or description (reconcile.qualified, names)."""

from __future__ import annotations

import pytest

from claimweave.reconcile import reconcile
from claimweave.reconcile.names import name_tokens


def _entity_of(entities, doc_id: str, text: str):
    found = [e for e in entities.entities if any(m.doc_id == doc_id and m.text == text for m in e.mentions)]
    assert len(found) == 1, f"{text!r} in {doc_id}: {[e.name for e in found]}"
    return found[0]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("the Maoist Shining Dawn Front", "Shining Dawn Front", True),
        ("the ruling Green Unity Alliance", "Green Unity Alliance", True),
        ("Rebel Front", "Front", False),  # too short to be a description plus a name
    ],
)
def test_descriptions_before_an_organisation_name(a, b, same):
    assert (name_tokens(a, family="ORG") == name_tokens(b, family="ORG")) is same


def _court_story(d, *places):
    d.entity("Supreme Court", "ORG")
    for place, label in places:
        d.entity(place, label)


@pytest.mark.parametrize(
    ("bare_context", "other_form", "merged"),
    [
        ((("Bolivia", "GPE"),), None, True),
        ((("Bolivian", "NORP"),), None, True),
        ((("Chile", "GPE"),), None, False),  # the bare name's document is about another country
        ((("Bolivia", "GPE"),), "Chilean Supreme Court", False),  # two qualified forms: could be either
    ],
)
def test_generic_name_joins_its_only_qualified_form(doc, bare_context, other_form, merged):
    one, two = doc("one"), doc("two")
    one.entity("the Bolivian Supreme Court", "ORG")
    if other_form:
        one.entity(other_form, "ORG")
    _court_story(two, *bare_context)
    entities, _ = reconcile([one.build(), two.build()])
    court = _entity_of(entities, "one", "the Bolivian Supreme Court")
    assert (_entity_of(entities, "two", "Supreme Court") is court) is merged
    if merged:
        assert any(m.rule == "qualified_name" for m in court.match_evidence)


@pytest.mark.parametrize(("shared", "merged"), [(("Valletta", "Harbour Authority"), True), (("Valletta",), False)])
def test_international_form_needs_the_same_story(doc, shared, merged):
    one, two = doc("one"), doc("two")
    one.entity("International Sea Rescue", "ORG")
    two.entity("Sea Rescue", "ORG")
    for name in shared:
        one.entity(name, "ORG")
        two.entity(name, "ORG")
    entities, _ = reconcile([one.build(), two.build()])
    assert (_entity_of(entities, "two", "Sea Rescue") is _entity_of(entities, "one", "International Sea Rescue")) is merged
