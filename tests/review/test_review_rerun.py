"""Decisions survive reruns of `claimweave run`: applied again, orphans reported, a bad file stops the run."""

from __future__ import annotations

import json

import pytest

from claimweave import runner
from claimweave.models import ClaimsFile, RunInfo
from claimweave.review.decisions import append_decisions, decisions_path, make_decision

from review_fixtures import build_claims

ARTICLES = {
    "alpha.txt": "---\nid: alpha\npublished: 2025-05-12\nsource: Test Wire\n---\n"
    "Foreign Minister Lena Varga met Prime Minister Otto Brand in Vienna on Friday.\n"
    "Varga said the two governments had signed a trade agreement in March.\n",
    "beta.txt": "---\nid: beta\npublished: 2025-05-13\n---\n"
    "Otto Brand, the prime minister, told reporters that the agreement would run for ten years.\n",
}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    return folder


def claims_of(outdir) -> ClaimsFile:
    return ClaimsFile.model_validate_json((outdir / "claims.json").read_text())


def test_run_applies_decisions_and_reports_orphans(corpus, claimweave, tmp_path):
    out = tmp_path / "out"
    first = claimweave("run", str(corpus), "-o", str(out), "--no-progress")
    assert first.returncode == 0, first.stderr
    items = [(k, i) for k, name in (("claim", "claims"), ("role", "roles"), ("agreement", "agreements")) for i in getattr(claims_of(out), name)]
    decisions = [make_decision(target="C_0000000000000000", kind="claim", action="reject", note="gone")]
    if items:  # once the extraction components produce items, real ones are decided on too
        kind, item = items[0]
        decisions.append(make_decision(target=item.id, kind=kind, action="reject", members=item.members))
    append_decisions(out, decisions)
    before = decisions_path(out).read_bytes()

    second = claimweave("run", str(corpus), "-o", str(out), "--no-progress")
    assert second.returncode == 0, second.stderr
    assert f"Warning: {out / 'decisions.jsonl'}:1: decision {decisions[0].id} (reject claim C_0000000000000000): the claim no longer exists" in second.stderr
    run = RunInfo.model_validate_json((out / "run.json").read_text())
    assert any("no longer exists" in w.message for w in run.warnings)
    assert decisions_path(out).read_bytes() == before
    if items:
        again = {i.id: i for name in ("claims", "roles", "agreements") for i in getattr(claims_of(out), name)}
        assert again[items[0][1].id].review.state == "rejected"


def test_bad_decisions_file_stops_the_run_before_any_work(corpus, claimweave, tmp_path):
    out = tmp_path / "out"
    assert claimweave("run", str(corpus), "-o", str(out), "--no-progress").returncode == 0
    claims_before = (out / "claims.json").read_bytes()
    good = make_decision(target="C_1", kind="claim", action="accept").model_dump_json()
    decisions_path(out).write_text(good + "\n" + good.replace('"accept"', '"approve"') + "\n")
    before = decisions_path(out).read_bytes()
    result = claimweave("run", str(corpus), "-o", str(out), "--no-progress")
    assert result.returncode == 2
    assert f"Error: {out / 'decisions.jsonl'}:2: not a valid decision (action: Input should be 'accept', 'reject' or 'correct')" in result.stderr
    assert "Traceback" not in result.stderr
    assert decisions_path(out).read_bytes() == before
    assert (out / "claims.json").read_bytes() == claims_before


def test_runner_applies_decisions_after_reconciliation(corpus, tmp_path, monkeypatch):
    """With a reconciled record of known items (the fixture's), decisions apply on every run."""
    real = runner.reconcile
    monkeypatch.setattr(runner, "reconcile", lambda results: (real(results)[0], build_claims()))
    out = tmp_path / "out"
    runner.run([str(corpus)], out, runner.Settings())
    sign, call = build_claims().claims[0], build_claims().claims[2]
    append_decisions(out, [
        make_decision(target=call.id, kind="claim", action="reject", note="a quote", by="ana"),
        make_decision(target=sign.id, kind="claim", action="correct", field="time", value="2025-03-02"),
    ])
    for _ in range(2):
        summary = runner.run([str(corpus)], out, runner.Settings())
        claims = {c.id: c for c in claims_of(out).claims}
        assert claims[call.id].review.state == "rejected"
        assert (claims[sign.id].time, claims[sign.id].review.original) == ("2025-03-02", {"time": "2025-03-03"})
        assert summary.warnings == []
    assert json.loads((out / "claims.json").read_text())["claims"][0]["review"]["history"][0]["previous"] == "2025-03-03"
