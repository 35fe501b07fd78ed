"""Helpers shared by the runner tests: a small corpus copied from the repo, and output comparison."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"


def copy_corpus(dest: Path) -> Path:
    """A copy of the repo corpus (every input format), which a test may edit."""
    shutil.copytree(CORPUS, dest)
    return dest


def output_tree(outdir: Path) -> dict[str, bytes]:
    """Every output file's bytes by relative path; run.json (timings) and the cache are not outputs."""
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and path.name != "run.json" and ".cache" not in path.relative_to(outdir).parts
    }
