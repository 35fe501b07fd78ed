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
        ("Ilse Brauner", "Ilse Bruaner", "PERSON"),
        ("Rolf Tannig", "Rolf Taning", "PERSON"),
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


@pytest.mark.parametrize("label", ["GPE", "ORG"])
def test_given_name_tagged_as_place_joins_its_person(doc, label):
    one = doc("one")
    one.entity("Yuki Tanabe")
    one.entity("Yuki", label, mentions=["Yuki", "Yuki"])
    entities, _ = reconcile([one.build()])
    person = _entity_of(entities, "one", "Yuki Tanabe")
    assert _entity_of(entities, "one", "Yuki") is person
    assert any(m.rule == "same_document_given_name" for m in person.match_evidence)


def _story(d, *names):
    for name, label in names:
        d.entity(name, label)


@pytest.mark.parametrize(
    ("context", "label", "merged"),
    [
        ((("Zagreb", "GPE"), ("Adriatic Union", "ORG")), "ORG", True),  # same story: the surname tagged ORG
        ((("Zagreb", "GPE"),), "ORG", False),  # one shared name is not a story
        ((("Oslo", "GPE"), ("Nordic Council", "ORG")), "ORG", False),  # another story: maybe a company
    ],
)
def test_surname_tagged_as_organisation_in_a_document_without_the_full_name(doc, context, label, merged):
    one, two = doc("one"), doc("two")
    one.entity("Milan Horvatek", mentions=["Milan Horvatek", "Horvatek"])
    _story(one, ("Zagreb", "GPE"), ("Adriatic Union", "ORG"))
    two.entity("Horvatek", label, mentions=["Horvatek", "Horvatek"])
    _story(two, *context)
    entities, _ = reconcile([one.build(), two.build()])
    assert (_entity_of(entities, "two", "Horvatek") is _entity_of(entities, "one", "Milan Horvatek")) is merged


def test_surname_that_is_a_place_elsewhere_stays_a_place(doc):
    one, two, three = doc("one"), doc("two"), doc("three")
    one.entity("Ellen Lorraine", mentions=["Ellen Lorraine", "Lorraine"])
    _story(one, ("Paris", "GPE"), ("Senate", "ORG"))
    two.entity("Lorraine", "ORG")
    _story(two, ("Paris", "GPE"), ("Senate", "ORG"))
    three.entity("Lorraine", "GPE")
    entities, _ = reconcile([one.build(), two.build(), three.build()])
    assert _entity_of(entities, "two", "Lorraine") is not _entity_of(entities, "one", "Ellen Lorraine")


def _tanabes(doc, *, akira_docs: int):
    """``akira_docs`` documents call Akira Tanabe "Tanabe"; one names Emi Tanabe."""
    docs = []
    for i in range(akira_docs):
        d = doc(f"a{i}")
        d.entity("Akira Tanabe", mentions=["Akira Tanabe", "Tanabe"])
        docs.append(d)
    emi = doc("emi")
    emi.entity("Emi Tanabe")
    return docs + [emi]


@pytest.mark.parametrize(("akira_docs", "to_akira"), [(2, True), (1, False)])
def test_bare_surname_goes_to_the_person_usually_called_so(doc, akira_docs, to_akira):
    docs = _tanabes(doc, akira_docs=akira_docs)
    bare = doc("bare")
    bare.entity("Tanabe", mentions=["Tanabe", "Tanabe"])
    entities, _ = reconcile([d.build() for d in docs] + [bare.build()])
    akira = _entity_of(entities, "a0", "Akira Tanabe")
    assert (_entity_of(entities, "bare", "Tanabe") is akira) is to_akira
    assert _entity_of(entities, "bare", "Tanabe") is not _entity_of(entities, "emi", "Emi Tanabe")
    if to_akira:
        assert any(m.rule == "usual_short_name" for m in akira.match_evidence)


def test_surname_written_before_a_relative_is_introduced_is_not_the_relative(doc):
    docs = _tanabes(doc, akira_docs=2)
    son = doc("son")
    son.entity("Tanabe")  # "Tanabe's son, Ken, ..."
    son.entity("Ken Tanabe")
    entities, _ = reconcile([d.build() for d in docs] + [son.build()])
    assert _entity_of(entities, "son", "Tanabe") is _entity_of(entities, "a0", "Akira Tanabe")
    assert _entity_of(entities, "son", "Ken Tanabe") is not _entity_of(entities, "a0", "Akira Tanabe")


@pytest.mark.parametrize(("family_named", "merged"), [(True, True), (False, False)])
def test_bare_given_name_joins_the_relative_named_elsewhere(doc, family_named, merged):
    one, two = doc("one"), doc("two")
    one.entity("Rui Tanabe")
    if family_named:
        two.entity("Akira Tanabe")  # "... Akira Tanabe, whose brother Rui ..."
    else:
        two.entity("Akira Sato")
    two.entity("Rui")
    entities, _ = reconcile([one.build(), two.build()])
    assert (_entity_of(entities, "two", "Rui") is _entity_of(entities, "one", "Rui Tanabe")) is merged
