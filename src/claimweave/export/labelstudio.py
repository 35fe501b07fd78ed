"""Label Studio round trip: tasks with claimweave's spans as predictions, and annotations back as decisions.

One task per document: the text the offsets refer to, and one labelled region per evidence span
of every claim, role and agreement. Annotators pick ``accept``/``reject`` for a region, may write
``field = value`` corrections and a note; ``import_annotations`` turns those into decisions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from claimweave import __version__
from claimweave.errors import UsageError
from claimweave.review.apply import KINDS, coerce_value, kind_of
from claimweave.review.decisions import Decision, append_decisions, make_decision, read_decisions
from claimweave.review.listing import summary
from claimweave.review.record import Record, load_record
from claimweave.writers import write_json, write_text_atomic

LABELS = {"claim": "Claim", "role": "Role", "agreement": "Agreement"}

# pre-wrap keeps every space as in the file, so Label Studio's offsets are claimweave's offsets.
LABEL_CONFIG = """<View>
  <Labels name="kind" toName="text">
    <Label value="Claim" background="#ffd54f"/>
    <Label value="Role" background="#81d4fa"/>
    <Label value="Agreement" background="#a5d6a7"/>
  </Labels>
  <Style>.htx-text { white-space: pre-wrap; }</Style>
  <Text name="text" value="$text"/>
  <View visibleWhen="region-selected">
    <Header value="claimweave decision for the selected span"/>
    <Choices name="decision" toName="text" perRegion="true" choice="single">
      <Choice value="accept"/>
      <Choice value="reject"/>
    </Choices>
    <TextArea name="correct" toName="text" perRegion="true" placeholder="field = value (one per line)"/>
    <TextArea name="note" toName="text" perRegion="true" placeholder="note"/>
  </View>
</View>
"""


def tasks(record: Record) -> tuple[list[dict], list[str]]:
    """Label Studio tasks (one per document whose text is readable) and warnings for the others."""
    by_doc: dict[str, list[dict]] = {}
    regions: dict[str, dict[str, dict]] = {}
    for item in record.items():
        kind = kind_of(item)
        for n, evidence in enumerate(item.evidence):
            region_id = f"{item.id}-{n}"
            by_doc.setdefault(evidence.doc_id, []).append(
                {
                    "id": region_id,
                    "from_name": "kind",
                    "to_name": "text",
                    "type": "labels",
                    "value": {"start": evidence.start, "end": evidence.end, "text": evidence.text, "labels": [LABELS[kind]]},
                    "meta": {"text": [f"{item.id}: {summary(item)} [{item.review.state}]"]},
                }
            )
            regions.setdefault(evidence.doc_id, {})[region_id] = {"item": item.id, "kind": kind}
    out, warnings = [], []
    for doc_id in sorted(by_doc):
        text = record.text(doc_id)
        if text is None:
            warnings.append(f"{doc_id}: document text not found or changed since the run; no task written")
            continue
        info = record.documents[doc_id].document
        out.append(
            {
                "data": {
                    "text": text,
                    "doc_id": doc_id,
                    "title": info.title,
                    "source": info.source,
                    "published": info.published,
                    "claimweave_regions": regions[doc_id],
                },
                "predictions": [{"model_version": f"claimweave {__version__}", "result": by_doc[doc_id]}],
            }
        )
    return out, warnings


def export_tasks(outdir: Path, path: Path) -> tuple[int, Path, list[str]]:
    """Write the tasks to ``path`` and the labeling config beside it; returns (tasks, config path, warnings)."""
    record = load_record(outdir)
    out, warnings = tasks(record)
    warnings += [f"{w.path}: {w.message}" for w in record.report.warnings()]
    write_json(path, out)
    config = path.with_name(path.stem + ".label_config.xml")
    write_text_atomic(config, LABEL_CONFIG)
    return len(out), config, warnings


@dataclass
class ImportResult:
    appended: int = 0
    already: int = 0
    skipped: int = 0
    warnings: list[str] = field(default_factory=list)


def _annotator(annotation: dict) -> str | None:
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        return who.get("email") or (f"label-studio user {who['id']}" if "id" in who else None)
    return f"label-studio user {who}" if who is not None else None


def _texts(result: dict) -> list[str]:
    value = result.get("value", {}).get("text", [])
    return [value] if isinstance(value, str) else [t for t in value if isinstance(t, str)]


def _corrections(lines: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for line in (x for text in lines for x in text.splitlines()):
        for sep in ("=", ":"):
            if sep in line:
                name, value = line.split(sep, 1)
                pairs.append((name.strip(), value.strip()))
                break
    return pairs


def _region_decisions(record: Record, target: dict, results: list[dict], *, at: str, by: str | None, where: str) -> tuple[list[Decision], list[str]]:
    kind, item_id = target["kind"], target["item"]
    try:
        members = record.find(item_id).members
    except UsageError:
        members = []
    note = "\n".join(t for r in results if r.get("from_name") == "note" for t in _texts(r)) or None
    decisions, warnings = [], []
    for r in results:
        if r.get("from_name") != "correct":
            continue
        for name, raw in _corrections(_texts(r)):
            try:
                value = coerce_value(kind, name, raw)
            except UsageError as err:
                warnings.append(f"{where}: {item_id}: correction '{name} = {raw}' ignored ({err})")
                continue
            decisions.append(make_decision(target=item_id, kind=kind, action="correct", field=name, value=value, note=note, by=by, members=members, at=at))
    for r in results:
        if r.get("type") == "choices" and r.get("from_name") == "decision":
            for choice in r.get("value", {}).get("choices", []):
                if choice in ("accept", "reject"):
                    decisions.append(make_decision(target=item_id, kind=kind, action=choice, note=note, by=by, members=members, at=at))
    return decisions, warnings


def import_annotations(outdir: Path, path: Path, *, by: str | None = None) -> ImportResult:
    """Append the decisions in a Label Studio JSON export to OUTDIR/decisions.jsonl (idempotent)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(str(path), "no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise UsageError(str(path), f"not a Label Studio JSON export ({err})") from err
    if not isinstance(data, list):
        raise UsageError(str(path), "not a Label Studio JSON export (expected a list of tasks)")
    record = load_record(outdir, documents=False)
    result = ImportResult()
    decisions: list[Decision] = []
    for number, task in enumerate(data, 1):
        if not isinstance(task, dict):
            raise UsageError(str(path), f"task {number} is not a JSON object")
        regions = (task.get("data") or {}).get("claimweave_regions") or {}
        where = f"{path}: task {task.get('id', number)}"
        for annotation in task.get("annotations") or []:
            if annotation.get("was_cancelled"):
                continue
            at = annotation.get("updated_at") or annotation.get("created_at")
            if not at:
                result.warnings.append(f"{where}: annotation without a date skipped")
                continue
            grouped: dict[str, list[dict]] = {}
            for r in annotation.get("result", []):
                grouped.setdefault(str(r.get("id")), []).append(r)
            for region_id, results in sorted(grouped.items()):
                target = regions.get(region_id)
                if target is None or target.get("kind") not in KINDS:
                    result.skipped += 1
                    result.warnings.append(f"{where}: region {region_id} is not one of claimweave's spans; new spans are not imported")
                    continue
                found, warnings = _region_decisions(record, target, results, at=at, by=by or _annotator(annotation), where=where)
                result.warnings.extend(warnings)
                if not found:
                    result.skipped += 1
                decisions.extend(found)
    known = {n.decision.id for n in read_decisions(Path(outdir))}
    unique = list({d.id: d for d in decisions}.values())
    appended = append_decisions(Path(outdir), unique)
    result.appended = len(appended)
    result.already = sum(1 for d in unique if d.id in known)
    if appended:
        updated = load_record(outdir, documents=False)
        write_json(Path(outdir) / "claims.json", updated.claims)
    return result
