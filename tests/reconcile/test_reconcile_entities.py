"""Cross-document entity linking (claimweave.reconcile.entities via reconcile)."""

from __future__ import annotations

import pytest

from claimweave.reconcile import reconcile


def _entity_of(entities, doc_id: str, text: str):
    found = [e for e in entities.entities if any(m.doc_id == doc_id and m.text == text for m in e.mentions)]
    assert len(found) == 1, f"{text!r} in {doc_id}: {[e.name for e in found]}"
    return found[0]


@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        ("Asaad al-Shaibani", "Asaad al Shibani", "PERSON"),
        ("Ahmed al-Sharaa", "Ahmad al-Sharaa", "PERSON"),
        ("Sergei Lavrov", "Sergey Lavrov", "PERSON"),
        ("Tartus", "Tartous", "GPE"),
        ("Hmeimim air base", "Hmeymim", "FAC"),
        ("Kremlin", "Kremlin", "FAC"),
    ],
)
def test_variants_across_documents_are_one_entity(doc, a, b, label):
    one, two = doc("one"), doc("two")
    one.entity(a, label)
    two.entity(b, "ORG" if label == "FAC" else label)
    entities, _ = reconcile([one.build(), two.build()])
    merged = _entity_of(entities, "one", a)
    assert merged is _entity_of(entities, "two", b)
    assert merged.sources == ["one", "two"]
    if a != b:
        assert merged.match_evidence, "a merge of two spellings must say why"


def test_namesakes_stay_apart_and_bare_surname_follows_its_document(doc):
    one, two, three = doc("one"), doc("two"), doc("three")
    one.entity("Ahmed al-Sharaa")
    one.entity("Sharaa")
    two.entity("Maher al-Sharaa")
    two.entity("al-Sharaa")
    three.entity("Ahmad al-Sharaa")
    entities, _ = reconcile([one.build(), two.build(), three.build()])
    ahmed = _entity_of(entities, "one", "Ahmed al-Sharaa")
    maher = _entity_of(entities, "two", "Maher al-Sharaa")
    assert ahmed is not maher
    assert _entity_of(entities, "one", "Sharaa") is ahmed
    assert _entity_of(entities, "two", "al-Sharaa") is maher
    assert _entity_of(entities, "three", "Ahmad al-Sharaa") is ahmed
    assert any(m.rule == "same_document_full_name" for m in ahmed.match_evidence)


def test_bare_surname_joins_the_only_full_name_in_the_run(doc):
    one, two = doc("one"), doc("two")
    one.entity("Asaad al-Shaibani")
    two.entity("Foreign Minister Shibani", mentions=["Shibani"])
    entities, _ = reconcile([one.build(), two.build()])
    assert _entity_of(entities, "two", "Shibani") is _entity_of(entities, "one", "Asaad al-Shaibani")


def test_ambiguous_bare_surname_is_not_guessed(doc):
    one, two, three = doc("one"), doc("two"), doc("three")
    one.entity("Ahmed al-Sharaa")
    two.entity("Maher al-Sharaa")
    three.entity("al-Sharaa")
    entities, _ = reconcile([one.build(), two.build(), three.build()])
    bare = _entity_of(entities, "three", "al-Sharaa")
    assert bare.sources == ["three"]


def test_roles_decide_between_namesakes(doc):
    one, two, three = doc("one"), doc("two"), doc("three")
    one.role("Ahmed al-Sharaa", "president")
    two.role("Maher al-Sharaa", "health minister")
    three.role("al-Sharaa", "health minister")
    entities, _ = reconcile([one.build(), two.build(), three.build()])
    maher = _entity_of(entities, "two", "Maher al-Sharaa")
    assert _entity_of(entities, "three", "al-Sharaa") is maher
    assert any(m.rule == "role_match" for m in maher.match_evidence)
    assert [r.title_normalized for r in maher.roles] == ["health minister"]


def test_surname_tagged_as_organisation_is_repaired(doc):
    one = doc("one")
    one.entity("Hussein al-Salama")
    one.entity("Salama", "ORG")
    entities, _ = reconcile([one.build()])
    assert _entity_of(entities, "one", "Salama") is _entity_of(entities, "one", "Hussein al-Salama")


def test_ids_do_not_depend_on_other_documents_or_order(doc):
    def build(*names):
        out = []
        for i, name in enumerate(names):
            d = doc(f"d{i}")
            d.entity(name)
            d.entity("Damascus", "GPE")
            out.append(d.build())
        return out

    small, _ = reconcile(build("Asaad al-Shaibani"))
    large, _ = reconcile(build("Asaad al Shibani", "Asaad al-Shaibani", "Sergei Lavrov")[::-1])
    assert {e.id for e in small.entities} <= {e.id for e in large.entities}
    again, _ = reconcile(build("Asaad al Shibani", "Asaad al-Shaibani", "Sergei Lavrov"))
    assert again == large


@pytest.mark.parametrize(
    ("a", "aff_a", "b", "aff_b", "merged"),
    [
        ("Ahmed al-Sharaa", "Syria", "Ahmad al-Sharaa", "Syrian", True),
        ("Muhammad Ali", "Egypt", "Mohammed Ali", "United States", False),
        ("Muhammad Ali", "Egypt", "Mohammed Ali", None, True),
    ],
)
def test_affiliations_are_evidence_against_a_spelling_match(doc, a, aff_a, b, aff_b, merged):
    one, two = doc("one"), doc("two")
    one.role(a, "minister", affiliation=aff_a)
    two.role(b, "minister", affiliation=aff_b)
    entities, _ = reconcile([one.build(), two.build()])
    assert (_entity_of(entities, "one", a) is _entity_of(entities, "two", b)) is merged
