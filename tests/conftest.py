"""Shared fixtures: the pipeline loaded once per test session, paths, and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from claimweave.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture
def cli(tmp_path):
    """Run the real ``claimweave`` command in a subprocess; returns CompletedProcess."""

    def run(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
        env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "COLUMNS": "120"}
        return subprocess.run(
            [sys.executable, "-m", "claimweave", *args],
            cwd=cwd or tmp_path,
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )

    return run


def analyse_text(nlp, text: str, *, published=None, doc_id: str = "t"):
    """The DocResult of a text given as a whole .txt file."""
    from claimweave.ingest import read_text_file
    from claimweave.pipeline import analyse_one

    document = read_text_file(f"{doc_id}.txt", text, "txt")
    document.id = doc_id
    if published is not None and document.published is None:
        document.published = published
    return analyse_one(document, nlp)
