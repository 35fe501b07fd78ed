"""Scoring reconciliation against gold facts (claimweave.evaluation.reconcile) and its CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimweave.cli import app
from claimweave.evaluation.reconcile import GoldFacts, gold_entity_of_mentions, pair_score, score_conflicts
from claimweave.models import ClaimsFile, Conflict, ConflictValue, EntitiesFile, Entity, Mention, ReconciledAgreement

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("assignments", "precision", "recall"),
    [
        ([("s1", "a"), ("s1", "a"), ("s2", "b")], 1.0, 1.0),
        ([("s1", "a"), ("s1", "b")], 0.0, 1.0),
        ([("s1", "a"), ("s2", "a"), ("s2", "a")], 1.0, 1 / 3),
        ([("s1", "a"), ("s1", "a"), ("s1", "b")], 1 / 3, 1.0),
    ],
)
def test_pair_score(assignments, precision, recall):
    result = pair_score(assignments)
    assert result.precision == pytest.approx(precision)
    assert result.recall == pytest.approx(recall)


GOLD = GoldFacts.model_validate({
    "entities": [
        {"name": "Ahmed al-Sharaa", "label": "PERSON", "variants": ["Ahmed al-Sharaa", "al-Sharaa"], "docs": ["d1"]},
        {"name": "Maher al-Sharaa", "label": "PERSON", "variants": ["Maher al-Sharaa", "Al-Sharaa"], "docs": ["d1"]},
    ],
    "conflicts": [{"about": "lease", "field": "duration", "values": [{"value": "49 years", "doc_ids": ["d1"]}, {"value": "45 years", "doc_ids": ["d2"]}]}],
    "ambiguous_mentions": [{"doc_id": "d1", "surface": "Al-Sharaa", "context": "Al-Sharaa, a doctor", "resolves_to": "Maher al-Sharaa"}],
})


def test_mentions_are_named_by_variant_and_by_context():
    text = "Maher al-Sharaa met. Al-Sharaa, a doctor, spoke. Unknown Person too."
    entities = EntitiesFile(entities=[
        Entity(id="E1", label="PERSON", name="Maher al-Sharaa", aliases=[], mentions=[
            Mention(doc_id="d1", start=0, end=15, text="Maher al-Sharaa"),
            Mention(doc_id="d1", start=21, end=30, text="Al-Sharaa"),
        ]),
        Entity(id="E2", label="PERSON", name="Unknown Person", aliases=[], mentions=[Mention(doc_id="d1", start=50, end=64, text="Unknown Person")]),
    ])
    named = gold_entity_of_mentions(GOLD, entities, {"d1": text})
    assert [(s, g) for s, g, _, _ in named] == [("E1", "Maher al-Sharaa"), ("E1", "Maher al-Sharaa")]


def test_planted_conflict_is_found_by_value_and_source():
    agreement = ReconciledAgreement(
        id="RA1", kind="lease", parties=[], members=["a", "b"], sources=["d1", "d2"], evidence=[], status="conflicting",
        conflicts=[Conflict(field="duration", values=[ConflictValue(value="P45Y", sources=["d2"]), ConflictValue(value="P49Y", sources=["d1"])])],
    )
    found, missed, unexpected = score_conflicts(GOLD, ClaimsFile(claims=[], roles=[], agreements=[agreement]))
    assert len(found) == 1 and missed == [] and unexpected == []
    found, missed, _ = score_conflicts(GOLD, ClaimsFile(claims=[], roles=[], agreements=[]))
    assert found == [] and len(missed) == 1


def test_eval_reconcile_cli_names_a_missing_gold_file(tmp_path):
    result = CliRunner().invoke(app, ["eval", "reconcile", str(tmp_path), "--gold", str(tmp_path / "nope.json")])
    assert result.exit_code == 2
    assert "nope.json" in result.output


def test_eval_reconcile_help_has_an_example():
    result = CliRunner().invoke(app, ["eval", "reconcile", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


@pytest.mark.slow
@pytest.mark.skipif(not (REPO / "tests/gold/corpus_facts.json").exists(), reason="corpus gold not in this checkout")
def test_corpus_entity_merges_meet_the_targets():
    from claimweave.evaluation.reconcile import evaluate_corpus

    scores = evaluate_corpus([str(REPO / "corpus")], REPO / "tests/gold/corpus_facts.json")
    assert scores.entity_precision >= 0.95
    assert scores.entity_recall >= 0.9
