"""Merging claims about one event across sources (claimweave.reconcile.claims)."""

from __future__ import annotations

import pytest

from claimweave.models import Argument
from claimweave.reconcile import reconcile


def _visits(doc, dates, *, lemmas=None, outlets=None):
    results = []
    for i, value in enumerate(dates):
        d = doc(f"d{i}", source=(outlets or [f"Outlet {i}" for _ in dates])[i])
        d.claim((lemmas or ["visit"] * len(dates))[i], "Mikhail Bogdanov", "Damascus", time=value, object_label="GPE")
        results.append(d.build())
    return reconcile(results)[1].claims


@pytest.mark.parametrize(
    ("dates", "events", "time", "status"),
    [
        (["2024-12", "2024-12-08"], 1, "2024-12-08", "corroborated"),
        (["2025-01-28", "2025-01-28", "2025-01"], 1, "2025-01-28", "corroborated"),
        (["2025-01-28", "2025-02-03"], 1, "2025", "conflicting"),
        (["2025-01-28", "2025-06-10"], 2, None, "single_source"),
        (["2025-01-28", None], 1, "2025-01-28", "corroborated"),
        (["XXXX-01-28", "2025-01-28"], 1, "2025-01-28", "corroborated"),
    ],
)
def test_dates_compare_by_granularity(doc, dates, events, time, status):
    claims = _visits(doc, dates)
    assert len(claims) == events
    if events == 1:
        assert claims[0].time == time
    assert all(c.status == status for c in claims)


def test_conflict_lists_each_value_with_its_sources(doc):
    (claim,) = _visits(doc, ["2025-01-28", "2025-02-03", "2025-01", "2025-01-28"])
    assert claim.status == "conflicting"
    (conflict,) = claim.conflicts
    assert conflict.field == "time"
    assert [(v.value, v.sources) for v in conflict.values] == [("2025-01-28", ["d0", "d3"]), ("2025-02-03", ["d1"])]
    assert claim.sources == ["d0", "d1", "d2", "d3"]
    assert {e.text for e in claim.evidence} >= {"2025-01-28", "2025-02-03", "2025-01"}


def test_one_outlet_twice_is_a_single_source(doc):
    (claim,) = _visits(doc, ["2025-01-28", "2025-01-28"], outlets=["Wire", "Wire"])
    assert claim.status == "single_source"


def test_predicate_synonyms_and_symmetric_predicates_merge(doc):
    one, two = doc("one"), doc("two")
    one.claim("phone", "Vladimir Putin", "Ahmed al-Sharaa", time="2025-02-12")
    two.claim("call", "Ahmad al-Sharaa", "Putin", time="2025-02")
    two.entity("Vladimir Putin")
    (claim,) = reconcile([one.build(), two.build()])[1].claims
    assert claim.members == sorted(c.id for r in (one, two) for c in r.claims)
    assert claim.time == "2025-02-12"


def test_negation_against_assertion_is_a_conflict(doc):
    one, two = doc("one"), doc("two")
    one.claim("demand", "Syria", "withdrawal", modality="negated", object_label="EVENT", time="2025-07-31")
    two.claim("demand", "Syria", "withdrawal", object_label="EVENT", time="2025-07-31")
    (claim,) = reconcile([one.build(), two.build()])[1].claims
    assert claim.status == "conflicting"
    assert claim.conflicts[0].field == "modality"


def test_an_undated_denial_does_not_join_a_dated_event(doc):
    one, two = doc("one"), doc("two")
    one.claim("call", "Ahmed al-Sharaa", "withdrawal", modality="negated", object_label="EVENT")
    two.claim("call", "Ahmed al-Sharaa", "withdrawal", object_label="EVENT", time="2025-02-12")
    assert len(reconcile([one.build(), two.build()])[1].claims) == 2


def test_a_coarse_date_does_not_chain_two_events(doc):
    one, two, three = doc("one"), doc("two"), doc("three")
    one.claim("meet", "Ahmed al-Sharaa", "Donald Trump", time="2025-05-14")
    two.claim("meet", "Ahmed al-Sharaa", "Donald Trump", time="2025-09-24")
    three.claim("meet", "Ahmed al-Sharaa", "Donald Trump", time="2025")
    claims = reconcile([one.build(), two.build(), three.build()])[1].claims
    assert sorted(len(c.members) for c in claims) == [1, 1, 1]


def test_planned_and_past_events_do_not_merge(doc):
    one, two = doc("one"), doc("two")
    one.claim("hold", "Syria", "elections", time="2025-09", modality="planned", object_label="EVENT")
    two.claim("hold", "Syria", "elections", time="2025-09", object_label="EVENT")
    assert len(reconcile([one.build(), two.build()])[1].claims) == 2


def test_same_date_different_actors_do_not_merge(doc):
    one, two = doc("one"), doc("two")
    one.claim("approve", "Riverton City Council", "tram line", time="2025-07-31", object_label="ORG")
    two.claim("visit", "Asaad al-Shaibani", "Moscow", time="2025-07-31", object_label="GPE")
    assert len(reconcile([one.build(), two.build()])[1].claims) == 2


def test_one_shared_name_does_not_make_two_days_one_conflicting_event(doc):
    one, two = doc("one"), doc("two")
    one.claim("speak", "Newt Gingrich", "Tokyo", time="1997-04-01", object_label="GPE")
    two.claim("meet", "Newt Gingrich", "Lee Teng-hui", time="1997-04-02")
    claims = reconcile([one.build(), two.build()])[1].claims
    assert len(claims) == 2 and not any(c.conflicts for c in claims)


@pytest.mark.parametrize(
    ("dates", "events"),
    [
        (["2023", "2025"], 2),
        (["2025", "2025-H1", None], 1),
        (["2025-01-28", "2025-06-10", None], 3),
        (["2025-01-28", "2025-06-10", "2025-06"], 2),
    ],
)
def test_coarse_and_undated_reports_join_only_an_unambiguous_event(doc, dates, events):
    assert len(_visits(doc, dates)) == events


def _unlinked(b, lemma: str, subject: str, time: str | None = None):
    """A claim whose subject names no entity ("they", "exports", "Peruvian troops")."""
    claim = b.claim(lemma, None, time=time)
    ev = b.evidence(subject)
    claim.subject = Argument(text=subject, start=ev.start, end=ev.end)
    return claim


def test_pronouns_and_one_common_word_gather_nothing(doc):
    one, two, three = doc("one", source="A"), doc("two", source="B"), doc("three", source="C")
    _unlinked(one, "call", "they", "1997-03-31")
    _unlinked(two, "call", "they", "1997-03")
    _unlinked(three, "rise", "exports", "1997-03-30")
    _unlinked(two, "rise", "exports")
    assert all(len(c.members) == 1 for c in reconcile([one.build(), two.build(), three.build()])[1].claims)


def test_two_word_descriptions_of_unnamed_actors_meet_on_one_day(doc):
    one, two = doc("one", source="Wire A"), doc("two", source="Wire B")
    _unlinked(one, "storm", "Peruvian troops", "1997-04-22")
    _unlinked(two, "storm", "Peruvian troops", "1997-04-22")
    claims = reconcile([one.build(), two.build()])[1].claims
    assert [len(c.members) for c in claims] == [2]


@pytest.mark.parametrize(
    ("counterpart", "countries", "published", "joined"),
    [
        ("Damascus", False, "2025-08-01", True),  # person and city in common: an old event, told undated
        (None, False, "2025-02-10", False),  # only the person: one name is a block, not evidence
        (None, True, "2025-08-01", False),  # person and two countries: only for a recent event ...
        (None, True, "2025-02-10", True),  # ... as this one is for the report
    ],
)
def test_an_undated_report_needs_two_names_or_recency(doc, counterpart, countries, published, joined):
    dated = doc("dated", source="Wire A")
    undated = doc("undated", published=published, source="Wire B")
    for b, obj, time in ((dated, "Damascus", "2025-01-28"), (undated, counterpart, None)):
        claim = b.claim("visit", "Mikhail Bogdanov", obj, time=time, object_label="GPE")
        if countries:
            b.entity("Russia", "GPE")
            b.entity("Syria", "GPE")
            claim.evidence[0] = claim.evidence[0].model_copy(update={"sentence": claim.evidence[0].sentence + " Russia Syria"})
    claims = reconcile([dated.build(), undated.build()])[1].claims
    assert (len(claims) == 1) is joined


@pytest.mark.parametrize(("second", "day", "shared", "joined"), [
    ("whose mandate", "1997-07-15", True, True),  # one thing, one day, however the phrase begins
    ("whose mandate", "1997-07-15", False, False),  # ... but no name in common: another place's
    ("whose mandate", "1997-07-16", True, False),  # a day apart with no linked actor: two events
    ("the lease", "1997-07-15", True, False),  # another thing
])
def test_one_word_actors_meet_only_on_the_same_day_with_a_name_in_common(doc, second, day, shared, joined):
    one, two = doc("one", source="Wire A"), doc("two", source="Wire B")
    for b, subject, when, name in ((one, "the mandate", "1997-07-15", "United Nations"),
                                   (two, second, day, "United Nations" if shared else "Red Cross")):
        claim = _unlinked(b, "end", subject, when)
        b.entity(name, "ORG")
        claim.evidence[0] = claim.evidence[0].model_copy(update={"sentence": f"{claim.evidence[0].sentence} {name}"})
    assert (len(reconcile([one.build(), two.build()])[1].claims) == 1) is joined


def _reported(b, lemma: str, actor: str, day: str, names: list[str], *, countries: tuple[str, ...] = ()):
    """A claim whose actor is a description, in a sentence that names ``names`` (places, groups)."""
    for name in names:
        b.entity(name, "ORG")
    for country in countries:
        b.entity(country, "GPE")
    claim = _unlinked(b, lemma, actor, day)
    named = " ".join(names)
    claim.evidence[0] = claim.evidence[0].model_copy(
        update={"sentence": f"{claim.evidence[0].sentence} in the capital of the country, {named} {actor} said"}
    )
    return claim


@pytest.mark.parametrize(("first", "second", "names", "days", "joined"), [
    # One raid told as storming in one report and freeing in another: two names in common.
    (("storm", "troops"), ("free", "the army"), (["Lima", "Tupac Amaru"], ["Lima", "Tupac Amaru"]), ("1997-04-22",) * 2, True),
    (("kill", "gunmen"), ("attack", "the rebels"), (["Lima", "Tupac Amaru"], ["Tupac Amaru", "Lima"]), ("1997-04-22",) * 2, True),
    # One name in common: many such events happen in one capital on one day.
    (("storm", "troops"), ("free", "the army"), (["Lima", "Tupac Amaru"], ["Lima", "Red Cross"]), ("1997-04-22",) * 2, False),
    # A day apart: the family join is for one day only.
    (("storm", "troops"), ("free", "the army"), (["Lima", "Tupac Amaru"], ["Lima", "Tupac Amaru"]), ("1997-04-22", "1997-04-23"), False),
    # Not one family: a signing and a raid in one place on one day are two events.
    (("storm", "troops"), ("sign", "the army"), (["Lima", "Tupac Amaru"], ["Lima", "Tupac Amaru"]), ("1997-04-22",) * 2, False),
    # Citizens voting and the election held that day.
    (("vote", "Croatian citizens"), ("election", "the country"), (["Zagreb", "Tudjman"], ["Tudjman", "Zagreb"]), ("1997-04-13",) * 2, True),
    # Ending a siege is part of the raid that ended it.
    (("end", "police"), ("storm", "the army"), (["Lima", "Tupac Amaru"], ["Lima", "Tupac Amaru"]), ("1997-04-22",) * 2, True),
])
def test_one_family_of_event_classes_joins_on_one_day_with_two_names(doc, first, second, names, days, joined):
    one, two = doc("one", source="Wire A"), doc("two", source="Wire B")
    claim = _reported(one, first[0], first[1], days[0], names[0])
    if first[0] == "end":
        siege = one.evidence("the siege")
        claim.object = Argument(text=siege.text, start=siege.start, end=siege.end)
    _reported(two, second[0], second[1], days[1], names[1])
    claims = reconcile([one.build(), two.build()])[1].claims
    assert (len(claims) == 1) is joined


@pytest.mark.parametrize(("actor", "other", "countries", "joined"), [
    ("Peruvian troops", "Peruvian troops", ("Peru",), True),  # one described actor, one country in common
    ("security forces", "security forces", (), False),  # ... but with no name in common: anywhere in the world
    ("Peruvian troops", "government soldiers", ("Peru",), False),  # two descriptions, one country: not enough
])
def test_one_described_actor_joins_a_family_on_one_day(doc, actor, other, countries, joined):
    one, two = doc("one", source="Wire A"), doc("two", source="Wire B")
    _reported(one, "storm", actor, "1997-04-22", [], countries=countries)
    _reported(two, "kill", other, "1997-04-22", [], countries=countries)
    for b in (one, two):
        claim = b.claims[-1]
        claim.evidence[0] = claim.evidence[0].model_copy(update={"sentence": claim.evidence[0].sentence + " " + " ".join(countries)})
    claims = reconcile([one.build(), two.build()])[1].claims
    assert (len(claims) == 1) is joined


@pytest.mark.parametrize(("shared", "joined"), [(["Tel Aviv"], True), ([], False)])
def test_within_one_report_one_name_joins_a_family_on_one_day(doc, shared, joined):
    one = doc("one", source="Wire A")
    _reported(one, "bombing", "a suicide bomber", "1997-03-21", ["Tel Aviv", "Hamas"])
    _reported(one, "kill", "the blast", "1997-03-21", shared or ["Jerusalem"])
    claims = reconcile([one.build()])[1].claims
    assert (len(claims) == 1) is joined


@pytest.mark.parametrize(("first", "second", "joined"), [
    # One place described the same way in both reports, and a country in common.
    ("stormed the French consul's villa near the port", "freed at the French consul's villa", True),
    # Only attribution in common: "a police source told" is in reports of any event.
    ("stormed a hotel, a police source told reporters", "freed from a bus, a police source told reporters", False),
    # Only dates in common.
    ("stormed a hotel late Tuesday April night", "freed from a bus late Tuesday April night", False),
])
def test_one_described_place_joins_a_family_on_one_day(doc, first, second, joined):
    one, two = doc("one", source="Wire A"), doc("two", source="Wire B")
    for b, lemma, sentence in ((one, "storm", first), (two, "free", second)):
        claim = _reported(b, lemma, "the troops", "1997-04-22", [], countries=("France",))
        claim.evidence[0] = claim.evidence[0].model_copy(update={"sentence": f"{sentence} in France"})
    claims = reconcile([one.build(), two.build()])[1].claims
    assert (len(claims) == 1) is joined


STORY = [("Alberto Fujimori", "PERSON"), ("Lima", "GPE"), ("Tupac Amaru", "ORG"), ("Juan Luis Cipriani", "PERSON")]


def _in_story(b, names):
    """Name the story's people and places in a document, far from its claims (not in their sentences)."""
    for name, label in names:
        b.entity(name, label)
    b.evidence("." * 400)


def _raid(doc, names=STORY, day="1997-04-22", prefix="raid"):
    docs = []
    for k in range(2):
        b = doc(f"{prefix}{k}", source=f"Wire {prefix} {k}")
        _in_story(b, names)
        _unlinked(b, "storm", "Peruvian troops", day)
        docs.append(b)
    return docs


@pytest.mark.parametrize(("story", "place", "joined"), [
    (STORY, None, True),  # a one-source report of deaths that day in the story of the raid
    (STORY[:2], None, False),  # two names in common: not enough to be one story
    (STORY, "Cusco", False),  # the report names another town than the event
])
def test_a_lone_report_joins_the_only_event_of_its_story_that_day(doc, story, place, joined):
    lone = doc("lone", source="Wire C")
    _in_story(lone, story)
    claim = _unlinked(lone, "die", "two soldiers", "1997-04-22")
    raid = _raid(doc)
    for b, town in ((lone, place), *((r, "Lima" if place else None) for r in raid)):
        if town:
            b.entity(town, "GPE")
            c = b.claims[-1]
            c.evidence[0] = c.evidence[0].model_copy(update={"sentence": f"{c.evidence[0].sentence} in {town}"})
    claims = reconcile([lone.build(), *(r.build() for r in raid)])[1].claims
    assert (claim.id in next(c for c in claims if len(c.members) > 1).members) is joined


def test_a_lone_report_stays_apart_when_its_story_has_two_events_that_day(doc):
    lone = doc("lone", source="Wire C")
    _in_story(lone, STORY)
    claim = _unlinked(lone, "die", "two soldiers", "1997-04-22")
    raid = _raid(doc)
    other = []
    for k in range(2):
        b = doc(f"ambush{k}", source=f"Wire D{k}")
        _in_story(b, STORY)
        _unlinked(b, "ambush", "rebel gunmen", "1997-04-22")
        other.append(b)
    claims = reconcile([lone.build(), *(r.build() for r in raid + other)])[1].claims
    assert sorted(len(c.members) for c in claims) == [1, 2, 2]
    assert any(c.members == [claim.id] for c in claims)
