"""Read corpus files into Documents: text, metadata, publication date and the ranges not to analyse.

Offsets everywhere in claimweave refer to ``Document.text``: the whole decoded file for
``.txt``/``.md`` (front matter included), the record's ``text`` for ``.jsonl``, and the extracted
main text for ``.html``. Ranges that must not yield items (front matter, a leading ``date``
marker, page chrome, repeated headline lines, Markdown syntax) are blanked in ``Document.analysis_text``, which has
exactly the same length, so offsets found in it are offsets into ``text``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from claimweave import patterns
from claimweave.errors import InputError
from claimweave.markup import markdown_ranges

SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".jsonl": "jsonl", ".html": "html", ".htm": "html"}
DEFAULT_MAX_BYTES = 10_000_000
FRONT_MATTER_KEYS = ("id", "title", "published", "source", "url", "language")

_FRONT_MATTER = re.compile(r"\A(\ufeff?---[ \t]*\r?\n)(.*?)(\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z))", re.S)
# Matched at the body start (``pattern.match(text, pos)`` anchors there; ``\A`` would not).
_DATE_MARKER = re.compile(r"(\ufeff?[ \t\r\n]{0,20})(date[ \t]*:?[ \t]+(\d{4}-\d{2}-\d{2}))(?=\s)", re.I)


@dataclass
class Document:
    """One article as read from disk, before analysis."""

    id: str
    path: str
    format: str
    text: str
    body_start: int = 0
    line: int | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    published: dt.date | None = None
    published_from: str | None = None
    masked: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def analysis_text(self) -> str:
        """``text`` with masked ranges blanked (newlines kept), same length as ``text``."""
        if not self.masked:
            return self.text
        chars = list(self.text)
        for start, end in self.masked:
            for i in range(start, end):
                if chars[i] not in "\n\r":
                    chars[i] = " "
        return "".join(chars)


class _ChromeRule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    pattern: str


class _ChromeRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str
    lines: list[_ChromeRule]


def _chrome_regex() -> re.Pattern[str]:
    rules = patterns.load("chrome.json", _ChromeRules)
    return re.compile("(?:" + "|".join(f"(?:{r.pattern})" for r in rules.lines) + r")[.:!]?", re.I)


_CHROME: re.Pattern[str] | None = None


_NAV_ITEM = re.compile(r"[\w&'\u2019/-]+(?: [\w&'\u2019/-]+){0,2}")


def chrome_ranges(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Ranges of whole lines after ``start`` that are page chrome or repeat an earlier line.

    Chrome is a line matching a chrome rule (``patterns/chrome.json``), or a run of three or more
    consecutive menu-like lines (one to three words, no sentence punctuation), or a repeated line.
    """
    global _CHROME
    if _CHROME is None:
        _CHROME = _chrome_regex()
    ranges: list[tuple[int, int]] = []
    nav_run: list[tuple[int, int]] = []
    seen: set[str] = set()
    pos = start

    def close_run() -> None:
        if len(nav_run) >= 3:
            ranges.extend(r for r in nav_run if r not in ranges)
        nav_run.clear()

    for line in text[start:].splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            lo = pos + (len(line) - len(line.lstrip()))
            span = (lo, lo + len(stripped))
            key = " ".join(stripped.split()).casefold()
            if len(stripped) <= 120 and _CHROME.fullmatch(stripped):
                ranges.append(span)
            elif key in seen and len(key) >= 20:
                ranges.append(span)
            if len(stripped) <= 25 and _NAV_ITEM.fullmatch(stripped):
                nav_run.append(span)
            else:
                close_run()
            seen.add(key)
        pos += len(line)
    close_run()
    return sorted(set(ranges))


def parse_published(value: object, *, where: str) -> dt.date:
    """A publication date from front matter, a marker or an option; raises InputError if unparseable."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text[:10]) if re.match(r"\d{4}-\d{2}-\d{2}", text) else _parse_loose(text)
        except ValueError:
            pass
    raise InputError(where, f"unparseable publication date {value!r} (expected YYYY-MM-DD)")


def _parse_loose(text: str) -> dt.date:
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "RELATIVE_BASE": dt.datetime(2000, 1, 1)},
    )
    if parsed is None:
        raise ValueError(text)
    return parsed.date()


def _decode(data: bytes, where: str) -> str:
    if b"\x00" in data[:65536]:
        raise InputError(where, "binary file (contains NUL bytes), not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(where, f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})") from err


def _meta_str(meta: dict, key: str, where: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    raise InputError(where, f"front matter field {key!r} must be a string, not {type(value).__name__}")


def _apply_meta(doc: Document, meta: dict, where: str, published_from: str) -> None:
    for key in ("title", "source", "url", "language"):
        setattr(doc, key, _meta_str(meta, key, where))
    if meta.get("published") not in (None, ""):
        try:
            doc.published = parse_published(meta["published"], where=where)
            doc.published_from = published_from
        except InputError as err:
            doc.warnings.append(err.message + "; processed without a publication date")


def _check_body(doc: Document, where: str) -> None:
    if not doc.text[doc.body_start :].strip():
        raise InputError(where, "empty document (no article text)")


def read_text_file(path: str, text: str, fmt: str) -> Document:
    """A ``.txt``/``.md`` article with optional YAML front matter or a leading ``date`` marker."""
    doc = Document(id=Path(path).stem, path=path, format=fmt, text=text)
    match = _FRONT_MATTER.match(text)
    if match is None and text.lstrip("\ufeff").startswith("---\n"):
        raise InputError(path, "malformed front matter: opening '---' without a closing '---' line")
    if match:
        try:
            meta = yaml.safe_load(match.group(2)) or {}
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            at = f" (line {mark.line + 2})" if mark is not None else ""
            raise InputError(path, f"malformed front matter{at}: {getattr(err, 'problem', None) or err}") from err
        if not isinstance(meta, dict):
            raise InputError(path, "malformed front matter: expected 'key: value' lines")
        doc.body_start = match.end()
        doc.masked.append((0, match.end()))
        if meta.get("id") not in (None, ""):
            doc.id = str(_meta_str(meta, "id", path))
        _apply_meta(doc, meta, path, "front_matter")
    marker = _DATE_MARKER.match(text, doc.body_start)
    if marker:
        start, end = marker.span(2)
        doc.masked.append((start, end))
        if doc.published is None:
            try:
                doc.published = parse_published(marker.group(3), where=path)
                doc.published_from = "marker"
            except InputError as err:
                doc.warnings.append(err.message)
    _check_body(doc, path)
    doc.masked.extend(chrome_ranges(text, doc.body_start))
    if fmt == "md":
        doc.masked.extend(markdown_ranges(text, doc.body_start))
    doc.masked.sort()
    return doc


def read_jsonl(path: str, text: str) -> Iterator[Document | InputError]:
    """One Document per non-empty line; a bad line is an InputError naming the line."""
    stem = Path(path).stem
    for number, line in enumerate(text.splitlines(), 1):
        where = f"{path}:{number}"
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(where, f"not valid JSON ({err.msg} at column {err.colno})")
            continue
        if not isinstance(record, dict):
            yield InputError(where, "each line must be a JSON object")
            continue
        body = record.get("text")
        if not isinstance(body, str):
            yield InputError(where, "missing string field 'text'")
            continue
        record_id = record.get("id")
        doc = Document(
            id=str(record_id) if record_id not in (None, "") else f"{stem}-{number}",
            path=path,
            format="jsonl",
            text=body,
            line=number,
        )
        try:
            _apply_meta(doc, record, where, "front_matter")
            _check_body(doc, where)
        except InputError as err:
            yield err
            continue
        doc.masked.extend(chrome_ranges(body))
        yield doc


def read_html(path: str, html: str) -> Document:
    """The main text of a web page (trafilatura), with title and date from its metadata."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    body = getattr(result, "text", None) if result is not None else None
    if not body or not body.strip():
        raise InputError(path, "no article text found in the HTML page")
    doc = Document(id=Path(path).stem, path=path, format="html", text=body)
    doc.title = getattr(result, "title", None) or None
    doc.url = getattr(result, "url", None) or None
    doc.source = getattr(result, "sitename", None) or None
    date = getattr(result, "date", None)
    if date:
        try:
            doc.published = parse_published(date, where=path)
            doc.published_from = "metadata"
        except InputError as err:
            doc.warnings.append(err.message)
    doc.masked.extend(chrome_ranges(body))
    return doc


def read_path(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    """The documents of one file (several for ``.jsonl``), or the errors that stop them."""
    fmt = SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        yield InputError(path, f"unsupported file type {Path(path).suffix or '(none)'!r}")
        return
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            yield InputError(path, f"file too large ({size:,} bytes; the limit is {max_bytes:,}, see --max-bytes)")
            return
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as err:
        yield InputError(path, f"cannot read file ({err.strerror})")
        return
    try:
        text = _decode(data, path)
        if fmt == "jsonl":
            yield from read_jsonl(path, text)
        elif fmt == "html":
            yield read_html(path, text)
        else:
            yield read_text_file(path, text, fmt)
    except InputError as err:
        yield err


def _is_article_name(name: str) -> bool:
    """Files a folder walk reads: known article types, not hidden, not a folder's README/LICENSE."""
    stem = Path(name).stem.casefold()
    return (
        not name.startswith(".")
        and Path(name).suffix.lower() in SUFFIXES
        and stem not in {"readme", "license", "changelog", "contributing"}
    )


def expand_paths(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Files named or found (recursively, sorted) under the given paths, as given (relative stays relative)."""
    for given in paths:
        if os.path.isdir(given):
            found = []
            for root, dirs, files in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if _is_article_name(name):
                        found.append(os.path.join(root, name))
            yield from sorted(found)
        elif os.path.exists(given):
            yield given
        else:
            yield InputError(given, "no such file or directory")


def read_corpus(
    paths: Iterable[str],
    *,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | InputError]:
    """Every document under ``paths`` in a stable order; duplicate ids are errors naming both files."""
    seen: dict[str, str] = {}
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
            continue
        for doc in read_path(item, max_bytes=max_bytes):
            if isinstance(doc, InputError):
                yield doc
                continue
            where = doc.path if doc.line is None else f"{doc.path}:{doc.line}"
            if doc.id in seen:
                yield InputError(where, f"duplicate document id {doc.id!r} (also in {seen[doc.id]})")
                continue
            seen[doc.id] = where
            if doc.published is None and published is not None:
                doc.published, doc.published_from = published, "option"
            yield doc


def safe_filename(doc_id: str) -> str:
    """A file name for a document id that cannot escape its folder (ids are never trusted as paths)."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", doc_id).strip("._") or "doc"
    if cleaned != doc_id or len(cleaned) > 120:
        cleaned = f"{cleaned[:100]}-{hashlib.sha1(doc_id.encode('utf-8')).hexdigest()[:10]}"
    return cleaned
