"""The decisions store: reviewer decisions appended, one JSON object a line, to OUTDIR/decisions.jsonl.

The file is append-only: claimweave never rewrites or truncates it, so no decision is ever lost.
A line that is not a valid decision (corrupted, or hand-edited badly) is a ``DecisionsError``
naming the file and the line; nothing is applied or appended until it is fixed.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from claimweave.errors import DecisionsError
from claimweave.extract.common import stable_id
from claimweave.models import FieldValue

DECISIONS_FILE = "decisions.jsonl"

Kind = Literal["claim", "role", "agreement"]
Action = Literal["accept", "reject", "correct"]


class Decision(BaseModel):
    """One reviewer decision about one reconciled item, keyed by the item's stable id."""

    model_config = ConfigDict(extra="forbid")

    id: str
    at: str
    target: str
    kind: Kind
    action: Action
    field: str | None = None
    value: FieldValue = None
    note: str | None = None
    by: str | None = None
    members: list[str] = []

    @model_validator(mode="after")
    def _field_only_for_correct(self) -> Decision:
        if self.action == "correct" and not self.field:
            raise ValueError("a 'correct' decision needs a 'field'")
        if self.action != "correct" and (self.field is not None or self.value is not None):
            raise ValueError(f"an {self.action!r} decision takes no 'field' or 'value'")
        return self


@dataclass(frozen=True)
class Numbered:
    """A decision and the 1-based line of the decisions file it was read from."""

    line: int
    decision: Decision


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def make_decision(
    *,
    target: str,
    kind: Kind,
    action: Action,
    field: str | None = None,
    value: FieldValue = None,
    note: str | None = None,
    by: str | None = None,
    members: Iterable[str] = (),
    at: str | None = None,
) -> Decision:
    """A new decision; its id derives from its content, so importing the same decision twice is a no-op."""
    at = at or now()
    key = json.dumps([at, target, action, field, value, note, by], ensure_ascii=False)
    return Decision(
        id=stable_id("D", key),
        at=at,
        target=target,
        kind=kind,
        action=action,
        field=field,
        value=value,
        note=note,
        by=by,
        members=sorted(members),
    )


def decisions_path(outdir: Path) -> Path:
    return Path(outdir) / DECISIONS_FILE


def _problem(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def parse_decisions(text: str, *, path: str) -> list[Numbered]:
    """Every decision of a decisions file's text; the first bad line raises DecisionsError."""
    numbered: list[Numbered] = []
    seen: set[str] = set()
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            raise DecisionsError(where, f"not valid JSON ({err.msg} at column {err.colno}); fix or remove this line") from err
        if not isinstance(data, dict):
            raise DecisionsError(where, "each line must be a JSON object (one decision)")
        try:
            decision = Decision.model_validate(data)
        except ValidationError as err:
            raise DecisionsError(where, f"not a valid decision ({_problem(err)})") from err
        # A line copied twice by hand is the same decision, not a second one.
        if decision.id not in seen:
            seen.add(decision.id)
            numbered.append(Numbered(number, decision))
    return numbered


def read_decisions(outdir: Path) -> list[Numbered]:
    """The decisions of OUTDIR in the order they were made (none when there is no file yet)."""
    path = decisions_path(outdir)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as err:
        raise DecisionsError(str(path), f"cannot read the decisions file ({err.strerror})") from err
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise DecisionsError(f"{path}:{line}", "not valid UTF-8; fix or remove this line") from err
    return parse_decisions(text, path=str(path))


def append_decisions(outdir: Path, decisions: Iterable[Decision]) -> list[Decision]:
    """Append the decisions not already in the file; returns those appended.

    The existing file is read (and must be valid) first, under an exclusive lock, so two
    reviewers appending at once cannot interleave lines.
    """
    path = decisions_path(outdir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(path, "a+b")
    except OSError as err:
        raise DecisionsError(str(path), f"cannot open the decisions file for appending ({err.strerror})") from err
    with fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        fh.seek(0)
        data = fh.read()
        try:
            existing = parse_decisions(data.decode("utf-8"), path=str(path))
        except UnicodeDecodeError as err:
            line = data[: err.start].count(b"\n") + 1
            raise DecisionsError(f"{path}:{line}", "not valid UTF-8; fix or remove this line") from err
        known = {n.decision.id for n in existing}
        new = []
        for decision in decisions:
            if decision.id not in known:
                known.add(decision.id)
                new.append(decision)
        if not new:
            return []
        # A hand-edited last line without its newline must not swallow the next decision.
        prefix = b"\n" if data and not data.endswith(b"\n") else b""
        lines = "".join(d.model_dump_json(exclude_defaults=False) + "\n" for d in new)
        fh.write(prefix + lines.encode("utf-8"))
        fh.flush()
        os.fsync(fh.fileno())
    return new
