"""``claimweave bench`` runs both passes on the same texts and reports every figure (no speed asserts)."""

from __future__ import annotations

from pathlib import Path

from claimweave.benchmarks.throughput import bench

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_bench_reports_both_passes_on_the_same_words(nlp):
    report = bench([str(CORPUS)], limit=4)
    assert report.documents == 4
    assert report.bare.words == report.bare_after.words == report.claimweave.words == report.words > 0
    assert report.bare.words_per_second > 0 and report.claimweave.words_per_second > 0
    assert report.ratio == report.claimweave.words_per_second / report.bare_words_per_second
    assert {"ingest", "tokenizer", "claimweave_entities", "write", "reconcile"} <= set(report.stages)
    assert set(report.active) >= {"claimweave_entities", "claimweave_timex"}
    lines = "\n".join(report.lines())
    for expected in ("(a) bare spaCy", "(b) claimweave", "ratio (b)/(a)", "peak RSS", "time by stage", "reconcile"):
        assert expected in lines


def test_bench_command_prints_the_ratio(cli):
    proc = cli("bench", str(CORPUS), "--limit", "2")
    assert proc.returncode == 0, proc.stderr
    assert "ratio (b)/(a)" in proc.stdout and "2 documents" in proc.stdout
