"""The reconciliation benchmark generator and command (figures are printed, never asserted on time)."""

from __future__ import annotations

from typer.testing import CliRunner

from claimweave.benchmarks.reconcile import run_size, synthetic_results
from claimweave.cli import app


def test_synthetic_results_are_deterministic_and_consistent():
    first = list(synthetic_results(20))
    assert first == list(synthetic_results(20))
    for result in first:
        for entity in result.entities:
            assert all(m.doc_id == result.document.id for m in entity.mentions)


def test_run_size_reconciles_and_reports():
    result = run_size(60)
    assert result.docs == 60
    assert 0 < result.entities < result.doc_entities
    assert 0 < result.claims_out < result.claims_in


def test_bench_reconcile_command_prints_one_line_per_size():
    result = CliRunner().invoke(app, ["bench-reconcile", "--sizes", "20,40"])
    assert result.exit_code == 0, result.output
    assert [line.split()[0] for line in result.output.splitlines()] == ["20", "40"]


def test_bench_reconcile_rejects_bad_sizes():
    result = CliRunner().invoke(app, ["bench-reconcile", "--sizes", "ten"])
    assert result.exit_code == 2
    assert "--sizes" in result.output
