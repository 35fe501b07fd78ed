"""Per-document result files: the incremental-run cache, and the sequence reconciliation reads.

A cache entry is the exact DocResult JSON a document produced, stored under a key made of
everything that can change it: the document (text, metadata, masked ranges), the settings, and
the versions of claimweave (plus a hash of its code and rule files), spaCy and the model.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from importlib import resources
from pathlib import Path

from claimweave import __version__
from claimweave.ingest import Document
from claimweave.models import DocResult
from claimweave.pipeline import document_info, model_version, text_path_for
from claimweave.writers import dumps


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of claimweave's code and rule files: edits without a version bump still invalidate the cache."""
    digest = hashlib.sha256()
    root = resources.files("claimweave")
    stack = [root]
    files = []
    while stack:
        for entry in stack.pop().iterdir():
            if entry.is_dir() and entry.name != "__pycache__":
                stack.append(entry)
            elif entry.name.endswith((".py", ".json", ".jsonl")):
                files.append(entry)
    for entry in sorted(files, key=lambda e: str(e)):
        digest.update(str(entry).removeprefix(str(root)).encode("utf-8") + b"\0" + entry.read_bytes() + b"\0")
    return digest.hexdigest()


def installation(model: str) -> str:
    """Versions of what analyses documents: claimweave (and a hash of its code), spaCy, the model."""
    import spacy

    return f"claimweave {__version__} ({code_fingerprint()[:12]}), spaCy {spacy.__version__}, {model} {model_version(model)}"


def run_fingerprint(settings: dict) -> str:
    """What every cache key of a run shares: settings and versions."""
    parts = {"installation": installation(settings.get("model", "")), "settings": settings}
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


class ResultCache:
    """DocResult JSON texts of earlier runs in ``folder``, keyed by document + run fingerprint."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = fingerprint
        self.used: set[str] = set()

    def key(self, document: Document) -> str:
        info = dumps(document_info(document, text_path=text_path_for(document)))
        return hashlib.sha256(f"{self.fingerprint}\x1f{info}".encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> str | None:
        """The cached JSON text, or None (also for an unreadable or torn entry, which is then redone)."""
        try:
            text = self._path(key).read_text(encoding="utf-8")
            json.loads(text)
        except (OSError, ValueError):
            return None
        self.used.add(key)
        return text

    def put(self, key: str, text: str) -> None:
        """Store an entry; not fsynced, since ``get`` validates what it reads and a miss only costs time."""
        path = self._path(key)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            tmp.unlink(missing_ok=True)  # a cache that cannot be written only costs the next run time
            return
        self.used.add(key)

    def prune(self) -> None:
        """Drop entries this run did not use, so the cache holds one run's worth of results."""
        if not self.folder.is_dir():
            return
        for sub in self.folder.iterdir():
            if not sub.is_dir():
                continue
            for path in sub.iterdir():
                if path.suffix != ".json" or path.stem not in self.used:
                    path.unlink(missing_ok=True)


def result_counts(text: str) -> dict[str, int]:
    """How many items of each kind a DocResult JSON text holds."""
    data = json.loads(text)
    return {kind: len(value) for kind, value in data.items() if isinstance(value, list)}


class ResultFiles(Sequence[DocResult]):
    """The DocResults of a run, read back from ``OUTDIR/documents`` on access (in input order).

    Reconciliation iterates over this instead of a list held since extraction, so the per-document
    stage's memory does not grow with the corpus.
    """

    def __init__(self, folder: Path, names: list[str]) -> None:
        self.folder = folder
        self.names = names

    def __len__(self) -> int:
        return len(self.names)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return DocResult.model_validate_json((self.folder / f"{self.names[index]}.json").read_bytes())

    def __iter__(self) -> Iterator[DocResult]:
        for name in self.names:
            yield DocResult.model_validate_json((self.folder / f"{name}.json").read_bytes())


class BackgroundWriter:
    """Runs file writes on one background thread, so their fsync waits overlap analysis.

    At most ``limit`` writes are pending; a failed write raises on a later ``submit`` or on ``drain``.
    """

    def __init__(self, limit: int = 64) -> None:
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="claimweave-writer")
        self.pending: deque = deque()
        self.limit = limit
        self.seconds = 0.0  # spent writing, on the background thread

    def _timed(self, write: Callable, *args) -> None:
        began = time.perf_counter()
        try:
            write(*args)
        finally:
            self.seconds += time.perf_counter() - began

    def submit(self, write: Callable, *args) -> None:
        self.pending.append(self.pool.submit(self._timed, write, *args))
        while self.pending and (len(self.pending) > self.limit or self.pending[0].done()):
            self.pending.popleft().result()

    def drain(self) -> None:
        """Wait for every pending write (raising the first failure)."""
        while self.pending:
            self.pending.popleft().result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
