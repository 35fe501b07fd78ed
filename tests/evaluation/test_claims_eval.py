"""Claims scored against the gold in tests/data: the figures reached, as floors that must hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimweave.evaluation.claims import ClaimScores, GoldClaim, evaluate, score_document, time_ok
from claimweave.models import Claim, Evidence, Predicate, TimeRef

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"

#: (gold, texts, floors): dated-claim recall, attribution recall, hedging recall, precision.
SETS = [
    ("timebank_claims", DATA / "timebank_claims", (0.85, 0.85, 0.8, 0.85)),
    ("corpus_claims", REPO / "corpus", (0.85, 0.9, 0.8, 0.9)),
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "texts", "floors"), SETS)
def test_claims_reach_targets(name, texts, floors):
    scores = evaluate(DATA / name / "gold.jsonl", texts)
    dated, attribution, hedging, precision = floors
    assert scores.dated_recall.value >= dated, scores.report_lines()
    assert scores.attribution_recall.value >= attribution, scores.report_lines()
    assert scores.hedging_recall.value >= hedging, scores.report_lines()
    assert scores.precision.value >= precision, scores.report_lines()


def _claim(lemma: str, start: int, *, time: str | None = None, modality: str = "asserted") -> Claim:
    ev = Evidence(doc_id="d", start=start, end=start + len(lemma), text=lemma, sentence=lemma, rule="claims.verb")
    return Claim(
        id=f"c{start}",
        predicate=Predicate(lemma=lemma, text=lemma, start=start, end=start + len(lemma)),
        time=TimeRef(value=time, text=time) if time else None,
        modality=modality,
        evidence=[ev],
    )


def test_score_document_counts_misses_and_wrong_claims():
    text = "met fled sang"
    gold = [
        GoldClaim(doc="d", anchor="met", lemma="met", time="2020", modality="asserted"),
        GoldClaim(doc="d", anchor="fled", lemma="fled", modality="hedged"),
    ]
    scores = ClaimScores()
    claims = [_claim("met", 0, time="2020"), _claim("fled", 4), _claim("sang", 9)]
    score_document(text, claims, gold, scores, "d")
    assert (scores.dated_recall.hit, scores.dated_recall.total) == (1, 1)
    assert (scores.hedging_recall.hit, scores.hedging_recall.total) == (0, 1)
    assert (scores.precision.hit, scores.precision.total) == (1, 3)


@pytest.mark.parametrize(
    ("gold", "value", "ok"),
    [
        ("2020", "2020", True),
        ("1998-02-12", "1998-02-12TEV", True),
        ("2025-07-31|2025-W31", "2025-W31", True),
        ("2025-07", "2025", False),
        (None, None, True),
        (None, "2020", False),
        ("*", "2020", True),
    ],
)
def test_time_ok(gold, value, ok):
    assert time_ok(gold, _claim("x", 0, time=value)) is ok
