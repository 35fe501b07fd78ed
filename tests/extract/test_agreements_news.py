"""The agreements component on wire-news shapes: one agreement per named treaty, no agreement for
sought or hypothetical deals, status words that follow the gold conventions, parties from pairs and
demonyms, durations and signing days."""

from __future__ import annotations

import datetime as dt

import pytest

from claimweave.extract.common import DocContext


def run(nlp, text: str, published: dt.date | None = dt.date(2024, 6, 14)):
    doc = nlp.make_doc(text)
    doc._.cw_context = DocContext(doc_id="test", text=text, published=published)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.cw_agreements


def only(nlp, text: str):
    found = run(nlp, text)
    assert len(found) == 1, [a.text for a in found]
    return found[0]


# ---------------------------------------------------------------------- status

STATUS = [
    pytest.param("Oslo and Reykjavik signed a fisheries accord on Monday.", None, id="signing-is-no-status"),
    pytest.param("Acme and Borealis reached a supply deal worth 40 million dollars.", None, id="reaching-is-no-status"),
    pytest.param("The Baltic fisheries treaty was ratified by the Storting last year.", "approved", id="ratified-is-approved"),
    pytest.param("Lawmakers regret Canada's refusal to ratify the Tallinn Convention.", None, id="refusal-to-ratify"),
    pytest.param("Few expect that Brazil will ratify the Lisbon Protocol.", None, id="expected-ratification"),
]


@pytest.mark.parametrize(("text", "status"), STATUS)
def test_status_follows_the_gold_conventions(nlp, text, status):
    assert only(nlp, text).status == status
