"""Golden DocResults for the corpus articles (pytest-regressions).

A regenerated golden file (``pytest tests/test_golden.py --force-regen``) is reviewed as a diff.
"""

from __future__ import annotations

import pytest
from pathlib import Path

from claimweave.ingest import read_corpus
from claimweave.pipeline import analyse

REPO = Path(__file__).resolve().parents[1]

DOCS = {d.id: d for d in read_corpus([str(REPO / "corpus")])}


@pytest.mark.parametrize("doc_id", sorted(DOCS))
def test_golden_docresult(nlp, doc_id, data_regression):
    document = DOCS[doc_id]
    document.path = str(__import__("pathlib").Path(document.path).relative_to(REPO))
    result = next(analyse([document], nlp)).model_dump(mode="json")
    data_regression.check(result, basename=f"golden_{doc_id}")
