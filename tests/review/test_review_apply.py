"""Applying decisions: states, corrections with history, orphans reported, idempotent."""

from __future__ import annotations

import pytest

from claimweave.errors import UsageError
from claimweave.review.apply import apply_to, coerce_value, strip_review
from claimweave.review.decisions import Numbered, make_decision

from review_fixtures import build_claims


def _numbered(*decisions):
    return [Numbered(line, d) for line, d in enumerate(decisions, 1)]


def _d(target, action, kind="claim", at="2026-01-01T00:00:00+00:00", **kw):
    return make_decision(target=target, kind=kind, action=action, at=at, **kw)


@pytest.fixture
def claims():
    return build_claims()


def test_no_decisions_leaves_everything_unreviewed(claims):
    result, report = apply_to(claims, [])
    assert result == claims
    assert report.states == {"unreviewed": 7}


@pytest.mark.parametrize(
    ("actions", "state"),
    [
        (["accept"], "accepted"),
        (["reject"], "rejected"),
        (["accept", "reject"], "rejected"),
        (["reject", "accept"], "accepted"),
        (["correct"], "corrected"),
        (["correct", "accept"], "accepted"),
        (["accept", "correct"], "corrected"),
    ],
)
def test_last_decision_sets_the_state(claims, actions, state):
    target = claims.claims[0].id
    decisions = [
        _d(target, a, at=f"2026-01-01T00:00:0{i}+00:00", **({"field": "time", "value": "2025-03-02"} if a == "correct" else {}))
        for i, a in enumerate(actions)
    ]
    result, report = apply_to(claims, _numbered(*decisions))
    item = result.claims[0]
    assert item.review.state == state
    assert [e.action for e in item.review.history] == actions
    assert report.applied == len(actions)


def test_correction_keeps_original_and_history(claims):
    target = claims.claims[0].id
    result, _ = apply_to(
        claims,
        _numbered(
            _d(target, "correct", field="time", value="2025-03-02", by="ana", note="Monday was the 3rd? no, 2nd"),
            _d(target, "correct", at="2026-01-02T00:00:00+00:00", field="time", value="2025-03-01"),
        ),
    )
    item = result.claims[0]
    assert item.time == "2025-03-01"
    assert item.review.corrected == ["time"]
    assert item.review.original == {"time": "2025-03-03"}
    assert [(e.previous, e.value) for e in item.review.history] == [("2025-03-03", "2025-03-02"), ("2025-03-02", "2025-03-01")]
    assert item.review.history[0].by == "ana"
    assert strip_review(item) == claims.claims[0]


def test_applying_twice_is_idempotent(claims):
    decisions = _numbered(
        _d(claims.claims[0].id, "correct", field="subject", value="M. Quint"),
        _d(claims.roles[0].id, "reject", kind="role"),
        _d(claims.agreements[0].id, "correct", kind="agreement", field="parties", value=["Veloria", "Tessel Port Co"]),
    )
    once, _ = apply_to(claims, decisions)
    twice, _ = apply_to(once, decisions)
    assert once == twice
    assert once.agreements[0].parties == ["Veloria", "Tessel Port Co"]
    assert once.roles[0].review.state == "rejected"


def test_orphan_is_reported_not_dropped(claims):
    decisions = _numbered(_d(claims.claims[1].id, "accept"), _d("C_gone", "reject", note="was wrong"))
    result, report = apply_to(claims, decisions)
    assert [n.line for n in report.orphans] == [2]
    (warning,) = report.warnings()
    assert warning.path == "decisions.jsonl:2"
    assert "C_gone" in warning.message and "no longer exists" in warning.message
    assert result.claims[1].review.state == "accepted"


def test_changed_id_is_found_by_its_members(claims):
    old = _d("C_old_id", "reject", members=["c_a_criticise"])
    result, report = apply_to(claims, _numbered(old))
    assert result.claims[1].review.state == "rejected"
    assert report.relinked[0][1] == claims.claims[1].id
    assert "id changed" in report.warnings()[0].message


def test_decision_of_the_wrong_kind_is_an_orphan(claims):
    _, report = apply_to(claims, _numbered(_d(claims.claims[0].id, "accept", kind="role")))
    assert len(report.orphans) == 1


def test_invalid_correction_is_a_problem_not_a_crash(claims):
    bad = _d(claims.claims[0].id, "correct", field="modality", value="certainly")
    result, report = apply_to(claims, _numbered(bad))
    assert result.claims[0].modality == "asserted"
    assert "cannot correct 'modality'" in report.warnings()[0].message


@pytest.mark.parametrize(
    ("kind", "field", "raw", "value"),
    [
        ("claim", "time", "2025-03-02", "2025-03-02"),
        ("claim", "location", "", None),
        ("claim", "modality", "hedged", "hedged"),
        ("claim", "attribution", "local radio; the ministry", ["local radio", "the ministry"]),
        ("agreement", "parties", '["Veloria", "Tessel; Port"]', ["Veloria", "Tessel; Port"]),
        ("agreement", "kind", "concession", "concession"),
        ("role", "title_normalized", "deputy transport minister", "deputy transport minister"),
    ],
)
def test_coerce_value(kind, field, raw, value):
    assert coerce_value(kind, field, raw) == value


@pytest.mark.parametrize(
    ("kind", "field", "raw", "message"),
    [
        ("claim", "status", "corroborated", "not a correctable field"),
        ("claim", "evidence", "x", "not a correctable field"),
        ("claim", "colour", "red", "not a correctable field"),
        ("claim", "modality", "certainly", "invalid value"),
        ("agreement", "kind", "", "invalid value"),
    ],
)
def test_coerce_value_rejects(kind, field, raw, message):
    with pytest.raises(UsageError, match=message):
        coerce_value(kind, field, raw)
