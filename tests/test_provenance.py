"""The provenance invariant on generated documents: every span's text is file_text[start:end]."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimweave.ingest import read_text_file
from claimweave.pipeline import analyse_one
from claimweave.verify import spans

WORDS = [
    "Foreign", "Minister", "Asaad", "al-Shibani", "met", "Sergey", "Lavrov", "in", "Moscow", "on",
    "31", "July", "2025", "last", "week", "the", "deal", "signed", "a", "49-year", "lease", "on",
    "Tartus", "port", "said", "\u201cWe", "agree,\u201d", "he", "reportedly", "did", "not", "President",
    "Vladimir", "Putin", "Caf\u00e9", "\u00e9t\u00e9", "\U0001F600", "Ahmed", "al", "Sharaa", "until", "2066",
    "January", "28", "NATO", "treaty", "Damascus", "\u2014", "according", "to", "SANA,", "two", "years", "ago.",
]

sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=18).map(lambda ws: " ".join(ws) + ".")
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
newline = st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n"])
chrome = st.sampled_from(["", "Search\n", "Helpful keywords\n"])


@st.composite
def documents(draw):
    body = draw(newline).join(draw(st.lists(paragraph, min_size=1, max_size=4)))
    head = draw(st.sampled_from(["", "---\nid: gen\npublished: 2025-08-11\n---\n", " date 2025-08-11 ", "\ufeff"]))
    return head + draw(chrome) + body + "\n" + draw(chrome)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=documents())
def test_every_span_reproduces_its_text(nlp, text):
    document = read_text_file("gen.txt", text, "txt")
    result = analyse_one(document, nlp).model_dump(mode="json")
    result.pop("document")
    for where, span in spans(result):
        assert text[span["start"] : span["end"]] == span["text"], where
        assert 0 <= span["start"] <= span["end"] <= len(text)


def test_published_reaches_the_components(nlp):
    document = read_text_file("p.txt", "---\npublished: 2025-08-11\n---\nThe talks ended.\n", "txt")
    assert document.published == dt.date(2025, 8, 11)
    assert analyse_one(document, nlp).document.published == "2025-08-11"
