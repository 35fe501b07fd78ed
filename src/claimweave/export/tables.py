"""Flat tables of the reconciled record: one row per claim, role and agreement, same columns for all.

Every row has the item's kind and stable id, its review state, its sources and the offsets of its
first evidence span (all spans are listed in ``evidence_spans`` as ``doc_id:start-end``).
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from claimweave.errors import OutputError, UsageError
from claimweave.models import ReconciledAgreement, ReconciledClaim, ReconciledRole
from claimweave.review.apply import Item, kind_of
from claimweave.writers import write_text_atomic

# (column, type): type is "str", "int" or "list" (a list of strings); optional values are null.
COLUMNS: list[tuple[str, str]] = [
    ("kind", "str"), ("id", "str"),
    ("review_state", "str"), ("corrected_fields", "list"), ("original_values", "str"),
    ("reviewed_by", "str"), ("reviewed_at", "str"), ("review_note", "str"),
    ("status", "str"), ("source_count", "int"), ("sources", "list"), ("members", "list"),
    ("conflict_fields", "list"), ("conflicts", "str"),
    ("predicate", "str"), ("subject", "str"), ("subject_entity_id", "str"), ("object", "str"),
    ("object_entity_id", "str"), ("location", "str"), ("modality", "str"), ("attribution", "list"),
    ("person", "str"), ("person_entity_id", "str"), ("title_normalized", "str"), ("affiliation", "str"),
    ("qualifier", "str"), ("time", "str"),
    ("agreement_kind", "str"), ("parties", "list"), ("asset", "str"), ("signed", "list"), ("duration", "str"),
    ("expires", "str"), ("renewal", "str"), ("agreement_status", "str"),
    ("evidence_count", "int"), ("evidence_doc_id", "str"), ("evidence_start", "int"), ("evidence_end", "int"),
    ("evidence_text", "str"), ("evidence_sentence", "str"), ("evidence_rule", "str"), ("evidence_spans", "list"),
]
COLUMN_NAMES = [name for name, _ in COLUMNS]
FORMATS = ("jsonl", "csv", "parquet")


def _json(value: object) -> str | None:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else None


def row(item: Item) -> dict:
    """The flat row of one reconciled item (every column present, in COLUMNS order)."""
    out: dict = dict.fromkeys(COLUMN_NAMES)
    last = item.review.history[-1] if item.review.history else None
    first = item.evidence[0] if item.evidence else None
    out.update(
        kind=kind_of(item),
        id=item.id,
        review_state=item.review.state,
        corrected_fields=list(item.review.corrected),
        original_values=_json(item.review.original),
        reviewed_by=last.by if last else None,
        reviewed_at=last.at if last else None,
        review_note=last.note if last else None,
        status=item.status,
        source_count=len(item.sources),
        sources=list(item.sources),
        members=list(item.members),
        conflict_fields=[c.field for c in item.conflicts],
        conflicts=_json([c.model_dump() for c in item.conflicts]),
        evidence_count=len(item.evidence),
        evidence_spans=[f"{e.doc_id}:{e.start}-{e.end}" for e in item.evidence],
    )
    if first is not None:
        out.update(
            evidence_doc_id=first.doc_id, evidence_start=first.start, evidence_end=first.end,
            evidence_text=first.text, evidence_sentence=first.sentence, evidence_rule=first.rule,
        )
    if isinstance(item, ReconciledClaim):
        out.update(item.model_dump(include={
            "predicate", "subject", "subject_entity_id", "object", "object_entity_id", "location", "time", "modality", "attribution",
        }))
    elif isinstance(item, ReconciledRole):
        out.update(item.model_dump(include={"person", "title_normalized", "affiliation", "qualifier", "time"}))
        out["person_entity_id"] = item.entity_id
    else:
        assert isinstance(item, ReconciledAgreement)
        out.update(item.model_dump(include={"parties", "asset", "signed", "duration", "expires", "renewal"}))
        out["agreement_kind"], out["agreement_status"] = item.kind, item.status_value
    return out


def rows(items: Iterable[Item], *, skip_rejected: bool = False) -> list[dict]:
    return [row(i) for i in items if not (skip_rejected and i.review.state == "rejected")]


def to_jsonl(table: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in table)


def to_csv(table: list[dict]) -> str:
    """CSV with a header; list cells are joined with '; ' (the same form `review correct` accepts)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMN_NAMES, lineterminator="\n")
    writer.writeheader()
    lists = {name for name, kind in COLUMNS if kind == "list"}
    for r in table:
        writer.writerow({k: "; ".join(v) if k in lists and v is not None else v for k, v in r.items()})
    return buffer.getvalue()


def write_parquet(table: list[dict], path: Path) -> None:
    """A Parquet file with a fixed schema (strings, int64, list<string>), written atomically."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "int": pa.int64(), "list": pa.list_(pa.string())}
    schema = pa.schema([(name, types[kind]) for name, kind in COLUMNS])
    arrow = pa.Table.from_pylist(table, schema=schema)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.close(fd)
    except OSError as err:
        raise OutputError(str(path.parent), f"cannot write output folder ({err.strerror})") from err
    try:
        pq.write_table(arrow, tmp)
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(str(path), f"cannot write file ({err.strerror})") from err


def write_table(items: Iterable[Item], path: Path, fmt: str, *, skip_rejected: bool = False) -> int:
    """Write the rows of ``items`` to ``path`` as jsonl, csv or parquet; returns the row count."""
    if fmt not in FORMATS:
        raise UsageError("--format", f"unknown table format {fmt!r} (one of {', '.join(FORMATS)})")
    table = rows(items, skip_rejected=skip_rejected)
    if fmt == "parquet":
        write_parquet(table, path)
    else:
        write_text_atomic(path, to_jsonl(table) if fmt == "jsonl" else to_csv(table))
    return len(table)
