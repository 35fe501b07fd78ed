"""Name comparison: particles, transliteration variants, short versus full names."""

from __future__ import annotations

import pytest

from claimweave.extract.people import (
    NameMention,
    core_words,
    given_name_compatible,
    link_mentions,
    same_person,
    same_word,
    surname_compatible,
)


@pytest.mark.parametrize(
    "name, words",
    [
        ("Asaad al-Shibani", ("asaad", "shibani")),
        ("al Sharaa", ("sharaa",)),
        ("Murhaf Abu Qasra", ("murhaf", "qasra")),
        ("Mr. Schwarz's", ("schwarz",)),
        ("H. Marshall Schwarz", ("marshall", "schwarz")),
        ("James A. Baker III", ("james", "baker")),
    ],
)
def test_core_words(name, words):
    assert core_words(name) == words


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("shaibani", "shibani", True),
        ("sergey", "sergei", True),
        ("ahmed", "ahmad", True),
        ("lavrentyev", "lavrentiev", True),
        ("hussein", "hassan", False),
        ("maher", "ahmed", False),
    ],
)
def test_same_word(a, b, same):
    assert same_word(a, b) is same


@pytest.mark.parametrize(
    "short, full, fits",
    [
        ("Shibani", "Asaad al-Shibani", True),
        ("al Sharaa", "Ahmed al Sharaa", True),
        ("Al-Sharaa", "Maher al-Sharaa", True),
        ("Lavrov", "Sergey Lavrov", True),
        ("Sharaa", "Asaad al-Shibani", False),
        ("Ahmed al Sharaa", "Sharaa", False),
    ],
)
def test_surname_compatible(short, full, fits):
    assert surname_compatible(short, full) is fits


def test_given_name_alone():
    assert given_name_compatible("Saddam", "Saddam Hussein")
    assert not given_name_compatible("Hussein", "Saddam Hussein")


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Ahmed al-Sharaa", "Ahmad al Sharaa", True),
        ("Asaad al-Shibani", "Asaad Hassan al Shaibani", True),
        ("Ahmed al Sharaa", "Maher al Sharaa", False),
        ("Saddam Hussein", "Hussein", False),
    ],
)
def test_same_person(a, b, same):
    assert same_person(a, b) is same


def test_link_goes_to_nearest_compatible_full_name():
    mentions = [
        NameMention(0, "Ahmed al Sharaa"),
        NameMention(50, "Maher al Sharaa"),
        NameMention(80, "al Sharaa"),  # nearest before: Maher
        NameMention(200, "Ahmed al Sharaa"),
        NameMention(260, "Al Sharaa"),  # nearest before: Ahmed
    ]
    groups = link_mentions(mentions)
    assert sorted(groups) == [[0, 3, 4], [1, 2]]


def test_royal_one_word_name_is_its_own_person():
    mentions = [NameMention(0, "Saddam Hussein"), NameMention(40, "Hussein", complete=True), NameMention(90, "Hussein")]
    assert sorted(link_mentions(mentions)) == [[0], [1, 2]]


@pytest.mark.parametrize(
    ("mentions", "groups"),
    [
        # a surname in a headline or lede before the only full name with it is that person
        ([NameMention(0, "Tanabe"), NameMention(40, "Ken Tanabe"), NameMention(90, "Tanabe")], [[0, 1, 2]]),
        # ... unless it names a relative of the person named next ("Tanabe's son, Ken Tanabe")
        ([NameMention(0, "Tanabe", kin=True), NameMention(40, "Ken Tanabe"), NameMention(90, "Tanabe")], [[0], [1, 2]]),
        # ... or several people named in full later have that surname
        ([NameMention(0, "Tanabe"), NameMention(40, "Ken Tanabe"), NameMention(60, "Aiko Tanabe")], [[0], [1], [2]]),
        # a surname of someone named in full later is that person, not the given name of another
        ([NameMention(0, "Hassan"), NameMention(30, "Hasan Darwish"), NameMention(60, "Omar Hassan")], [[0, 2], [1]]),
        # a given name alone still joins the one person with it
        ([NameMention(0, "Yuki Tanabe"), NameMention(30, "Yuki")], [[0, 1]]),
    ],
)
def test_short_names_before_a_full_name(mentions, groups):
    assert sorted(link_mentions(mentions)) == groups
