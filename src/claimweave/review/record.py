"""An OUTDIR read back for review: the reconciled record with decisions applied, and the documents."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from claimweave.errors import UsageError
from claimweave.models import ClaimsFile, DocResult, EntitiesFile, FieldValue, RunInfo
from claimweave.review.apply import KINDS, ApplyReport, Item, apply_decisions, coerce_value, kind_of
from claimweave.review.decisions import Action, Decision, append_decisions, make_decision
from claimweave.writers import write_json


@dataclass
class Record:
    """Everything a reviewer, the HTML report and the exports read from an OUTDIR."""

    outdir: Path
    claims: ClaimsFile
    entities: EntitiesFile
    documents: dict[str, DocResult]
    run: RunInfo | None
    report: ApplyReport
    _texts: dict[str, str | None] = field(default_factory=dict)
    _by_id: dict[str, Item] | None = None

    def items(self) -> list[Item]:
        """Claims, roles and agreements, in that order."""
        return [i for name, _ in KINDS.values() for i in getattr(self.claims, name)]

    def find(self, item_id: str) -> Item:
        """The item with this id, or the only one whose id starts with it; UsageError otherwise."""
        if self._by_id is None:
            self._by_id = {i.id: i for i in self.items()}
        if item_id in self._by_id:
            return self._by_id[item_id]
        items = self.items()
        exact: list[Item] = []
        matches = exact
        if not exact and len(item_id) >= 4:
            matches = [i for i in items if i.id.startswith(item_id)]
        if len(matches) == 1:
            return matches[0]
        if not matches and len(item_id) < 4 and any(i.id.startswith(item_id) for i in items):
            raise UsageError(item_id, "id prefix too short; give at least 4 characters of the id")
        if not matches:
            raise UsageError(item_id, f"no claim, role or agreement with this id in {self.outdir / 'claims.json'}")
        raise UsageError(item_id, f"ambiguous id prefix ({len(matches)} items match); give more characters")

    def text(self, doc_id: str) -> str | None:
        """The text the offsets of ``doc_id`` refer to, when it can still be read and is unchanged."""
        if doc_id not in self._texts:
            self._texts[doc_id] = self._load_text(doc_id)
        return self._texts[doc_id]

    def _load_text(self, doc_id: str) -> str | None:
        result = self.documents.get(doc_id)
        if result is None:
            return None
        info = result.document
        # A relative input path is relative to where `claimweave run` ran: usually here or beside OUTDIR.
        candidates = [self.outdir / info.text_path] if info.text_path else [Path(info.path), self.outdir.parent / info.path]
        for path in candidates:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            # Offsets are only trustworthy in the very text they were computed on.
            if hashlib.sha256(text.encode("utf-8")).hexdigest() == info.sha256:
                return text
        return None


def _read_model(path: Path, model: type, *, required: bool = True):
    try:
        return model.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        if required:
            raise UsageError(str(path), "not found; is this the output folder of `claimweave run`?") from None
        return None
    except (ValidationError, ValueError) as err:
        raise UsageError(str(path), f"not a valid {model.__name__} ({str(err).splitlines()[0]})") from err


def load_record(outdir: Path, *, documents: bool = True) -> Record:
    """Read OUTDIR (claims.json, entities.json, run.json, documents/) and apply its decisions."""
    outdir = Path(outdir)
    if not outdir.is_dir():
        raise UsageError(str(outdir), "no such output folder")
    claims = _read_model(outdir / "claims.json", ClaimsFile)
    claims, report = apply_decisions(outdir, claims)
    entities = _read_model(outdir / "entities.json", EntitiesFile, required=False) or EntitiesFile(entities=[])
    run = _read_model(outdir / "run.json", RunInfo, required=False)
    docs: dict[str, DocResult] = {}
    if documents:
        for path in sorted((outdir / "documents").glob("*.json")):
            result = _read_model(path, DocResult)
            docs[result.document.id] = result
    return Record(outdir=outdir, claims=claims, entities=entities, documents=docs, run=run, report=report)


def record_decision(
    outdir: Path,
    item_id: str,
    action: Action,
    *,
    field_name: str | None = None,
    value: str | None = None,
    note: str | None = None,
    by: str | None = None,
) -> tuple[Decision, Item, Record]:
    """Validate, append one decision to OUTDIR/decisions.jsonl, and rewrite claims.json with it applied.

    Returns the decision, the item after the decision and the updated record.
    """
    record = load_record(outdir, documents=False)
    item = record.find(item_id)
    kind = kind_of(item)
    typed: FieldValue = None
    if action == "correct":
        if field_name is None or value is None:
            raise UsageError(item.id, "correct needs a FIELD and a VALUE")
        typed = coerce_value(kind, field_name, value)
    decision = make_decision(
        target=item.id, kind=kind, action=action, field=field_name, value=typed, note=note, by=by, members=item.members
    )
    append_decisions(record.outdir, [decision])
    updated = load_record(outdir, documents=False)
    # claims.json always shows the decisions made so far; the next run rebuilds it the same way.
    write_json(updated.outdir / "claims.json", updated.claims)
    return decision, updated.find(item.id), updated


def dump_value(value: FieldValue) -> str:
    """A field value as one line of text for people (lists joined with '; ')."""
    if value is None:
        return "—"
    if isinstance(value, list):
        return "; ".join(value) if value else "—"
    return value

