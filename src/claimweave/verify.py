"""Check an output folder against the input files: every span's text must equal file_text[start:end]."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from claimweave.errors import InputError


def spans(data: object, where: str = "") -> Iterator[tuple[str, dict]]:
    """Every JSON object with integer ``start``/``end`` and a string ``text``, with its JSON path."""
    if isinstance(data, dict):
        if isinstance(data.get("start"), int) and isinstance(data.get("end"), int) and isinstance(data.get("text"), str):
            yield where, data
        for key, value in data.items():
            yield from spans(value, f"{where}.{key}")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from spans(value, f"{where}[{i}]")


def source_text(outdir: Path, document: dict, *, base: Path = Path(".")) -> str:
    """The text a DocResult's offsets refer to: the file itself, the stored text, or the .jsonl record."""
    if document.get("text_path"):
        path = outdir / document["text_path"]
        return path.read_text(encoding="utf-8") if path.exists() else _jsonl_text(base, document)
    path = base / document["path"]
    try:
        return path.read_bytes().decode("utf-8")
    except OSError as err:
        raise InputError(str(path), f"cannot read input file ({err.strerror})") from err


def _jsonl_text(base: Path, document: dict) -> str:
    lines = (base / document["path"]).read_bytes().decode("utf-8").splitlines()
    return json.loads(lines[document["line"] - 1])["text"]


def verify_outdir(outdir: Path, *, base: Path = Path(".")) -> tuple[int, list[str]]:
    """(number of spans checked, problems) for every document of ``outdir``."""
    checked, problems = 0, []
    for result_path in sorted((outdir / "documents").glob("*.json")):
        result = json.loads(result_path.read_text(encoding="utf-8"))
        text = source_text(outdir, result["document"], base=base)
        doc_id = result["document"]["id"]
        for where, span in spans({k: v for k, v in result.items() if k != "document"}):
            checked += 1
            if span.get("doc_id", doc_id) == doc_id and text[span["start"] : span["end"]] != span["text"]:
                problems.append(f"{result_path}: {where}: {span['text']!r} != {text[span['start']:span['end']]!r}")
    for name in ("entities.json", "claims.json"):
        path = outdir / name
        if not path.exists():
            continue
        texts = _texts_by_id(outdir, base)
        for where, span in spans(json.loads(path.read_text(encoding="utf-8"))):
            if "doc_id" not in span:
                continue
            checked += 1
            text = texts.get(span["doc_id"])
            if text is None or text[span["start"] : span["end"]] != span["text"]:
                problems.append(f"{path}: {where}: span {span['text']!r} does not match document {span['doc_id']!r}")
    return checked, problems


def _texts_by_id(outdir: Path, base: Path) -> dict[str, str]:
    texts = {}
    for result_path in sorted((outdir / "documents").glob("*.json")):
        document = json.loads(result_path.read_text(encoding="utf-8"))["document"]
        texts[document["id"]] = source_text(outdir, document, base=base)
    return texts
