"""Applying decisions to the reconciled record: review state, corrected values, history.

``apply_to`` is a pure function of (ClaimsFile, decisions). It first restores every extracted
value (a record read back from claims.json may already carry corrections), so applying the same
decisions again gives the same record. A decision whose item no longer exists is reported as an
orphan, never dropped: it stays in the decisions file and applies again if the item comes back.
"""

from __future__ import annotations

import json
import typing
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from claimweave.errors import UsageError
from claimweave.models import (
    ClaimsFile,
    FieldValue,
    ReconciledAgreement,
    ReconciledClaim,
    ReconciledRole,
    Review,
    ReviewEvent,
    RunError,
)
from claimweave.review.decisions import DECISIONS_FILE, Decision, Kind, Numbered, decisions_path, read_decisions

Item = ReconciledClaim | ReconciledRole | ReconciledAgreement

#: kind -> (attribute of ClaimsFile, model)
KINDS: dict[str, tuple[str, type]] = {
    "claim": ("claims", ReconciledClaim),
    "role": ("roles", ReconciledRole),
    "agreement": ("agreements", ReconciledAgreement),
}

#: Fields that say where an item came from or how it was reconciled: a reviewer cannot change them.
PROTECTED = frozenset({"id", "members", "sources", "evidence", "status", "conflicts", "review"})


def kind_of(item: Item) -> Kind:
    return next(kind for kind, (_, model) in KINDS.items() if isinstance(item, model))


def correctable_fields(kind: str) -> list[str]:
    return [name for name in KINDS[kind][1].model_fields if name not in PROTECTED]


def coerce_value(kind: str, field_name: str, raw: str | list[str] | None) -> FieldValue:
    """The typed value of ``field_name`` from what a reviewer typed; raises UsageError if invalid.

    List fields take a JSON list or items separated by ';'. An empty string clears an optional field.
    """
    model = KINDS[kind][1]
    if field_name not in correctable_fields(kind):
        allowed = ", ".join(correctable_fields(kind))
        raise UsageError(field_name, f"not a correctable field of a {kind} (one of: {allowed})")
    annotation = model.model_fields[field_name].annotation
    value: FieldValue = raw
    is_list = typing.get_origin(annotation) is list
    if isinstance(raw, str):
        if is_list:
            text = raw.strip()
            value = json.loads(text) if text.startswith("[") else [p.strip() for p in text.split(";") if p.strip()]
        elif not raw.strip():
            if type(None) not in typing.get_args(annotation):
                raise UsageError(field_name, f"invalid value {raw!r} for a {kind} (a value is required)")
            value = None
    try:
        return TypeAdapter(annotation).validate_python(value)
    except (ValidationError, ValueError) as err:
        message = err.errors()[0]["msg"] if isinstance(err, ValidationError) else str(err)
        raise UsageError(field_name, f"invalid value {raw!r} for a {kind} ({message})") from err


@dataclass
class ApplyReport:
    """What applying the decisions did, and what it could not do."""

    path: str = DECISIONS_FILE
    applied: int = 0
    orphans: list[Numbered] = field(default_factory=list)
    relinked: list[tuple[Numbered, str]] = field(default_factory=list)
    problems: list[tuple[Numbered, str]] = field(default_factory=list)
    states: dict[str, int] = field(default_factory=dict)

    def warnings(self) -> list[RunError]:
        """Orphans, re-anchored and unusable decisions, as run warnings naming the line."""
        path = self.path
        out = []
        for n in self.orphans:
            d = n.decision
            out.append(RunError(path=f"{path}:{n.line}", message=f"decision {d.id} ({d.action} {d.kind} {d.target}): the {d.kind} no longer exists; kept, not applied"))
        for n, new in self.relinked:
            d = n.decision
            out.append(RunError(path=f"{path}:{n.line}", message=f"decision {d.id} ({d.action} {d.target}): {d.kind} id changed, applied to {new} (same member items)"))
        for n, message in self.problems:
            out.append(RunError(path=f"{path}:{n.line}", message=f"decision {n.decision.id}: {message}; kept, not applied"))
        return out


def strip_review(item: Item) -> Item:
    """The item as extracted: corrected fields restored to their original values, no review."""
    if item.review.state == "unreviewed" and not item.review.history and not item.review.original:
        return item
    # The original values were valid when extracted, so no re-validation is needed.
    return item.model_copy(update={**item.review.original, "review": Review()})


def _find(decision: Decision, by_id: dict[str, Item], items: list[Item]) -> Item | None:
    """The item a decision is about: by id, else the item sharing most member ids with it."""
    item = by_id.get(decision.target)
    if item is not None and kind_of(item) == decision.kind:
        return item
    if not decision.members:
        return None
    wanted = set(decision.members)
    candidates = [(len(wanted & set(i.members)), i.id, i) for i in items if kind_of(i) == decision.kind]
    candidates = [c for c in candidates if c[0]]
    return max(candidates, key=lambda c: (c[0], c[1]))[2] if candidates else None


def _event(decision: Decision, previous: FieldValue = None) -> ReviewEvent:
    return ReviewEvent(
        decision_id=decision.id,
        at=decision.at,
        action=decision.action,
        field=decision.field,
        value=decision.value,
        previous=previous,
        note=decision.note,
        by=decision.by,
    )


def apply_to(claims: ClaimsFile, decisions: list[Numbered]) -> tuple[ClaimsFile, ApplyReport]:
    """``claims`` with every decision applied in the order made; a pure function."""
    report = ApplyReport()
    items: list[Item] = [strip_review(i) for kind in KINDS for i in getattr(claims, KINDS[kind][0])]
    by_id = {i.id: i for i in items}
    data: dict[str, dict] = {}
    for numbered in decisions:
        decision = numbered.decision
        item = _find(decision, by_id, items)
        if item is None:
            report.orphans.append(numbered)
            continue
        if item.id != decision.target:
            report.relinked.append((numbered, item.id))
        current = data.setdefault(item.id, item.model_dump())
        review: Review = current.setdefault("_review", Review())
        if decision.action == "correct":
            try:
                value = coerce_value(decision.kind, decision.field, decision.value)
            except UsageError as err:
                report.problems.append((numbered, f"cannot correct {decision.field!r}: {err.message}"))
                continue
            previous = current[decision.field]
            review.original.setdefault(decision.field, previous)
            current[decision.field] = value
            review.history.append(_event(decision, previous))
            review.state = "corrected"
        else:
            review.history.append(_event(decision))
            review.state = "accepted" if decision.action == "accept" else "rejected"
        report.applied += 1
    result: dict[str, list] = {name: [] for name, _ in KINDS.values()}
    for item in items:
        kind = kind_of(item)
        if item.id in data:
            current = dict(data[item.id])
            review = current.pop("_review")
            review.corrected = sorted(review.original)
            current["review"] = review
            item = type(item).model_validate(current)
        report.states[item.review.state] = report.states.get(item.review.state, 0) + 1
        result[KINDS[kind][0]].append(item)
    return ClaimsFile(**result), report


def apply_decisions(outdir: Path, claims_file: ClaimsFile) -> tuple[ClaimsFile, ApplyReport]:
    """``claims_file`` with the decisions of OUTDIR/decisions.jsonl applied (DecisionsError if it is bad)."""
    claims, report = apply_to(claims_file, read_decisions(Path(outdir)))
    report.path = str(decisions_path(Path(outdir)))
    return claims, report


def check_decisions(outdir: Path) -> None:
    """Raise DecisionsError when OUTDIR's decisions file is bad, before a run does any work."""
    read_decisions(Path(outdir))
