"""Quotes: quotation spans (straight, curly, ``...'') and their speakers (own sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from claimweave.extract.quotes import find_quote_spans
from claimweave.ingest import read_text_file
from claimweave.pipeline import analyse_one


def analyse_text(nlp, text):
    document = read_text_file("q.txt", text, "txt")
    document.published = dt.date(2026, 2, 1)
    return analyse_one(document, nlp)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said "we will return" and left.', ["we will return"]),
        ("\u201cFirst part.\u201d Then \u201csecond part\u201d.", ["First part.", "second part"]),
        ("``The road is closed,'' the officer said.", ["The road is closed,"]),
        ('Unclosed "quote here\n\nnew paragraph "with a pair".', ["quote here\n\nnew paragraph "][:0] + ["with a pair"]),
        ("\u00abNous restons\u00bb, dit-il.", ["Nous restons"]),
        ("No quotes at all, only an apostrophe\u2019s mark.", []),
    ],
)
def test_find_quote_spans(text, quoted):
    spans = find_quote_spans(text)
    assert [text[q.start : q.end] for q in spans] == quoted


# text, expected quote start (a substring the quote begins with), speaker (substring or None), rule suffix
SPEAKER_CASES = [
    ('"We will not retreat," the general said.', "We will not", "the general", "quote.speaker.after"),
    ("Anna Berg told reporters: \u201cThe talks were difficult.\u201d", "The talks", "Anna Berg", "quote.speaker.before"),
    ("Helena Novak arrived late. \u201cIt was a long night,\u201d she said.", "It was", "Helena Novak", "quote.speaker.after.pronoun"),
    ("The mayor, Tomas Klein, spoke after the vote. He praised the council.\n\u201cThis is a good day for the city. We built it together.\u201d",
     "This is a good day", "Tomas Klein", "quote.speaker.previous_subject.pronoun"),
    ("\u201cWe lost the harbour. We will rebuild it,\u201d said Peter Holm, the port director.", "We lost", "Peter Holm", "quote.speaker.after"),
    ("``The bridge is closed,'' a police spokesman said on Monday.", "The bridge", "a police spokesman", "quote.speaker.after"),
    ("\u201cPrices will fall,\u201d according to the central bank.", "Prices", "the central bank", "quote.speaker.according_to"),
    ("The ministry called the plan \u201creckless and costly\u201d.", "reckless", "The ministry", "quote.speaker.before"),
    ("Lena Fischer met the press. \u201cWe agree.\u201d \u201cWe will sign,\u201d she added.", "We agree", "Lena Fischer", None),
    ("\u201cNobody knows the cost.\u201d", "Nobody", None, None),
]


@pytest.mark.parametrize(("text", "begins", "speaker", "rule"), SPEAKER_CASES)
def test_quote_speaker(nlp, text, begins, speaker, rule):
    result = analyse_text(nlp, text)
    quote = next((q for q in result.quotes if q.text.startswith(begins)), None)
    assert quote is not None, [q.text for q in result.quotes]
    assert text[quote.start : quote.end] == quote.text
    if speaker is None:
        assert quote.speaker is None
        return
    assert quote.speaker is not None and speaker in quote.speaker, quote.speaker
    if rule is not None:
        assert rule in [e.rule for e in quote.evidence]


def test_quote_speaker_linked_to_entity(nlp):
    text = "Sofia Lindqvist, the trade minister, spoke on Friday. \u201cThe tariffs will go,\u201d she said."
    result = analyse_text(nlp, text)
    quote = result.quotes[0]
    names = {e.id: e.name for e in result.entities}
    assert names.get(quote.speaker_entity_id) == "Sofia Lindqvist"
    for item in quote.evidence:
        assert text[item.start : item.end] == item.text


def test_no_claims_from_quoted_words(nlp):
    text = "\u201cThe army destroyed the bridge,\u201d the farmer said."
    result = analyse_text(nlp, text)
    assert "destroy" not in [c.predicate.lemma for c in result.claims]
    assert result.quotes and result.quotes[0].speaker == "the farmer"
