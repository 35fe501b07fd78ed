"""``claimweave eval timex``: TempEval-3 scoring, on TimeBank documents shipped with the tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimweave.errors import InputError
from claimweave.evaluation.timex import evaluate_folder, relaxed_matching, score

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "timebank_sample"
REPO = Path(__file__).resolve().parents[2]
SCORERS = [REPO.parent / "shared" / "tools" / "timex_score.py", Path("/work/shared/tools/timex_score.py")]


def span(start, end, value="2020", type_="DATE"):
    return {"start": start, "end": end, "value": value, "type": type_}


SCORE_CASES = [
    # gold, system, (strict tp, relaxed tp, value correct, type correct)
    ([span(0, 4)], [span(0, 4)], (1, 1, 1, 1)),
    ([span(0, 4)], [span(2, 8, "2021")], (0, 1, 0, 1)),
    ([span(0, 4)], [span(4, 8)], (0, 0, 0, 0)),
    ([span(0, 4), span(5, 9)], [span(0, 9, type_="DURATION")], (0, 1, 1, 0)),
    ([span(0, 4), span(3, 9)], [span(0, 4), span(3, 6)], (1, 2, 2, 2)),
    ([], [span(0, 4)], (0, 0, 0, 0)),
]


@pytest.mark.parametrize(("gold", "system", "expected"), SCORE_CASES)
def test_score_counts(gold, system, expected):
    scores = score({"d": gold}, {"d": system})
    assert (scores.strict_tp, scores.relaxed_tp, scores.value_correct, scores.type_correct) == expected


def test_relaxed_matching_prefers_exact_pairs():
    gold = [span(0, 10), span(0, 4)]
    system = [span(0, 4)]
    assert relaxed_matching(gold, system) == [(1, 0)]


def test_score_rejects_unknown_documents():
    with pytest.raises(InputError):
        score({"a": []}, {"b": []})


def test_f1_figures():
    scores = score({"d": [span(0, 4), span(10, 14)]}, {"d": [span(0, 4), span(20, 24)]})
    assert scores.strict_f1 == pytest.approx(50.0)
    assert scores.value_f1 == pytest.approx(50.0)


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory, nlp):
    output = tmp_path_factory.mktemp("eval") / "system.jsonl"
    return evaluate_folder(SAMPLE, output=output), output


def test_evaluate_sample_folder_scores_are_sane(sample_run):
    scores, output = sample_run
    assert scores.documents == 5 and scores.gold > 50
    assert scores.relaxed_f1 >= scores.strict_f1 >= 70
    assert scores.value_f1 >= 65 and scores.type_f1 >= 75
    lines = scores.report_lines()
    assert any(line.startswith("strict") for line in lines) and json.loads(lines[-1])["value_f1"] == round(scores.value_f1, 2)


def test_evaluate_writes_body_offsets_that_match_the_text(sample_run):
    _, output = sample_run
    gold = {json.loads(line)["id"]: json.loads(line) for line in (SAMPLE / "gold.jsonl").read_text().splitlines()}
    for line in output.read_text().splitlines():
        item = json.loads(line)
        body = (SAMPLE / f"{item['id']}.txt").read_text(encoding="utf-8")[gold[item["id"]]["body_offset"]:]
        for timex in item["timexes"]:
            assert body[timex["start"]:timex["end"]] == timex["text"]


def test_evaluate_folder_without_gold_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        evaluate_folder(tmp_path)


@pytest.mark.skipif(not any(p.is_file() for p in SCORERS), reason="the shared scorer (../shared) is not here")
def test_scores_equal_the_shared_scorer(sample_run):
    scores, output = sample_run
    scorer = next(p for p in SCORERS if p.is_file())
    result = subprocess.run([sys.executable, str(scorer), str(SAMPLE / "gold.jsonl"), str(output), "--json"],
                            capture_output=True, text=True, check=True)
    shared = json.loads(result.stdout)
    assert shared["system_text_mismatch"] == 0
    assert (shared["strict"]["tp"], shared["relaxed"]["tp"]) == (scores.strict_tp, scores.relaxed_tp)
    assert (shared["value"]["correct"], shared["type"]["correct"]) == (scores.value_correct, scores.type_correct)
    for name, ours in (("strict", scores.strict_f1), ("relaxed", scores.relaxed_f1)):
        assert shared[name]["f1"] * 100 == pytest.approx(ours, abs=0.01)
    for name, ours in (("value", scores.value_f1), ("type", scores.type_f1)):
        assert shared[name]["f1"] * 100 == pytest.approx(ours, abs=0.01)


def test_cli_eval_timex_floor(cli):
    ok = cli("eval", "timex", str(SAMPLE), "--min-value-f1", "10")
    assert ok.returncode == 0 and "value" in ok.stdout
    failing = cli("eval", "timex", str(SAMPLE), "--min-value-f1", "99.9")
    assert failing.returncode == 1 and "below the floor" in failing.stderr
