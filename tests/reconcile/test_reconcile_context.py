"""Event merges on circumstantial evidence (claimweave.reconcile.context and the weak joins in
claimweave.reconcile.claims): actors named by description, one time expression, event classes."""

from __future__ import annotations

import pytest

from claimweave.extract.common import stable_id
from claimweave.models import Argument, Claim, Predicate, TimeRef, Timex, TimexAnchor
from claimweave.reconcile import reconcile
from claimweave.reconcile.claims import predicate_class
from claimweave.reconcile.context import nationality_countries


def _timex(b, value: str) -> TimeRef:
    ev = b.evidence(value, "timex")
    timex = Timex(
        id=stable_id("tx", b.doc_id, ev.start), start=ev.start, end=ev.end, text=value, type="DATE", value=value,
        anchor=TimexAnchor(kind="absolute"), resolved=True, evidence=ev,
    )
    b.timexes.append(timex)
    return TimeRef(value=value, text=value, timex_id=timex.id)


def _said(b, lemma: str, sentence: str, *, time: str | TimeRef | None, names=(), modality: str = "asserted") -> Claim:
    """A claim whose subject is the sentence's first words (not an entity) and whose sentence names ``names``."""
    for name, label in names:
        b.entity(name, label)
    time_ref = _timex(b, time) if isinstance(time, str) else time
    ev = b.evidence(sentence)
    subject = sentence.split(" ")[0]
    claim = Claim(
        id=stable_id("claim", b.doc_id, len(b.claims)),
        predicate=Predicate(lemma=lemma, text=lemma),
        subject=Argument(text=subject, start=ev.start, end=ev.start + len(subject)),
        time=time_ref,
        modality=modality,
        evidence=[ev],
    )
    b.claims.append(claim)
    return claim


MOSCOW = [("Moscow", "GPE")]


@pytest.mark.parametrize(
    ("second", "events"),
    [
        # A description and a named minister, one day, one city: one event.
        (("meet", "Shaibani met Lavrov in Moscow", "2025-07-31", [("Shaibani", "PERSON"), ("Lavrov", "PERSON"), *MOSCOW]), 1),
        # The same week reported as "last week" agrees with the day.
        (("visit", "Envoys visited Lavrov in Moscow last week", "2025-W31", [("Lavrov", "PERSON"), *MOSCOW]), 1),
        # One shared city is not enough for a class as broad as meetings and travel.
        (("meet", "Ministers met officials in Moscow", "2025-07-31", MOSCOW), 2),
        # Another day of talks in the same city is another event.
        (("meet", "Ministers met officials in Moscow", "2025-08-05", MOSCOW), 2),
        # Same day, unrelated place: the tram vote is not the Moscow talks.
        (("vote", "Councillors voted in Riverton", "2025-07-31", [("Riverton", "GPE")]), 2),
        # Same day, same place, but not a meeting: a vote is another kind of event.
        (("vote", "Deputies voted in Moscow", "2025-07-31", MOSCOW), 2),
        # Same day and class, no entity in common.
        (("meet", "Councillors met engineers in Riverton", "2025-07-31", [("Riverton", "GPE")]), 2),
    ],
)
def test_descriptions_merge_on_shared_sentence_context(doc, second, events):
    one, two = doc("one"), doc("two")
    _said(one, "hold talks", "Delegates held talks with Lavrov in Moscow", time="2025-07-31", names=[("Lavrov", "PERSON"), *MOSCOW])
    lemma, sentence, time, names = second
    _said(two, lemma, sentence, time=time, names=names)
    claims = reconcile([one.build(), two.build()])[1].claims
    assert len(claims) == events
    if events == 1:
        (claim,) = claims
        assert claim.status == "corroborated"
        assert {m.rule for m in claim.match_evidence} == {"same_day_shared_context"}
        assert {n for m in claim.match_evidence for n in m.names} == set(claim.members)


def test_nationality_adjectives_count_as_their_country(doc):
    one, two = doc("one"), doc("two")
    _said(one, "summit", "A Syrian summit opened", time="2025-07-31")
    _said(two, "summit", "Leaders from Syria gathered for the summit", time="2025-07-31", names=[("Syria", "GPE")])
    (claim,) = reconcile([one.build(), two.build()])[1].claims
    assert claim.sources == ["one", "two"]


def test_weak_joins_never_make_a_conflict(doc):
    week, day, month = doc("week"), doc("day"), doc("month")
    lavrov = [("Lavrov", "PERSON"), *MOSCOW]
    _said(week, "visit", "Envoys visited Lavrov in Moscow last week", time="2025-W31", names=lavrov)
    _said(day, "hold talks", "Delegates held talks with Lavrov in Moscow", time="2025-07-31", names=lavrov)
    # August overlaps the week, not the day: joining it would make the event conflict.
    _said(month, "meet", "Ministers met Lavrov in Moscow in August", time="2025-08", names=lavrov)
    claims = reconcile([week.build(), day.build(), month.build()])[1].claims
    assert sorted(len(c.members) for c in claims) == [1, 2]
    assert not any(c.conflicts for c in claims)


def test_a_nationality_entity_counts_as_its_country_not_as_a_second_name(doc):
    one, two = doc("one", source="A"), doc("two", source="B")
    for b in (one, two):
        b.entity("Peru", "GPE")
        b.entity("Peruvian", "NORP")
    sentence = "Peruvian forces stormed a building in Peru"
    _said(one, "storm", sentence, time="1997-04-22", names=[("Peru", "GPE"), ("Peruvian", "NORP")])
    _said(two, "storm", "Soldiers stormed a building in Peru, Peruvian radio said", time="1997-04-22",
          names=[("Peru", "GPE"), ("Peruvian", "NORP")])
    claims = reconcile([one.build(), two.build()])[1].claims
    assert len(claims) == 2  # one country, named twice, is one shared name: the attack class needs two


def test_claims_dated_by_one_expression_are_one_occasion(doc):
    one = doc("one")
    when = _timex(one, "2024-12-08")
    _said(one, "fall", "The regime fell on 8 December when fighters entered the capital", time=when)
    _said(one, "enter", "The regime fell on 8 December when fighters entered the capital", time=when)
    _said(one, "deny", "The regime fell on 8 December when fighters entered the capital", time=when, modality="negated")
    claims = reconcile([one.build()])[1].claims
    assert sorted(len(c.members) for c in claims) == [1, 2]
    (joined,) = [c for c in claims if len(c.members) == 2]
    assert [m.rule for m in joined.match_evidence] == ["same_time_expression"]


@pytest.mark.parametrize(("mod", "joined"), [("END", True), ("APPROX", True), ("ON_OR_AFTER", False), ("BEFORE", False)])
def test_a_point_in_a_period_is_one_occasion_but_a_bound_is_not(doc, mod, joined):
    one = doc("one")
    sentence = "Parliament approved it at the end of July 2024 when the envoy flew north"
    when = _timex(one, "2024-07").model_copy(update={"mod": mod})
    _said(one, "approve", sentence, time=when)
    _said(one, "fly", sentence, time=when)
    claims = reconcile([one.build()])[1].claims
    assert sorted(len(c.members) for c in claims) == ([2] if joined else [1, 1])


@pytest.mark.parametrize(
    ("lemma", "obj", "subject", "expected"),
    [
        ("hold", "talks", None, "contact"),
        ("end", "Bashar al-Assad's rule", None, "fall"),
        ("end", "the war", None, "end"),
        ("end", "the four-month hostage standoff", None, "siege_end"),
        ("lift", "the siege", None, "siege_end"),
        ("host", "the Russian-Arab summit", "Moscow", "summit"),
        ("host", "a dinner", "Moscow", "contact"),
        ("take", "place", "the first summit", "summit"),
        ("take", "place", None, "take"),
        ("reach", "an integration agreement", "the SDF", "sign"),
        ("begin", None, "the air campaign", "intervention"),
        ("flee", None, "Assad", "contact"),
        ("lead", "a high-level delegation", "the minister", "contact"),
        ("lead", "the opposition", "the minister", "lead"),
    ],
)
def test_predicate_class(lemma, obj, subject, expected):
    assert predicate_class(lemma, obj, subject) == expected


@pytest.mark.parametrize(
    ("sentence", "countries"),
    [
        ("A Syrian delegation met the Russian side", ["Syria", "Russia"]),
        ("US officials said", ["United States"]),
        ("They told us nothing", []),
        ("Syrians celebrated", []),
    ],
)
def test_nationality_countries(sentence, countries):
    assert nationality_countries(sentence) == countries


@pytest.mark.parametrize(
    ("lemma", "text", "subject", "sentence", "expected"),
    [
        ("take", "take", None, "Leaders were invited to the summit, scheduled to take place in October", "summit"),
        ("take", "take", None, "It is scheduled to take place in October", "take"),
        ("spend", "spent", "The ministers", "The ministers spent Thursday in talks with their hosts", "contact"),
        ("spend", "spent", "The ministry", "The ministry spent millions on roads", "spend"),
    ],
)
def test_event_nouns_near_the_predicate(lemma, text, subject, sentence, expected):
    from claimweave.models import Evidence
    from claimweave.reconcile.claims import Member, event_class

    ev = Evidence(doc_id="d", start=0, end=len(sentence), text=sentence, sentence=sentence, rule="t")
    at = sentence.find(text)
    claim = Claim(
        id="c",
        predicate=Predicate(lemma=lemma, text=text, start=at, end=at + len(text)),
        subject=Argument(text=subject, start=0, end=len(subject)) if subject else None,
        object=Argument(text="place", start=0, end=5) if lemma == "take" else None,
        evidence=[ev],
    )
    assert event_class(Member("d", claim, None, None, None)) == expected


@pytest.mark.parametrize(("value", "joins"), [("2025-01", True), ("2025-01-28", True), ("2025-03", False)])
def test_a_conflicting_event_takes_a_report_on_one_side(doc, value, joins):
    one, two, three = doc("one"), doc("two"), doc("three")
    one.claim("visit", "Mikhail Bogdanov", "Damascus", time="2025-01-28", object_label="GPE")
    two.claim("visit", "Mikhail Bogdanov", "Damascus", time="2025-02-03", object_label="GPE")
    _said(three, "visit", "Envoys led by Mikhail Bogdanov visited Damascus", time=value, names=[("Mikhail Bogdanov", "PERSON"), ("Damascus", "GPE")])
    claims = reconcile([one.build(), two.build(), three.build()])[1].claims
    event = max(claims, key=lambda c: len(c.members))
    assert event.status == "conflicting"
    assert ("three" in event.sources) == joins
    assert sorted(v.value for v in event.conflicts[0].values) == ["2025-01-28", "2025-02-03"]
