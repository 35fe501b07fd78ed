"""``claimweave run`` options for scale: the cache, the executor, and their errors."""

from __future__ import annotations

from runner_helpers import CORPUS


def test_second_run_reports_reused_documents(cli, tmp_path):
    out = tmp_path / "out"
    first = cli("run", str(CORPUS / "wire"), "-o", str(out), "--no-progress")
    assert first.returncode == 0, first.stderr
    assert "reused from the cache: 0 documents" in first.stdout
    second = cli("run", str(CORPUS / "wire"), "-o", str(out), "--no-progress")
    documents = int(second.stdout.split(": ")[1].split(" documents")[0])
    assert f"reused from the cache: {documents} documents" in second.stdout


def test_no_cache_leaves_no_cache_folder(cli, tmp_path):
    out = tmp_path / "out"
    proc = cli("run", str(CORPUS / "local"), "-o", str(out), "--no-progress", "--no-cache")
    assert proc.returncode == 0, proc.stderr
    assert not (out / ".cache").exists()


def test_unknown_executor_is_one_line_error(cli, tmp_path):
    proc = cli("run", str(CORPUS / "local"), "-o", str(tmp_path / "out"), "--executor", "spark")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "Error: --executor: unknown executor 'spark' (choose from local, dask)"


def test_unreachable_scheduler_is_one_line_error(cli, tmp_path):
    proc = cli("run", str(CORPUS / "local"), "-o", str(tmp_path / "out"), "--executor", "dask", "--scheduler", "tcp://127.0.0.1:1")
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("Error: tcp://127.0.0.1:1: cannot start or reach the Dask cluster")
    assert "Traceback" not in proc.stderr
