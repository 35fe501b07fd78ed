"""Incremental runs: only changed documents are analysed again, and outputs equal a full run's."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import claimweave.runner as runner
from claimweave.runner import Settings, run
from runner_helpers import copy_corpus, output_tree


@pytest.fixture
def analysed(monkeypatch) -> Counter:
    """Counts, by document id, every document the per-document stage analyses."""
    counter: Counter = Counter()
    real = runner.analyse

    def counting(documents, nlp, **kwargs):
        documents = list(documents)
        counter.update(d.id for d in documents)
        return real(documents, nlp, **kwargs)

    monkeypatch.setattr(runner, "analyse", counting)
    return counter


def _edit(corpus: Path) -> tuple[set[str], set[str]]:
    """Change one article, add one, delete one; returns (ids that must be analysed, ids removed)."""
    changed = corpus / "wire" / "levant-monitor" / "levant-monitor-2025-08-01.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOfficials in Aleppo said talks would resume on Monday.\n", encoding="utf-8")
    added = corpus / "local" / "added-note.txt"
    added.write_text("date 2025-08-03\nThe mayor of Riverton, Dana Holt, opened a new bridge on Friday.\n", encoding="utf-8")
    removed = corpus / "local" / "riverton-courier-2025-08-01.txt"
    removed.unlink()
    return {"levant-monitor-2025-08-01", "added-note"}, {"riverton-courier-2025-08-01"}


def test_rerun_analyses_only_changed_documents_and_matches_a_full_run(tmp_path, nlp, analysed):
    corpus = copy_corpus(tmp_path / "corpus")
    incremental = tmp_path / "incremental"
    first = run([str(corpus)], incremental, Settings())
    assert first.reused == 0 and first.documents == len(analysed) > 5
    analysed.clear()

    must_analyse, removed = _edit(corpus)
    second = run([str(corpus)], incremental, Settings())
    ids = {json.loads(p.read_text())["document"]["id"] for p in (incremental / "documents").glob("*.json")}
    assert set(analysed) == must_analyse  # unchanged documents were not analysed again
    assert second.reused == second.documents - len(must_analyse)
    assert not removed & ids

    full = tmp_path / "full"
    run([str(corpus)], full, Settings(), use_cache=False)
    assert output_tree(incremental) == output_tree(full)
    assert json.loads((incremental / "run.json").read_text())["counts"]["reused"] == second.reused


def test_unchanged_rerun_reuses_everything(tmp_path, nlp, analysed):
    corpus = copy_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    run([str(corpus)], out, Settings())
    before = output_tree(out)
    analysed.clear()
    summary = run([str(corpus)], out, Settings())
    assert not analysed and summary.reused == summary.documents
    assert output_tree(out) == before


@pytest.mark.parametrize(
    "second",
    [Settings(published=__import__("datetime").date(2024, 1, 1)), Settings(batch_size=3)],
    ids=["published", "batch_size"],
)
def test_changed_settings_invalidate_the_cache(tmp_path, nlp, analysed, second):
    corpus = copy_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    first = run([str(corpus)], out, Settings())
    analysed.clear()
    summary = run([str(corpus)], out, second)
    assert summary.reused == 0 and len(analysed) == first.documents


def test_torn_cache_entry_is_redone(tmp_path, nlp, analysed):
    corpus = copy_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    run([str(corpus)], out, Settings())
    before = output_tree(out)
    entries = sorted((out / ".cache").rglob("*.json"))
    entries[0].write_text('{"document": {', encoding="utf-8")
    analysed.clear()
    summary = run([str(corpus)], out, Settings())
    assert len(analysed) == 1 and summary.reused == summary.documents - 1
    assert output_tree(out) == before


def test_cache_holds_only_the_last_runs_entries(tmp_path, nlp):
    corpus = copy_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    first = run([str(corpus)], out, Settings())
    _edit(corpus)
    second = run([str(corpus)], out, Settings())
    assert len(list((out / ".cache").rglob("*.json"))) == second.documents
    assert first.documents == second.documents


def test_no_cache_writes_no_cache(tmp_path, nlp):
    out = tmp_path / "out"
    run([str(copy_corpus(tmp_path / "corpus"))], out, Settings(), use_cache=False)
    assert not (out / ".cache").exists()
