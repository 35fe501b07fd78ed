"""Merging roles per person (claimweave.reconcile.roles)."""

from __future__ import annotations

import pytest

from claimweave.reconcile import reconcile
from claimweave.reconcile.roles import titles_compatible


def _roles(doc, specs):
    results = []
    for i, (person, title, qualifier, published) in enumerate(specs):
        d = doc(f"d{i}", published=published)
        d.role(person, title, qualifier=qualifier)
        results.append(d.build())
    return reconcile(results)[1].roles


def test_former_and_current_roles_coexist(doc):
    roles = _roles(doc, [("Maher al-Sharaa", "health minister", "former", "2025-08-09"), ("Maher al-Sharaa", "health minister", None, "2025-01-29")])
    assert sorted((r.qualifier or "", r.status) for r in roles) == [("", "single_source"), ("former", "single_source")]


def test_same_role_from_two_sources_is_corroborated(doc):
    (role,) = _roles(doc, [("Ahmed al-Sharaa", "president", "interim", "2025-08-01"), ("Ahmad al-Sharaa", "president", None, "2025-08-03")])
    assert role.status == "corroborated"
    assert role.qualifier == "interim"
    assert role.sources == ["d0", "d1"]


def test_different_current_titles_at_the_same_time_conflict(doc):
    roles = _roles(doc, [("Asaad al-Shaibani", "foreign minister", None, "2025-08-01"), ("Asaad al-Shaibani", "defence minister", None, "2025-08-03")])
    assert [r.status for r in roles] == ["conflicting", "conflicting"]
    values = {(v.value, tuple(v.sources)) for v in roles[0].conflicts[0].values}
    assert values == {("defence minister", ("d1",)), ("foreign minister", ("d0",))}


def test_titles_years_apart_or_known_together_do_not_conflict(doc):
    apart = _roles(doc, [("Asaad al-Shaibani", "foreign minister", None, "2025-08-01"), ("Asaad al-Shaibani", "envoy", None, "2019-03-01")])
    same_office = _roles(doc, [("Ahmed al-Sharaa", "president", None, "2025-08-01"), ("Ahmed al-Sharaa", "interim president", None, "2025-08-02")])
    envoys = _roles(doc, [("Alexander Lavrentyev", "special envoy", None, "2025-08-01"), ("Alexander Lavrentyev", "presidential envoy", None, "2025-08-02")])
    known = _roles(doc, [("Ahmed al-Sharaa", "president", None, "2025-08-01"), ("Ahmed al-Sharaa", "leader", None, "2025-08-02")])
    assert {r.status for r in apart + known} == {"single_source"}
    assert [r.status for r in same_office + envoys] == ["corroborated", "corroborated"]


def test_one_source_with_two_titles_is_not_a_conflict(doc):
    d = doc("one")
    d.role("Ahmed al-Sharaa", "president")
    d.role("Ahmed al-Sharaa", "commander")
    roles = reconcile([d.build()])[1].roles
    assert [r.status for r in roles] == ["single_source", "single_source"]


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        ("vice foreign minister", "deputy foreign minister", True),  # one rank, two words
        ("general", "prime minister", True),  # a rank is kept with any office
        ("chief", "president", True),  # too loose to contradict an office
        ("foreign minister", "prime minister", False),
    ],
)
def test_titles_compatible(a, b, compatible):
    assert titles_compatible(a, b) is compatible
