"""Acronyms linked to the names they stand for (claimweave.reconcile.acronyms via reconcile)."""

from __future__ import annotations

import pytest

from claimweave.reconcile import reconcile
from claimweave.reconcile.acronyms import initials, is_acronym


def _entity_of(entities, doc_id: str, text: str):
    found = [e for e in entities.entities if any(m.doc_id == doc_id and m.text == text for m in e.mentions)]
    assert len(found) == 1, f"{text!r} in {doc_id}: {[e.name for e in found]}"
    return found[0]


def _define(d, name: str, acronym: str) -> None:
    """Write "<name> (<acronym>)": the acronym starts two characters after the name ends."""
    d.entity(name, "ORG")
    d.text += "("
    d.entity(acronym, "ORG")
    d.entities[("ORG", acronym)].rule = "entities.acronym_defined"  # the brackets the document wrote


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("World Health Organization", "WHO"),
        ("Agence France-Presse", "AFP"),
        ("Party of the European Left", "PEL"),
        ("Bank for International Settlements", "BIS"),
    ],
)
def test_initials(name, expected):
    assert initials(name) == expected


@pytest.mark.parametrize(("name", "expected"), [("NLP", True), ("AT&T", True), ("Nato", False), ("A", False), ("G7", True)])
def test_is_acronym(name, expected):
    assert is_acronym(name) is expected


def test_acronym_defined_in_one_document_is_that_name_in_all(doc):
    one, two = doc("one"), doc("two")
    _define(one, "Alpine Farmers League", "ZSS")  # initials of another language's name
    one.entity("ZSS", "ORG")
    two.entity("ZSS", "ORG", mentions=["ZSS", "ZSS"])
    entities, _ = reconcile([one.build(), two.build()])
    league = _entity_of(entities, "one", "Alpine Farmers League")
    assert _entity_of(entities, "two", "ZSS") is league
    assert league.name == "Alpine Farmers League"
    assert any(m.rule == "acronym_defined" for m in league.match_evidence)


def test_acronym_defined_for_two_names_stays_with_each_definition(doc):
    one, two, three = doc("one"), doc("two"), doc("three")
    _define(one, "Nordic Labour Party", "NLP")
    _define(two, "National Liberation Party", "NLP")
    three.entity("NLP", "ORG")
    entities, _ = reconcile([one.build(), two.build(), three.build()])
    nordic = _entity_of(entities, "one", "Nordic Labour Party")
    national = _entity_of(entities, "two", "National Liberation Party")
    assert nordic is not national
    assert _entity_of(entities, "one", "NLP") is nordic
    assert _entity_of(entities, "two", "NLP") is national
    assert _entity_of(entities, "three", "NLP").sources == ["three"]


def test_acronym_not_beside_the_name_is_not_a_definition(doc):
    one = doc("one")
    one.entity("Alpine Farmers League", "ORG")
    one.entity("ZSS", "ORG")
    entities, _ = reconcile([one.build()])
    assert _entity_of(entities, "one", "ZSS") is not _entity_of(entities, "one", "Alpine Farmers League")


@pytest.mark.parametrize(("others", "merged"), [((), True), (("Western Water Authority",), False)])
def test_undefined_acronym_joins_the_only_name_it_spells(doc, others, merged):
    one, two = doc("one"), doc("two")
    one.entity("World Weather Agency", "ORG")
    for other in others:
        one.entity(other, "ORG")
    two.entity("WWA", "ORG")
    entities, _ = reconcile([one.build(), two.build()])
    assert (_entity_of(entities, "two", "WWA") is _entity_of(entities, "one", "World Weather Agency")) is merged


def test_an_acronym_two_characters_after_a_name_without_brackets_is_no_definition(doc):
    one = doc("one")
    one.entity("South Africa", "GPE")
    one.text += ","
    one.entity("UN", "ORG")  # "South Africa, UN envoy": same position, no brackets, rule spacy_ner
    entities, _ = reconcile([one.build()])
    assert _entity_of(entities, "one", "UN") is not _entity_of(entities, "one", "South Africa")
