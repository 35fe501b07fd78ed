"""Exports: one flat row per claim, role and agreement in jsonl, csv and parquet; Label Studio round trip."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from claimweave.cli import app
from claimweave.export.labelstudio import import_annotations, tasks
from claimweave.export.tables import COLUMN_NAMES, row
from claimweave.review.decisions import read_decisions
from claimweave.review.record import load_record, record_decision

from review_fixtures import TEXTS, build_claims

CLAIMS = build_claims()
SIGN, CRITICISE, CALL, PATROL = (c.id for c in CLAIMS.claims)
MINISTER, LEADER = (r.id for r in CLAIMS.roles)
LEASE = CLAIMS.agreements[0].id


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def read_rows(path, fmt):
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text().splitlines()]
    if fmt == "csv":
        with path.open(newline="") as fh:
            return list(csv.DictReader(fh))
    return pq.read_table(path).to_pylist()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_table(outdir, tmp_path, fmt):
    record_decision(outdir, LEADER, "reject", note="not a title")
    record_decision(outdir, SIGN, "correct", field_name="time", value="2025-03-02", by="ana")
    path = tmp_path / f"rows.{fmt}"
    result = invoke("export", outdir, "--format", fmt, "-o", path)
    assert result.exit_code == 0, result.output
    assert "wrote 7 rows" in result.output
    rows = read_rows(path, fmt)
    assert [r["id"] for r in rows] == [SIGN, CRITICISE, CALL, PATROL, MINISTER, LEADER, LEASE]
    assert list(rows[0]) == COLUMN_NAMES
    sign = rows[0]
    assert (sign["kind"], sign["review_state"], sign["time"], sign["reviewed_by"]) == ("claim", "corrected", "2025-03-02", "ana")
    assert rows[5]["review_state"] == "rejected"
    assert rows[6]["agreement_kind"] == "lease"
    # Offsets are kept as they are, so every row points at its evidence text in its document.
    for r in rows:
        start, end = int(r["evidence_start"]), int(r["evidence_end"])
        assert TEXTS[r["evidence_doc_id"]][start:end] == r["evidence_text"]
    if fmt == "csv":
        assert sign["sources"] == "harbour-a; harbour-b" and sign["source_count"] == "2"
    else:
        assert sign["sources"] == ["harbour-a", "harbour-b"] and sign["source_count"] == 2
        assert sign["evidence_spans"] == ["harbour-a:126-185", "harbour-b:64-114"]


def test_export_parquet_schema_is_fixed(outdir, tmp_path):
    path = tmp_path / "rows.parquet"
    invoke("export", outdir, "-f", "parquet", "-o", path)
    schema = pq.read_schema(path)
    assert schema.names == COLUMN_NAMES
    assert str(schema.field("evidence_start").type) == "int64"
    assert str(schema.field("parties").type) == "list<element: string>"


def test_export_skip_rejected(outdir, tmp_path):
    record_decision(outdir, CALL, "reject")
    path = tmp_path / "rows.jsonl"
    assert invoke("export", outdir, "-f", "jsonl", "-o", path, "--skip-rejected").exit_code == 0
    assert CALL not in path.read_text() and len(path.read_text().splitlines()) == 6


def test_row_flattens_each_kind():
    claim, role, agreement = row(CLAIMS.claims[1]), row(CLAIMS.roles[0]), row(CLAIMS.agreements[0])
    assert (claim["predicate"], claim["attribution"], claim["person"]) == ("criticise", ["local radio"], None)
    assert (role["person"], role["person_entity_id"], role["title_normalized"]) == ("Mara Quint", CLAIMS.roles[0].entity_id, "transport minister")
    assert (agreement["parties"], agreement["duration"], agreement["agreement_status"]) == (["Veloria"], "P25Y", "signed")


def test_export_unknown_format(outdir, tmp_path):
    result = invoke("export", outdir, "-f", "xml", "-o", tmp_path / "x.xml")
    assert result.exit_code == 2 and "Error: --format: unknown format 'xml'" in result.output


# --------------------------------------------------------------------------- Label Studio


def test_label_studio_tasks_have_spans_with_offsets(outdir, tmp_path):
    path = tmp_path / "tasks.json"
    result = invoke("export", outdir, "--format", "label-studio", "-o", path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "tasks.label_config.xml").read_text().startswith("<View>")
    exported = json.loads(path.read_text())
    assert [t["data"]["doc_id"] for t in exported] == ["feed-1", "harbour-a", "harbour-b"]
    regions = [r for t in exported for r in t["predictions"][0]["result"]]
    assert len(regions) == sum(len(i.evidence) for i in load_record(outdir).items())
    for task in exported:
        for r in task["predictions"][0]["result"]:
            value = r["value"]
            assert task["data"]["text"][value["start"] : value["end"]] == value["text"]
            assert r["id"] in task["data"]["claimweave_regions"]


def annotated(outdir, region_results: dict[str, list[dict]], *, at="2026-02-01T10:00:00Z"):
    """A Label Studio export: the claimweave tasks with one annotation holding ``region_results``."""
    exported, _ = tasks(load_record(outdir))
    for task in exported:
        result = []
        for prediction in task["predictions"][0]["result"]:
            result.append(prediction)
            for extra in region_results.get(prediction["id"], []):
                result.append({"id": prediction["id"], "from_name": extra["from_name"], "to_name": "text", "type": extra["type"], "value": {**prediction["value"], **extra["value"]}})
        task["annotations"] = [{"id": 1, "completed_by": {"id": 7, "email": "ana@example.org"}, "created_at": at, "updated_at": at, "result": result}]
    return exported


def test_label_studio_annotations_become_decisions(outdir, tmp_path):
    export = annotated(
        outdir,
        {
            f"{CALL}-0": [{"from_name": "decision", "type": "choices", "value": {"choices": ["reject"]}},
                          {"from_name": "note", "type": "textarea", "value": {"text": ["quote, not a claim"]}}],
            f"{LEASE}-0": [{"from_name": "correct", "type": "textarea", "value": {"text": ["duration = P30Y\nasset: Tessel port"]}},
                           {"from_name": "decision", "type": "choices", "value": {"choices": ["accept"]}}],
            f"{LEASE}-1": [{"from_name": "decision", "type": "choices", "value": {"choices": ["accept"]}}],
            f"{SIGN}-0": [{"from_name": "correct", "type": "textarea", "value": {"text": ["status = conflicting"]}}],
        },
    )
    path = tmp_path / "ls-export.json"
    path.write_text(json.dumps(export))
    result = CliRunner().invoke(app, ["review", str(outdir), "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "imported 4 new decisions" in result.output
    assert "correction 'status = conflicting' ignored" in result.output
    record = load_record(outdir)
    call, lease = record.find(CALL), record.find(LEASE)
    assert (call.review.state, call.review.history[0].note, call.review.history[0].by) == ("rejected", "quote, not a claim", "ana@example.org")
    assert (lease.review.state, lease.duration, lease.asset) == ("accepted", "P30Y", "Tessel port")
    # Importing the same export again adds nothing.
    again = import_annotations(outdir, path)
    assert (again.appended, again.already) == (0, 4)
    assert len(read_decisions(outdir)) == 4  # the accept of both lease spans is one decision


def test_label_studio_new_region_is_reported_not_imported(outdir, tmp_path):
    export = annotated(outdir, {})
    export[0]["annotations"][0]["result"].append(
        {"id": "abc123", "from_name": "decision", "to_name": "text", "type": "choices", "value": {"start": 0, "end": 4, "choices": ["reject"]}}
    )
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(export))
    result = import_annotations(outdir, path)
    assert result.appended == 0
    assert any("region abc123 is not one of claimweave's spans" in w for w in result.warnings)


@pytest.mark.parametrize(("content", "message"), [("{oops", "not a Label Studio JSON export"), ('{"a": 1}', "expected a list of tasks")])
def test_label_studio_bad_import_file(outdir, tmp_path, content, message):
    path = tmp_path / "ls.json"
    path.write_text(content)
    result = CliRunner().invoke(app, ["review", str(outdir), "import", str(path)])
    assert result.exit_code == 2 and message in result.output
