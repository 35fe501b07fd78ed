"""A whole run: ingest a corpus, analyse every document, reconcile, write OUTDIR.

Documents stream through: read, looked up in the cache (``OUTDIR/.cache``), analysed in batches
by an executor (this process, worker processes or a Dask cluster), written as they come back.
Reconciliation then reads the per-document results back from ``OUTDIR/documents``.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from dataclasses import asdict, dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path

from claimweave import __version__
from claimweave.errors import InputError
from claimweave.executors import make_executor
from claimweave.ingest import DEFAULT_MAX_BYTES, Document, read_corpus, safe_filename
from claimweave.models import DocResult, RunError, RunInfo
from claimweave.pipeline import DEFAULT_MODEL, analyse, load_pipeline, model_version, text_path_for
from claimweave.reconcile import reconcile
from claimweave.results import BackgroundWriter, ResultCache, ResultFiles, installation, result_counts, run_fingerprint
from claimweave.review import apply_decisions, check_decisions
from claimweave.writers import check_writable, dumps, write_json, write_text_atomic

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
    reused: int = 0
    counts: Counter = field(default_factory=Counter)
    errors: list[RunError] = field(default_factory=list)
    warnings: list[RunError] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    outdir: Path | None = None


@dataclass
class Analysed:
    """The per-document stage's outcome for one document: its DocResult JSON text, or why it failed."""

    doc_id: str
    json: str | None = None
    error: str | None = None
    counts: dict[str, int] = field(default_factory=dict)


# --------------------------------------------------------------------------- the per-document stage


def analyse_batch(documents: list[Document], settings: Settings, timed: bool = False) -> tuple[list[Analysed], dict]:
    """Analyse one batch where the executor runs it; a document that fails costs only itself.

    Returns the outcomes in order and, when ``timed``, the seconds spent per stage.
    """
    nlp = load_pipeline(settings.model)
    timings: Counter = Counter()
    try:
        results = list(analyse(documents, nlp, batch_size=settings.batch_size, timings=timings if timed else None))
    except Exception:  # noqa: BLE001 — find the document that failed; the others go on
        return [_analyse_alone(document, nlp) for document in documents], dict(timings)
    started = time.perf_counter()
    outcomes = [Analysed(r.document.id, json=dumps(r), counts=_counts(r)) for r in results]
    timings["serialize"] += time.perf_counter() - started
    return outcomes, dict(timings)


def warm_up(model: str) -> str:
    """Load the pipeline in a worker before its first batch; returns what the worker runs (versions)."""
    load_pipeline(model)
    return installation(model)


def _analyse_alone(document: Document, nlp) -> Analysed:
    if len(document.text) > nlp.max_length:
        return Analysed(document.id, error=f"too long to analyse ({len(document.text):,} characters; the limit is {nlp.max_length:,})")
    try:
        result = list(analyse([document], nlp))[0]
        return Analysed(document.id, json=dumps(result), counts=_counts(result))
    except Exception as err:  # noqa: BLE001 — reported as this document's error
        return Analysed(document.id, error=f"analysis failed ({type(err).__name__}: {err})")


def _counts(result: DocResult) -> dict[str, int]:
    return {kind: len(getattr(result, kind)) for kind in ITEM_KINDS}


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


# --------------------------------------------------------------------------- the run


class _Extraction:
    """The streaming part of a run: ingest, cache look-up, analysis on an executor, per-document writes."""

    def __init__(self, outdir: Path, settings: Settings, summary: RunSummary, *, use_cache: bool, on_error, on_warning, on_document) -> None:
        self.outdir, self.settings, self.summary = outdir, settings, summary
        self.on_error, self.on_warning, self.on_document = on_error, on_warning, on_document
        self.cache = ResultCache(outdir / ".cache", run_fingerprint(settings.as_dict())) if use_cache else None
        self.stage: Counter = Counter()  # seconds per stage
        self.order: list[str] = []  # documents/<name>.json of every document, in input order
        self.texts: set[str] = set()  # texts/<name>.txt written for .jsonl and .html documents
        self.in_flight: dict[str, tuple[str, str, str | None]] = {}  # doc id -> (name, where, cache key)
        self.writer = BackgroundWriter()

    def run(self, paths: list[str], *, executor: str, jobs: int, scheduler: str | None, timed: bool) -> None:
        work = partial(analyse_batch, settings=self.settings, timed=timed)
        model = self.settings.model
        runner = make_executor(executor, jobs, address=scheduler, warmup=partial(warm_up, model), expect=installation(model))
        try:
            for outcomes, timings in runner.map(work, _batches(self.to_analyse(paths), self.settings.batch_size)):
                self.stage.update(timings)
                for outcome in outcomes:
                    self.finish(outcome)
            began = time.perf_counter()
            self.writer.drain()
            self.stage["write"] += time.perf_counter() - began
        finally:
            self.writer.close()
            runner.close()
        self.stage["write (background thread)"] += self.writer.seconds

    def report(self, where: str, message: str, *, warning: bool = False) -> None:
        problem = RunError(path=where, message=message)
        (self.summary.warnings if warning else self.summary.errors).append(problem)
        (self.on_warning if warning else self.on_error)(problem)

    def to_analyse(self, paths: list[str]) -> Iterator[Document]:
        """Ingested documents that need analysis; cached ones are written on the way."""
        items = iter(read_corpus(paths, published=self.settings.published, max_bytes=self.settings.max_bytes))
        while True:
            began = time.perf_counter()
            item = next(items, None)
            self.stage["ingest"] += time.perf_counter() - began
            if item is None:
                return
            if isinstance(item, InputError):
                self.report(item.path or "", item.message)
                continue
            where = item.path if item.line is None else f"{item.path}:{item.line}"
            for message in item.warnings:
                self.report(where, message, warning=True)
            if text_path := text_path_for(item):
                self.writer.submit(write_text_atomic, self.outdir / text_path, item.text)
                self.texts.add(text_path)
            name, key = safe_filename(item.id), self.cache.key(item) if self.cache else None
            cached = self.cache.get(key) if self.cache and key else None
            if cached is not None:
                self.record(name, cached, key=key, counts=None)
                self.on_document(item.id)
                continue
            self.in_flight[item.id] = (name, where, key)
            yield item

    def finish(self, outcome: Analysed) -> None:
        name, where, key = self.in_flight.pop(outcome.doc_id)
        if outcome.error is not None:
            self.report(where, outcome.error)
            self.texts.discard(f"texts/{name}.txt")
        else:
            self.record(name, outcome.json, key=key, counts=outcome.counts)
        self.on_document(outcome.doc_id)

    def record(self, name: str, text: str, *, key: str | None, counts: dict[str, int] | None) -> None:
        """Write one document's result (``counts`` None: it came from the cache)."""
        began = time.perf_counter()
        self.writer.submit(write_text_atomic, self.outdir / "documents" / f"{name}.json", text)
        if self.cache is not None and key is not None and counts is not None:
            self.writer.submit(self.cache.put, key, text)
        self.stage["write"] += time.perf_counter() - began
        self.summary.documents += 1
        self.summary.reused += counts is None
        self.summary.counts.update(result_counts(text) if counts is None else counts)
        self.order.append(name)

    def written(self) -> set[str]:
        return self.texts | {f"documents/{name}.json" for name in self.order}


def run(
    paths: list[str],
    outdir: Path,
    settings: Settings,
    *,
    jobs: int = 1,
    executor: str = "local",
    scheduler: str | None = None,
    use_cache: bool = True,
    timings: MutableMapping[str, float] | None = None,
    on_error: Callable[[RunError], None] = lambda e: None,
    on_warning: Callable[[RunError], None] = lambda e: None,
    on_document: Callable[[str], None] = lambda doc_id: None,
) -> RunSummary:
    """Process ``paths`` into ``outdir``; bad documents are reported and skipped, never fatal.

    Documents whose cached result (same content, settings and versions) is in ``OUTDIR/.cache``
    are not analysed again. ``timings``, when given, receives seconds per stage (ingest, each
    pipeline component, write, reconcile).
    """
    started = dt.datetime.now(dt.timezone.utc)
    t0 = time.perf_counter()
    check_writable(outdir)
    check_decisions(outdir)  # a bad decisions file stops the run before any work, not after
    summary = RunSummary(outdir=outdir)
    extraction = _Extraction(
        outdir, settings, summary, use_cache=use_cache, on_error=on_error, on_warning=on_warning, on_document=on_document
    )
    extraction.run(paths, executor=executor, jobs=jobs, scheduler=scheduler, timed=timings is not None)
    t_extract = time.perf_counter()
    reconciled = reconcile(ResultFiles(outdir / "documents", extraction.order))
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
    _remove_stale(outdir, extraction.written())
    if extraction.cache is not None:
        extraction.cache.prune()
    summary.timings = {
        "extract_seconds": round(t_extract - t0, 3),
        "reconcile_seconds": round(t_reconcile - t_extract, 3),
        "total_seconds": round(time.perf_counter() - t0, 3),
    }
    if timings is not None:
        extraction.stage["reconcile"] += t_reconcile - t_extract
        extraction.stage["write"] += time.perf_counter() - t_reconcile
        timings.update(extraction.stage)
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

    counts = {"documents": summary.documents, "reused": summary.reused, "errors": len(summary.errors), "reconciled_entities": entities}
    counts.update({kind: summary.counts[kind] for kind in ITEM_KINDS})
    return RunInfo(
        claimweave_version=__version__,
        spacy_version=spacy.__version__,
        model=settings.model,
        model_version=model_version(settings.model),
        settings={**settings.as_dict(), "jobs": jobs},
        counts=counts,
        timings=summary.timings,
        errors=summary.errors,
        warnings=summary.warnings,
        started_at=started.isoformat(timespec="seconds"),
    )
