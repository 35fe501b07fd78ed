"""Lemma repairs (``claimweave_lemmas``), set right after the English model's lemmatizer.

The model's rule lemmatizer strips "-ed", "-ing" and "-s" and keeps the first form its word index
knows, so "hoped", "hoping" and "hopes" all become "hop" (a word of the index), and every rule that
asks whether a signing is only hoped for ("hoped to sign a treaty") misses it. spaCy's exception
table cannot reorder forms the rules already found, so the few known misreadings are put right here,
from a table (``patterns/lemmas.json``: form -> lemma, by coarse part of speech).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from spacy.language import Language
from spacy.tokens import Doc

from claimweave import patterns


class LemmaRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str
    verb: dict[str, str]


class LemmaRepairs:
    """Sets the lemma of the verb forms the table lists."""

    def __init__(self, rules: LemmaRules) -> None:
        self.verb = {form.lower(): lemma for form, lemma in rules.verb.items()}

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ in ("VERB", "AUX") and (lemma := self.verb.get(token.lower_)) is not None:
                token.lemma_ = lemma
        return doc


@Language.factory("claimweave_lemmas", default_config={})
def make_lemmas(nlp: Language, name: str) -> LemmaRepairs:
    """Lemma repairs, to be added after the model's lemmatizer."""
    return LemmaRepairs(patterns.load("lemmas.json", LemmaRules))
