"""Deterministic JSON and atomic writes: a file is either complete or absent, never half-written."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel

from claimweave.errors import OutputError
from claimweave.models import DocResult


def dumps(obj: BaseModel | dict | list) -> str:
    """Stable JSON text: model field order, sorted dict keys where the model has none, trailing newline."""
    if isinstance(obj, DocResult):
        # pydantic's serializer writes the same text as json.dumps below, 8x faster, for models
        # without floats (it spells 1e-05 as 0.00001): a DocResult has none, reconciled files do.
        return obj.model_dump_json(indent=2) + "\n"
    data = obj.model_dump(mode="json") if isinstance(obj, BaseModel) else obj
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise OutputError(str(path.parent), f"cannot write output folder ({err.strerror})") from err
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(str(path), f"cannot write file ({err.strerror})") from err
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json(path: Path, obj: BaseModel | dict | list) -> None:
    write_text_atomic(path, dumps(obj))


def check_writable(outdir: Path) -> None:
    """Fail early, before any work, when ``outdir`` cannot be created or written."""
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=outdir, prefix=".claimweave-check.")
        os.close(fd)
        os.unlink(tmp)
    except OSError as err:
        raise OutputError(str(outdir), f"output folder is not writable ({err.strerror})") from err
