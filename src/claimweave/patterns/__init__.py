"""Rules and vocabularies as data files, loaded with importlib.resources and validated on load."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from claimweave.errors import RuleFileError

M = TypeVar("M", bound=BaseModel)


@lru_cache(maxsize=None)
def read_text(name: str) -> str:
    """The text of a packaged rule file, e.g. ``read_text("chrome.json")``."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def load(name: str, model: type[M]) -> M:
    """Load a JSON rule file and validate it with ``model`` (which should forbid extra keys)."""
    try:
        return model.model_validate(json.loads(read_text(name)))
    except (ValueError, ValidationError) as err:
        raise RuleFileError(f"claimweave/patterns/{name}", str(err).splitlines()[0]) from err


def load_jsonl(name: str, model: type[M]) -> list[M]:
    """Load a JSONL rule file, one validated ``model`` per non-empty line."""
    items = []
    for number, line in enumerate(read_text(name).splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(model.model_validate(json.loads(line)))
        except (ValueError, ValidationError) as err:
            raise RuleFileError(
                f"claimweave/patterns/{name}:{number}", str(err).splitlines()[0]
            ) from err
    return items
