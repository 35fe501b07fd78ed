"""Deterministic JSON and atomic writes: a file is either complete or absent, never half-written."""

from __future__ import annotations

import json
import os
import tempfile
import typing
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from claimweave.errors import OutputError


def dumps(obj: BaseModel | dict | list) -> str:
    """Stable JSON text: model field order, sorted dict keys where the model has none, trailing newline."""
    if isinstance(obj, BaseModel) and _floats_print_alike(obj):
        # pydantic's serializer writes the same text as json.dumps below, several times faster,
        # except for some floats (5e-05 as 0.00005, inf as null): those take the slow path.
        return obj.model_dump_json(indent=2) + "\n"
    data = obj.model_dump(mode="json") if isinstance(obj, BaseModel) else obj
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@lru_cache(maxsize=None)
def _float_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """Names of the fields of ``model`` that can hold a float, directly or in nested models."""
    return tuple(name for name, f in model.model_fields.items() if _can_hold_float(f.annotation, {model}))


def _can_hold_float(annotation: object, seen: set) -> bool:
    if annotation is float:
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return False
        return any(_can_hold_float(f.annotation, seen | {annotation}) for f in annotation.model_fields.values())
    return any(_can_hold_float(arg, seen) for arg in typing.get_args(annotation))


def _floats_print_alike(value: object) -> bool:
    """Every float in ``value`` is one that Python's repr writes without an exponent, as pydantic
    does: 0 or 1e-4 <= |x| < 1e16 (visiting only the fields that can hold floats)."""
    if isinstance(value, float):
        return value == 0 or 1e-4 <= abs(value) < 1e16
    if isinstance(value, BaseModel):
        return all(_floats_print_alike(getattr(value, name)) for name in _float_fields(type(value)))
    if isinstance(value, (list, tuple)):
        return all(_floats_print_alike(v) for v in value)
    if isinstance(value, dict):
        return all(_floats_print_alike(v) for v in value.values())
    return True


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
