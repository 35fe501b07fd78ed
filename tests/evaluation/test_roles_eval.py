"""Scoring roles against gold: tolerant on the form of a name, strict on who it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimweave.evaluation.roles import Scores, affiliation_match, evaluate_folder, person_match, score_document

REPO = Path(__file__).resolve().parents[2]

PEOPLE = ["Ahmed al Sharaa", "Maher al Sharaa", "Sergey Lavrov", "Hussein"]


@pytest.mark.parametrize(
    "system, gold, match",
    [
        ("Sergey Lavrov", "Sergey Lavrov", True),
        ("Lavrov", "Sergey Lavrov", True),  # short form of the same person
        ("Ahmad al-Sharaa", "Ahmed al Sharaa", True),  # spelling variant
        ("al Sharaa", "Ahmed al Sharaa", False),  # fits two gold people: neither
        ("Maher al Sharaa", "Ahmed al Sharaa", False),
        ("Saddam Hussein", "Hussein", False),  # a longer, different name
        ("Hussein", "Hussein", True),
    ],
)
def test_person_match(system, gold, match):
    assert person_match(system, gold, PEOPLE) is match


@pytest.mark.parametrize(
    "system, gold, match",
    [
        (None, None, True),
        ("Syria", None, False),
        (None, "Syria", False),
        ("Kellogg", "Kellogg Co.", True),
        ("U.S. Trust", "U.S. Trust Corp.", True),
        ("the U.N.", "United Nations", True),
        ("Russia", "Syria", False),
    ],
)
def test_affiliation_match(system, gold, match):
    assert affiliation_match(system, gold) is match


def test_score_document_counts_each_gold_role_once():
    scores = Scores()
    gold = [("Sergey Lavrov", "foreign minister", "Russia"), ("Ahmed al Sharaa", "president", None)]
    system = [
        ("Sergey Lavrov", "Foreign Minister", "Russia"),
        ("Lavrov", "foreign minister", "Russia"),  # a second entity for the same person: an error
        ("Ahmed al Sharaa", "president", "Syria"),  # wrong affiliation
    ]
    assert score_document("d", system, gold, scores) == (1, 2, 1)
    assert round(scores.precision, 3) == 0.333 and scores.recall == 0.5


@pytest.mark.slow
def test_roles_gold_targets(nlp):
    """The committed gold (20 TimeBank articles + the corpus): the levels reached, which are above
    the targets of precision 0.90 and recall 0.85."""
    scores = evaluate_folder(REPO / "tests/gold/roles")
    assert scores.precision >= 0.97, scores.report_lines(errors=True)
    assert scores.recall >= 0.95, scores.report_lines(errors=True)


def test_cli_eval_roles_rejects_a_folder_without_sources(cli, tmp_path):
    result = cli("eval", "roles", str(tmp_path))
    assert result.returncode == 2
    assert "Error:" in result.stderr and "sources.json" in result.stderr


def test_cli_eval_roles_help_has_an_example(cli):
    result = cli("eval", "roles", "--help")
    assert result.returncode == 0 and "Example:" in result.stdout


BENCH = REPO / "tests/gold/roles_bench"


@pytest.mark.slow
@pytest.mark.skipif(
    not any((BENCH / p).is_dir() for p in ("../../../../shared/data/bench-news", "../../../../../shared/data/bench-news")),
    reason="needs ../shared/data/bench-news",
)
def test_roles_heldout_bench_targets(nlp):
    """Real news annotated after the rules were written (19 bench-news articles, not in the repo)."""
    scores = evaluate_folder(BENCH)
    assert scores.precision >= 0.90, scores.report_lines(errors=True)
    assert scores.recall >= 0.85, scores.report_lines(errors=True)
