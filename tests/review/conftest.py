"""Fixtures for the review tests (the fixture OUTDIR itself is built in review_fixtures.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from review_fixtures import write_outdir

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def outdir(tmp_path) -> Path:
    return write_outdir(tmp_path)


@pytest.fixture
def claimweave(tmp_path):
    """Run the real ``claimweave`` command in a subprocess; returns the CompletedProcess."""

    def run(*args: str) -> subprocess.CompletedProcess:
        env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "COLUMNS": "120"}
        return subprocess.run(
            [sys.executable, "-m", "claimweave", *args], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=600
        )

    return run
