"""Don't pay for what you don't use: model components no claimweave component needs are disabled."""

from __future__ import annotations

import pytest
import spacy

from claimweave.ingest import read_corpus
from claimweave.pipeline import DEFAULT_MODEL, analyse, load_pipeline, needed_attributes, unneeded_model_components
from runner_helpers import CORPUS


@pytest.fixture(scope="module")
def full_model():
    return spacy.load(DEFAULT_MODEL)


@pytest.mark.parametrize(
    "needs, kept",
    [
        (set(), []),
        ({"doc.ents"}, ["ner"]),
        ({"token.tag"}, ["tok2vec", "tagger"]),
        ({"token.pos"}, ["tok2vec", "tagger", "attribute_ruler"]),
        ({"token.lemma"}, ["tok2vec", "tagger", "attribute_ruler", "lemmatizer"]),
        ({"doc.sents"}, ["tok2vec", "parser"]),
        ({"token.dep", "doc.ents"}, ["tok2vec", "parser", "ner"]),
        ({"token.lemma", "token.dep", "doc.ents"}, ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]),
    ],
)
def test_only_model_components_providing_a_need_are_kept(full_model, needs, kept):
    unneeded = unneeded_model_components(full_model, needs)
    assert [name for name in full_model.pipe_names if name not in unneeded] == kept


def test_claimweave_components_declare_what_they_read():
    assert "doc.ents" in needed_attributes(["claimweave_entities"])


def test_pruned_pipeline_gives_the_same_results_as_the_whole_model(nlp):
    """Fails when a component reads an attribute (lemma, dep, ...) without declaring it in ``requires``."""
    documents = [d for d in read_corpus([str(CORPUS)]) if not isinstance(d, Exception)]
    assert len(documents) > 5
    whole = load_pipeline(DEFAULT_MODEL, prune=False)
    assert load_pipeline().disabled or set(whole.pipe_names) == set(load_pipeline().pipe_names)
    assert [r.model_dump() for r in analyse(documents, load_pipeline())] == [r.model_dump() for r in analyse(documents, whole)]


def test_timed_analysis_gives_the_same_results_and_times_every_component(nlp):
    documents = [d for d in read_corpus([str(CORPUS)]) if not isinstance(d, Exception)]
    timings: dict[str, float] = {}
    timed = [r.model_dump() for r in analyse(documents, nlp, batch_size=4, timings=timings)]
    assert timed == [r.model_dump() for r in analyse(documents, nlp, batch_size=4)]
    assert set(timings) == {"tokenizer", "results", *nlp.pipe_names}
