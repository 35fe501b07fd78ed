"""A whole run: ingest a corpus, analyse every document, reconcile, write OUTDIR."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path

from claimweave import __version__
from claimweave.errors import InputError
from claimweave.ingest import DEFAULT_MAX_BYTES, Document, read_corpus, safe_filename
from claimweave.models import DocResult, RunError, RunInfo
from claimweave.pipeline import DEFAULT_MODEL, analyse, load_pipeline
from claimweave.reconcile import reconcile
from claimweave.review import apply_decisions, check_decisions
from claimweave.writers import check_writable, write_json, write_text_atomic

ITEM_KINDS = ("entities", "timexes", "roles", "claims", "quotes", "agreements")


@dataclass(frozen=True)
class Settings:
    """Everything that can change what a run produces (and nothing that cannot)."""

    model: str = DEFAULT_MODEL
    published: dt.date | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = 16

    def as_dict(self) -> dict:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data


@dataclass
class RunSummary:
    """What a run did, for the CLI's summary and for run.json."""

    documents: int = 0
    counts: Counter = field(default_factory=Counter)
    errors: list[RunError] = field(default_factory=list)
    warnings: list[RunError] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    outdir: Path | None = None


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _worker_init(model: str) -> None:
    load_pipeline(model)


def _worker_analyse(args: tuple[list[Document], str, int]) -> list[DocResult]:
    documents, model, batch_size = args
    return list(analyse(documents, load_pipeline(model), batch_size=batch_size))


def analyse_documents(
    documents: Iterable[Document], settings: Settings, *, jobs: int = 1
) -> Iterator[DocResult]:
    """DocResults in input order, from one process or ``jobs`` worker processes."""
    if jobs <= 1:
        nlp = load_pipeline(settings.model)
        for batch in _batches(documents, settings.batch_size):
            yield from analyse(batch, nlp, batch_size=settings.batch_size)
        return
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs, initializer=_worker_init, initargs=(settings.model,)) as pool:
        tasks = ((batch, settings.model, settings.batch_size) for batch in _batches(documents, settings.batch_size))
        for results in pool.imap(_worker_analyse, tasks):
            yield from results


def run(
    paths: list[str],
    outdir: Path,
    settings: Settings,
    *,
    jobs: int = 1,
    on_error: Callable[[RunError], None] = lambda e: None,
    on_warning: Callable[[RunError], None] = lambda e: None,
    on_document: Callable[[DocResult], None] = lambda r: None,
) -> RunSummary:
    """Process ``paths`` into ``outdir``; bad documents are reported and skipped, never fatal."""
    started = dt.datetime.now(dt.timezone.utc)
    t0 = time.perf_counter()
    check_writable(outdir)
    check_decisions(outdir)  # a bad decisions file stops the run before any work, not after
    summary = RunSummary(outdir=outdir)
    texts: dict[str, str] = {}

    def documents() -> Iterator[Document]:
        for item in read_corpus(paths, published=settings.published, max_bytes=settings.max_bytes):
            if isinstance(item, InputError):
                error = RunError(path=item.path or "", message=item.message)
                summary.errors.append(error)
                on_error(error)
                continue
            where = item.path if item.line is None else f"{item.path}:{item.line}"
            for message in item.warnings:
                warning = RunError(path=where, message=message)
                summary.warnings.append(warning)
                on_warning(warning)
            if item.format in ("jsonl", "html"):
                texts[item.id] = item.text
            yield item

    results: list[DocResult] = []
    written: set[str] = set()
    for result in analyse_documents(documents(), settings, jobs=jobs):
        name = safe_filename(result.document.id)
        if result.document.text_path:
            write_text_atomic(outdir / result.document.text_path, texts.pop(result.document.id))
            written.add(result.document.text_path)
        write_json(outdir / "documents" / f"{name}.json", result)
        written.add(f"documents/{name}.json")
        summary.documents += 1
        for kind in ITEM_KINDS:
            summary.counts[kind] += len(getattr(result, kind))
        results.append(result)
        on_document(result)
    t_extract = time.perf_counter()
    reconciled = reconcile(results)
    entities, claims = reconciled
    claims, review = apply_decisions(outdir, claims)
    for warning in review.warnings():
        summary.warnings.append(warning)
        on_warning(warning)
    t_reconcile = time.perf_counter()
    for result in getattr(reconciled, "updated", ()):
        # A publication date inferred from other sources changes the document's record.
        write_json(outdir / "documents" / f"{safe_filename(result.document.id)}.json", result)
    write_json(outdir / "entities.json", entities)
    write_json(outdir / "claims.json", claims)
    _remove_stale(outdir, written)
    summary.timings = {
        "extract_seconds": round(t_extract - t0, 3),
        "reconcile_seconds": round(t_reconcile - t_extract, 3),
        "total_seconds": round(time.perf_counter() - t0, 3),
    }
    write_json(outdir / "run.json", run_info(settings, summary, started, jobs=jobs, entities=len(entities.entities)))
    return summary


def _remove_stale(outdir: Path, written: set[str]) -> None:
    """Remove per-document files of earlier runs that this run did not produce (only in our folders)."""
    for folder, suffix in (("documents", ".json"), ("texts", ".txt")):
        for path in sorted((outdir / folder).glob(f"*{suffix}")):
            if f"{folder}/{path.name}" not in written:
                path.unlink()


def run_info(settings: Settings, summary: RunSummary, started: dt.datetime, *, jobs: int, entities: int) -> RunInfo:
    import spacy

    nlp = load_pipeline(settings.model)
    counts = {"documents": summary.documents, "errors": len(summary.errors), "reconciled_entities": entities}
    counts.update({kind: summary.counts[kind] for kind in ITEM_KINDS})
    return RunInfo(
        claimweave_version=__version__,
        spacy_version=spacy.__version__,
        model=settings.model,
        model_version=nlp.meta.get("version", "unknown"),
        settings={**settings.as_dict(), "jobs": jobs},
        counts=counts,
        timings=summary.timings,
        errors=summary.errors,
        warnings=summary.warnings,
        started_at=started.isoformat(timespec="seconds"),
    )
