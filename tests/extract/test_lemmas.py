"""Lemma repairs after the English model's lemmatizer."""

from __future__ import annotations


def test_the_forms_of_hope_are_lemmatised_as_hope(nlp):
    doc = nlp("Kenya hoped to sign. They are hoping for a deal, and she hopes so too.")
    assert [t.lemma_ for t in doc if t.lower_.startswith("hop")] == ["hope", "hope", "hope"]


def test_other_verbs_keep_the_models_lemmas(nlp):
    doc = nlp("The rebels hopped across the border and scrapped the truce.")
    assert [t.lemma_ for t in doc if t.pos_ == "VERB"] == ["hop", "scrap"]


def test_re_signed_is_one_verb_read_as_signing(nlp):
    doc = nlp("The Jets re-signed guard Tom Haley. Re-signing him was easy, and they re-sign players often.")
    assert [(t.text, t.lemma_, t.pos_) for t in doc if t.lower_.startswith("re-sign")] == [
        ("re-signed", "sign", "VERB"), ("Re-signing", "sign", "VERB"), ("re-sign", "sign", "VERB"),
    ]
